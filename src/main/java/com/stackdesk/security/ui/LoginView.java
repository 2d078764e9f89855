package com.stackdesk.security.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Staff sign in here; Spring Security sends anyone who opens a staff page without a session. */
@Route(value = "login", autoLayout = false)
@PageTitle("Staff sign in")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    final LoginForm login = new LoginForm();

    LoginView() {
        addClassName("sd-login");
        var i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Stackdesk staff sign in");
        i18n.getErrorMessage().setTitle("Sign-in failed");
        i18n.getErrorMessage()
                .setMessage(
                        "Check your username and password. After five wrong passwords in a row the account is locked for 15 minutes.");
        login.setI18n(i18n);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        add(login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}

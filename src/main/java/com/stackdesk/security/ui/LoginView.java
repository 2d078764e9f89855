package com.stackdesk.security.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/** Staff sign in here; Spring Security sends anyone who opens a staff page without a session. */
@Route(value = "login", autoLayout = false)
@PageTitle("Staff sign in")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    static final String WRONG_PASSWORD = "Check your username and password. After five wrong passwords in 15 minutes,"
            + " this username can't sign in from your network for the rest of those 15 minutes.";
    static final String LOCKED = "Too many wrong passwords for this username from your network: wait up to 15 minutes,"
            + " sign in from another network, or ask an admin to set a new password.";
    static final String DISABLED = "This account has been deactivated. Ask an admin if you need access again.";

    final LoginForm login = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    LoginView() {
        addClassName("sd-login");
        i18n.getForm().setTitle("Stackdesk staff sign in");
        i18n.getErrorMessage().setTitle("Sign-in failed");
        i18n.getErrorMessage().setMessage(WRONG_PASSWORD);
        login.setI18n(i18n);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        add(login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean failed =
                event.getLocation().getQueryParameters().getParameters().containsKey("error");
        if (failed) {
            i18n.getErrorMessage().setMessage(messageFor(lastFailure()));
            login.setI18n(i18n);
        }
        login.setError(failed);
    }

    /** The message the form shows when sign-in failed. */
    String errorMessage() {
        return i18n.getErrorMessage().getMessage();
    }

    /** Spring Security's failure handler leaves the exception in the session for the login page. */
    private static Object lastFailure() {
        var session = VaadinSession.getCurrent();
        if (session == null || session.getSession() == null) {
            return "";
        }
        var failure = session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return failure == null ? "" : failure;
    }

    static String messageFor(Object failure) {
        if (failure instanceof LockedException) {
            return LOCKED;
        }
        if (failure instanceof DisabledException) {
            return DISABLED;
        }
        return WRONG_PASSWORD;
    }
}

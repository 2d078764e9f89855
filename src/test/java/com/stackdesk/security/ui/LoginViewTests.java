package com.stackdesk.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/** The login page says why a sign-in failed: wrong password, locked for 15 minutes, or deactivated. */
@IntegrationTest
class LoginViewTests extends SpringBrowserlessTest {

    private LoginView failedWith(RuntimeException failure) {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        return (LoginView) getCurrentView();
    }

    @Test
    void aLockedAccountGetsTheLockoutMessage() {
        var view = failedWith(new LockedException("locked"));

        assertThat(view.login.isError()).isTrue();
        assertThat(view.errorMessage()).isEqualTo(LoginView.LOCKED).contains("another network");
    }

    @Test
    void aDeactivatedAccountIsToldSo() {
        var view = failedWith(new DisabledException("disabled"));

        assertThat(view.errorMessage()).isEqualTo(LoginView.DISABLED);
    }

    @Test
    void aWrongPasswordMentionsTheLockoutRule() {
        var view = failedWith(new BadCredentialsException("bad"));

        assertThat(view.errorMessage()).isEqualTo(LoginView.WRONG_PASSWORD).contains("five wrong passwords");
    }

    @Test
    void withoutAFailureNoErrorShows() {
        var view = navigate(LoginView.class);

        assertThat(view.login.isError()).isFalse();
    }
}

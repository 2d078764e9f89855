package com.stackdesk.staff.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.SignIn;
import com.stackdesk.base.CurrentUser;
import com.stackdesk.staff.StaffMember;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.util.AopTestUtils;

/** Staff change their own password under the one policy; a one-time password must be changed first. */
@IntegrationTest
class ChangePasswordViewTests extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext app;

    @Autowired
    StaffMembers staff;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    CurrentUser currentUser;

    @AfterEach
    void signOut() {
        SignIn.out(app);
    }

    private StaffMember signedInRep(boolean mustChange) {
        var rep = TestStaff.member("rep-" + TestStaff.suffix())
                .fullName("Rita Rep")
                .passwordHash(passwords.encode("old-password-1"))
                .passwordChangeRequired(mustChange)
                .save(staff);
        SignIn.as(app, rep.getUsername());
        return rep;
    }

    private ChangePasswordView open() {
        return AopTestUtils.getUltimateTargetObject(navigate(ChangePasswordView.class));
    }

    private void fill(ChangePasswordView view, String current, String next, String again) {
        test(view.current).setValue(current);
        test(view.newPassword).setValue(next);
        test(view.repeat).setValue(again);
        test(view.change).click();
    }

    @Test
    void aRepChangesTheirPasswordAndKeepsThisSession() {
        var rep = signedInRep(false);
        var view = open();

        fill(view, "old-password-1", "four calm rivers", "four calm rivers");

        var stored = staff.findById(rep.getId()).orElseThrow();
        assertThat(passwords.matches("four calm rivers", stored.getPasswordHash()))
                .isTrue();
        assertThat(stored.getSessionEpoch()).as("other sessions end").isEqualTo(rep.getSessionEpoch() + 1);
        assertThat(currentUser.require().sessionEpoch()).as("this one stays").isEqualTo(stored.getSessionEpoch());
        assertThat(view.problem.getText()).isEmpty();
    }

    @Test
    void refusesWhatBreaksThePolicyWithAPlainMessage() {
        var rep = signedInRep(false);
        var view = open();

        fill(view, "wrong-current", "four calm rivers", "four calm rivers");
        assertThat(view.problem.getText()).contains("current password is not right");
        fill(view, "old-password-1", "short", "short");
        assertThat(view.problem.getText()).contains("at least 10 characters");
        fill(view, "old-password-1", "password123", "password123");
        assertThat(view.problem.getText()).contains("attackers try");
        fill(view, "old-password-1", "ü".repeat(40), "ü".repeat(40));
        assertThat(view.problem.getText()).contains("at most 72 bytes");
        fill(view, "old-password-1", "four calm rivers", "four calm rivers!");
        assertThat(view.problem.getText()).contains("differ");

        assertThat(passwords.matches(
                        "old-password-1",
                        staff.findById(rep.getId()).orElseThrow().getPasswordHash()))
                .isTrue();
    }

    @Test
    void aMemberWithAOneTimePasswordIsSentToChangeItFirst() {
        var rep = signedInRep(true);

        UI.getCurrent().navigate("dashboard");

        ChangePasswordView view = AopTestUtils.getUltimateTargetObject(getCurrentView());
        assertThat(view.required.isVisible()).isTrue();
        fill(view, "old-password-1", "four calm rivers", "four calm rivers");
        assertThat(staff.findById(rep.getId()).orElseThrow().isPasswordChangeRequired())
                .isFalse();
        UI.getCurrent().navigate("dashboard");
        assertThat(getCurrentView()).isNotInstanceOf(ChangePasswordView.class);
    }

    @Test
    void theFirstAdminsOneTimePasswordMustBeChangedAtFirstSignIn() {
        var admin = staff.findByUsernameIgnoreCase("admin").orElseThrow();
        assertThat(admin.isPasswordChangeRequired()).isTrue();
        SignIn.as(app, "admin");

        UI.getCurrent().navigate("leads");

        assertThat((Object) AopTestUtils.getUltimateTargetObject(getCurrentView()))
                .isInstanceOf(ChangePasswordView.class);
    }
}

package com.stackdesk.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.SignIn;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@IntegrationTest
class ApiTokensViewTests extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext app;

    @Autowired
    StaffMembers staff;

    @BeforeEach
    void signIn() {
        var rep = TestStaff.member("rep-" + TestStaff.suffix())
                .fullName("Rita Rep")
                .save(staff);
        SignIn.as(app, rep.getUsername());
    }

    @AfterEach
    void signOut() {
        SignIn.out(app);
    }

    @Test
    void createsATokenShowsItOnceAndRevokesIt() {
        var view = navigate(ApiTokensView.class);
        test(view.name).setValue("Weekly export");

        test(view.create).click();

        assertThat(view.newToken.isVisible()).isTrue();
        assertThat(view.newToken.getText()).containsPattern("sdk_[A-Za-z0-9_-]{40,}");
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getCellText(0, 0)).isEqualTo("Weekly export");

        var revoke = (Button) test(view.grid).getCellComponent(0, 4);
        test(revoke).click();

        assertThat(test(view.grid).getCellComponent(0, 4)).isNotInstanceOf(Button.class);
    }
}

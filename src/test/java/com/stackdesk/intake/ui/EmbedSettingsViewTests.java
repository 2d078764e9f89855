package com.stackdesk.intake.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.SignIn;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@IntegrationTest
class EmbedSettingsViewTests extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext app;

    @Autowired
    StaffMembers staff;

    @AfterEach
    void signOut() {
        SignIn.out(app);
    }

    private List<String> listed(EmbedSettingsView view) {
        var sites = new ArrayList<String>();
        for (int row = 0; row < test(view.origins).size(); row++) {
            sites.add(test(view.origins).getCellText(row, 0));
        }
        return sites;
    }

    @Test
    void anAdminCopiesTheSnippetsAllowsASiteAndRemovesItAgain() {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var admin = TestStaff.member("admin-" + suffix)
                .fullName("Ada Admin")
                .email(suffix + "@x.example")
                .passwordHash("{noop}x")
                .role(Role.ADMIN)
                .save(staff);
        SignIn.as(app, admin.getUsername());

        var view = navigate(EmbedSettingsView.class);

        assertThat(view.consultationSnippet.getValue())
                .contains("data-stackdesk-form=\"CONSULTATION\"")
                .contains("/api/leads\" method=\"post\"")
                .contains("/embed/forms.css")
                .contains("/embed/forms.js");
        assertThat(view.planSnippet.getValue()).contains("data-stackdesk-form=\"DEVELOPMENT_PLAN\"");

        var site = "https://blog-" + suffix + ".example";
        test(view.origin).setValue(site.toUpperCase(java.util.Locale.ROOT) + "/");
        test(view.add).click();
        assertThat(listed(view)).contains(site);
        assertThat(view.origin.isInvalid()).isFalse();

        test(view.origin).setValue(site + "/posts/1");
        test(view.add).click();
        assertThat(view.origin.isInvalid()).isTrue();
        assertThat(view.origin.getErrorMessage()).contains("without a page");
        assertThat(listed(view)).doesNotContain(site + "/posts/1");

        var row = listed(view).indexOf(site);
        test((Button) test(view.origins).getCellComponent(row, 1)).click();
        assertThat(listed(view)).doesNotContain(site);
    }
}

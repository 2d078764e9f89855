package com.stackdesk.export.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.SignIn;
import com.stackdesk.export.LeadCsvExport;
import com.stackdesk.lead.LeadFilter;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import com.vaadin.browserless.SpringBrowserlessTest;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@IntegrationTest
class ExportLogViewTests extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext app;

    @Autowired
    StaffMembers staff;

    @Autowired
    LeadCsvExport export;

    @AfterEach
    void signOut() {
        SignIn.out(app);
    }

    @Test
    void anAdminSeesWhoExportedWhat() throws Exception {
        var admin = TestStaff.member("admin-" + TestStaff.suffix())
                .fullName("Ada Admin")
                .email("ada@x.example")
                .role(Role.ADMIN)
                .save(staff);
        SignIn.as(app, admin.getUsername());
        export.write(
                LeadFilter.builder().stack(StackLeaning.GO).build(),
                List.of(),
                new ByteArrayOutputStream(),
                true,
                "workspace");

        var view = navigate(ExportLogView.class);

        var rows = test(view.grid).size();
        assertThat(rows).isPositive();
        assertThat(test(view.grid).getCellText(0, 1)).isEqualTo(admin.getUsername());
        assertThat(test(view.grid).getCellText(0, 3)).isEqualTo("stack=GO");
        assertThat(test(view.grid).getCellText(0, 5)).isEqualTo("complete");
    }

    @Test
    void aFloodOfExportsDoesNotHideAnEarlierOne() throws Exception {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var eve = TestStaff.member("eve-" + suffix)
                .fullName("Eve")
                .role(Role.ADMIN)
                .save(staff);
        var flooder = TestStaff.member("flood-" + suffix)
                .fullName("Flo Od")
                .role(Role.ADMIN)
                .save(staff);
        SignIn.as(app, eve.getUsername());
        export.write(
                LeadFilter.builder().query("eve-" + suffix).build(),
                List.of(),
                new ByteArrayOutputStream(),
                true,
                "api");
        SignIn.as(app, flooder.getUsername());
        for (int i = 0; i < 250; i++) {
            export.write(
                    LeadFilter.builder().query("nothing-" + i).build(),
                    List.of(),
                    new ByteArrayOutputStream(),
                    true,
                    "api");
        }

        var view = navigate(ExportLogView.class);

        assertThat(test(view.grid).size()).isGreaterThanOrEqualTo(251);
        view.who.setValue(eve.getUsername());
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getCellText(0, 1)).isEqualTo(eve.getUsername());
        assertThat(test(view.grid).getCellText(0, 3)).isEqualTo("q=eve-" + suffix);
        assertThat(view.count.getText()).isEqualTo("1 export");

        view.who.setValue("flood-" + suffix);
        view.channel.setValue("api");
        assertThat(test(view.grid).size()).isEqualTo(250);
        assertThat(view.count.getText()).isEqualTo("250 exports");

        view.channel.setValue("workspace");
        assertThat(test(view.grid).size()).isZero();

        view.channel.clear();
        view.from.setValue(java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1));
        assertThat(test(view.grid).size()).isZero();
        view.from.clear();
        view.to.setValue(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        assertThat(test(view.grid).size()).isEqualTo(250);
    }
}

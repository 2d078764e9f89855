package com.stackdesk.notification.ui;

import static com.stackdesk.routing.RoutingFixtures.lead;
import static com.stackdesk.routing.RoutingFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.AwaitRouting;
import com.stackdesk.IntegrationTest;
import com.stackdesk.base.ui.NotFoundView;
import com.stackdesk.lead.LeadRegistration;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.notification.OutboxDispatcher;
import com.stackdesk.routing.RoutingFixtures;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.internal.StaffMembers;
import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.AopTestUtils;

/**
 * The mail log shows managers what the embedded SMTP server (the default when no server is
 * configured) received; sales reps cannot open it.
 */
@IntegrationTest
@TestPropertySource(properties = {"stackdesk.mail.dispatcher.enabled=false", "stackdesk.mail.embedded.port=0"})
@WithMockUser(username = "maria", roles = "MANAGER")
class MailLogViewTests extends SpringBrowserlessTest {

    @Autowired
    com.stackdesk.lead.internal.Leads leads;

    @Autowired
    LeadRegistration registration;

    @Autowired
    StaffMembers staffMembers;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.mail.javamail.JavaMailSender sender;

    @Test
    void showsTheConfirmationAndTheAlertThatTheEmbeddedServerReceived() {
        RoutingFixtures.clean(jdbc);
        staff(staffMembers, "ana", "Ana Souza", Role.SALES, false, StackLeaning.GO);
        var lead = AwaitRouting.routed(
                leads,
                registration.register(lead(StackLeaning.GO, "log@example.com")).getId());
        dispatcher.dispatchDue();

        // @RolesAllowed makes the view a method-security proxy: read the fields of the view itself
        MailLogView view = AopTestUtils.getUltimateTargetObject(navigate(MailLogView.class));

        assertThat(view.destination.getText()).contains("embedded SMTP server on 127.0.0.1:");
        var subjects = java.util.stream.IntStream.range(0, test(view.grid).size())
                .mapToObj(i -> test(view.grid).getRow(i).subject())
                .toList();
        assertThat(subjects)
                .contains("Your development plan request " + lead.getReference() + " at Northwind Software")
                .anyMatch(s -> s.startsWith("New lead " + lead.getReference() + " assigned to you"));
        test(view.grid)
                .select(subjects.indexOf(
                        "Your development plan request " + lead.getReference() + " at Northwind Software"));
        assertThat(view.selectedText.getText()).contains("Ana Souza will contact you");
        assertThat(view.selectedMeta.getText()).contains("log@example.com");
    }

    @Test
    void aCalendarFileAndTheHtmlVersionOpenOrDownloadAndThePageSaysTheLogIsInMemory() throws Exception {
        var run = java.util.UUID.randomUUID().toString().substring(0, 8);
        var ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
        var message = sender.createMimeMessage();
        var helper = new org.springframework.mail.javamail.MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom("hello@northwind.example");
        helper.setTo("zoe@brooks.example");
        helper.setSubject("Consultation call with Ana Souza · " + run);
        helper.setText("Hello Zoë", "<p>Hello <b>Zoë</b></p>");
        helper.addAttachment(
                "invite.ics",
                new org.springframework.core.io.ByteArrayResource(
                        ics.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "text/calendar");
        sender.send(message);

        MailLogView view = AopTestUtils.getUltimateTargetObject(navigate(MailLogView.class));
        var rows = test(view.grid);
        var index = java.util.stream.IntStream.range(0, rows.size())
                .filter(i -> rows.getRow(i).subject().endsWith(run))
                .findFirst()
                .orElseThrow();
        var mail = rows.getRow(index);
        rows.select(index);

        assertThat(mail.html()).isEqualTo("<p>Hello <b>Zoë</b></p>");
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("invite.ics");
            assertThat(a.contentType()).isEqualTo("text/calendar");
            assertThat(new String(a.content(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(ics);
        });
        assertThat(view.selectedMeta.getText()).endsWith("attached: invite.ics");
        assertThat(find(com.vaadin.flow.component.html.Anchor.class)
                        .from(view.selectedFiles)
                        .all())
                .extracting(a -> a.getElement().getAttribute("aria-label"))
                .containsExactly("Open email.html", "Open invite.ics", "Download invite.ics");
        assertThat(view.memoryNote.getText()).contains("kept in memory: a restart empties it");
        // no stackdesk.mail.workspace-url in the tests: the page says where the links point
        assertThat(view.linkWarning.isVisible()).isTrue();
        assertThat(view.linkWarning.getText()).startsWith("stackdesk.mail.workspace-url is not set");
    }

    @Test
    @WithMockUser(username = "ben", roles = "SALES")
    void aSalesRepCannotOpenIt() {
        navigate("admin/mail-log", NotFoundView.class);
    }
}

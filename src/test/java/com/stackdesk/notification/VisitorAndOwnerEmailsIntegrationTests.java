package com.stackdesk.notification;

import static com.stackdesk.routing.RoutingFixtures.lead;
import static com.stackdesk.routing.RoutingFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.stackdesk.AwaitRouting;
import com.stackdesk.IntegrationTest;
import com.stackdesk.TestSmtp;
import com.stackdesk.lead.ActivityType;
import com.stackdesk.lead.AssistantSummary;
import com.stackdesk.lead.Lead;
import com.stackdesk.lead.LeadActivity;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.LeadRegistration;
import com.stackdesk.lead.LeadTimeline;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.TestLeads;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.routing.RoutingFixtures;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.StaffMember;
import com.stackdesk.staff.internal.StaffMembers;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The emails as they arrive at a real SMTP server (GreenMail): recipients, subjects, content, both
 * parts (the designed HTML and the plain text) and the branding set in the properties.
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "stackdesk.mail.dispatcher.enabled=false",
            "stackdesk.routing.strategy=least-loaded",
            "stackdesk.mail.workspace-url=https://desk.northwind.example/",
            "stackdesk.branding.primary-color=#0f766e",
            "stackdesk.branding.logo-url=https://northwind.example/logo.png",
            "stackdesk.branding.footer=Northwind Software GmbH, Hafenstraße 1, Hamburg"
        })
class VisitorAndOwnerEmailsIntegrationTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        TestSmtp.sendTo(smtp, registry);
    }

    @Autowired
    LeadRegistration registration;

    @Autowired
    Leads leads;

    @Autowired
    LeadTimeline timeline;

    @Autowired
    StaffMembers staffMembers;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    com.stackdesk.lead.LeadWork work;

    StaffMember ana;
    StaffMember maria;

    @BeforeEach
    void setUp() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        RoutingFixtures.clean(jdbc);
        ana = staff(staffMembers, "ana", "Ana Souza", Role.SALES, false, StackLeaning.GO);
        maria = staff(staffMembers, "maria", "María García", Role.MANAGER, false);
    }

    @Test
    void visitorGetsConfirmationNotingThePreferredTimeAndOwnerGetsAlert() throws Exception {
        var preferred = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
        var lead = submit(
                lead(LeadKind.CONSULTATION, "Lee", "Visitor", StackLeaning.GO, "lee@example.com", preferred, null));

        assertThat(dispatcher.dispatchDue()).isEqualTo(2);

        var visitorMail = to("lee@example.com");
        assertThat(visitorMail.getSubject())
                .isEqualTo("Your consultation request " + lead.getReference() + " at Northwind Software");
        assertThat(visitorMail.getFrom()[0].toString()).contains("hello@northwind.example");
        var text = text(visitorMail);
        assertThat(text)
                .contains("Hello Lee")
                .contains(lead.getReference())
                .contains("Ana Souza will contact you within one business day")
                .contains("Stack: Go");
        assertThat(html(visitorMail)).contains("<strong>Ana Souza</strong>");
        // a time nobody confirmed is noted, not attached as a calendar entry: the booked call sends the invitation
        assertThat(attachmentNames(visitorMail)).isEmpty();
        assertThat(text).contains("We noted your preferred time (").contains("then a calendar invitation follows");

        var ownerMail = to("ana@northwind.example");
        assertThat(ownerMail.getSubject())
                .isEqualTo("New lead " + lead.getReference() + " assigned to you: Lee Visitor (Go consultation)");
        assertThat(text(ownerMail))
                .contains("A new lead is yours: Lee Visitor <lee@example.com>")
                .contains("Why you: Go skill: Ana Souza → Ana Souza")
                .contains("https://desk.northwind.example/leads/" + lead.getReference());

        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(entries(lead))
                .extracting(LeadActivity::getText)
                .contains(
                        "Email pending: Visitor confirmation to lee@example.com",
                        "Email pending: Owner alert to ana@northwind.example",
                        "Email sent: Visitor confirmation to lee@example.com",
                        "Email sent: Owner alert to ana@northwind.example");
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void developmentPlanConfirmationHasNoCalendarFile() throws Exception {
        submit(lead(StackLeaning.GO, "plan@example.com"));

        dispatcher.dispatchDue();

        var visitorMail = to("plan@example.com");
        assertThat(attachmentNames(visitorMail)).isEmpty();
    }

    @Test
    void namesWithLineBreaksInjectNoHeaderAndHtmlIsEscaped() throws Exception {
        var lead = submit(lead(
                LeadKind.CONSULTATION,
                "Eve\r\nBcc: victim@evil.example",
                "<b>Mallory</b>\nX-Injected: yes",
                StackLeaning.GO,
                "eve@example.com",
                null,
                null));

        dispatcher.dispatchDue();

        var all = smtp.getReceivedMessages();
        assertThat(all).hasSize(2);
        for (var message : all) {
            assertThat(message.getHeader("Bcc")).isNull();
            assertThat(message.getHeader("X-Injected")).isNull();
            assertThat(message.getSubject()).doesNotContain("\r").doesNotContain("\n");
            assertThat(Arrays.stream(message.getAllRecipients())
                            .map(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress()))
                    .noneMatch(r -> r.contains("evil.example"));
        }
        assertThat(smtp.getUserManager().getUserByEmail("victim@evil.example")).isNull();
        var ownerMail = to("ana@northwind.example");
        assertThat(ownerMail.getSubject()).contains("Eve Bcc: victim@evil.example <b>Mallory</b> X-Injected: yes");
        assertThat(html(ownerMail)).contains("&lt;b&gt;Mallory&lt;/b&gt;").doesNotContain("<b>Mallory</b>");
        assertThat(lead.getReference()).isNotBlank();
    }

    @Test
    void theConfirmationRepeatsTheAssistantsRecommendationAndRange() throws Exception {
        var lead = submit(TestLeads.lead()
                .kind(LeadKind.CONSULTATION)
                .name("Ada", "Assisted")
                .stack(StackLeaning.GO)
                .email("ada@assisted.example")
                .message("I used your stack assistant.")
                .assistant(new AssistantSummary(
                        "Team knows: Go",
                        "Go over Node.js — many concurrent connections, team knows Go",
                        "50–85k EUR, 1–2 months"))
                .build());
        dispatcher.dispatchDue();

        var mail = to("ada@assisted.example");
        assertThat(text(mail))
                .contains(
                        "Our stack assistant recommended Go over Node.js — many concurrent connections, team knows Go.")
                .contains("Its rough estimate: 50–85k EUR, 1–2 months. An estimate from a few answers, not an offer");
        assertThat(html(mail))
                .contains("<strong>Go over Node.js — many concurrent connections, team knows Go</strong>")
                .contains("<strong>50–85k EUR, 1–2 months</strong>");
        assertThat(mail.getSubject()).contains(lead.getReference());
    }

    @Test
    void managersHearOfALeadNobodyCanTake() throws Exception {
        RoutingFixtures.outOfOfficeToday(jdbc, ana.getId());

        var lead = submit(lead(StackLeaning.GO, "late@example.com"));
        dispatcher.dispatchDue();

        var managerMail = to("maria@northwind.example");
        assertThat(managerMail.getSubject())
                .isEqualTo("Unassigned lead " + lead.getReference()
                        + " needs an owner: Lee Visitor (Go development plan)");
        assertThat(text(managerMail))
                .contains("It waits unassigned in the queue")
                .contains("Ana Souza out of office");
        assertThat(text(to("late@example.com"))).contains("Someone from our team will contact you");
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void everyEmailIsDesignedHtmlWithItsPlainTextPartInTheConsultancysColours() throws Exception {
        var lead = submit(lead(StackLeaning.GO, "brand@example.com"));
        dispatcher.dispatchDue();

        for (var message : smtp.getReceivedMessages()) {
            assertThat(message.isMimeType("multipart/*")).isTrue();
            var html = html(message);
            var text = text(message);
            assertThat(html)
                    .as("the HTML part of " + message.getSubject())
                    .startsWith("<!DOCTYPE html>")
                    .contains("role=\"presentation\"", "max-width: 600px")
                    .contains("border-top: 4px solid #0f766e")
                    .contains("<img src=\"https://northwind.example/logo.png\" alt=\"Northwind Software\"")
                    .contains("Northwind Software GmbH, Hafenstraße 1, Hamburg")
                    .doesNotContain("th:text", "th:if", "xmlns:th", "<style");
            assertThat(text)
                    .as("the text part of " + message.getSubject())
                    .doesNotContain("<p", "<span", "<strong", "&amp;", "&lt;")
                    .contains(lead.getReference())
                    .containsPattern("Northwind Software\\s*$");
        }
        var visitor = to("brand@example.com");
        assertThat(text(visitor)).containsPattern("^Hello Lee,\\R\\RThank you for your development plan request\\.");
        assertThat(html(visitor)).contains("Thank you for your").doesNotContain("thank you for your");
        var owner = to("ana@northwind.example");
        // the rep is greeted by first name; the link is a button in the brand's colour to the configured address
        assertThat(text(owner)).containsPattern("^Hi Ana,\\R").doesNotContain("Ana Souza,");
        assertThat(html(owner))
                .contains("Hi <span>Ana</span>,")
                .contains("href=\"https://desk.northwind.example/leads/" + lead.getReference() + "\"")
                .contains("background:#0f766e;color:#ffffff;");
    }

    @Test
    @org.springframework.security.test.context.support.WithUserDetails(
            value = "maria",
            setupBefore = org.springframework.security.test.context.support.TestExecutionEvent.TEST_EXECUTION)
    void aReassignedLeadsAlertNamesTheManagerNotTheirUsername() throws Exception {
        var ben = staff(staffMembers, "ben", "Ben Okafor", Role.SALES, false, StackLeaning.JAVA);
        var lead = submit(lead(StackLeaning.GO, "moved@example.com"));
        dispatcher.dispatchDue();
        smtp.purgeEmailFromAllMailboxes();

        work.reassign(lead.getReference(), lead.getVersion(), ben.getId());
        org.awaitility.Awaitility.await()
                .until(() -> dispatcher.dispatchDue() > 0 || smtp.getReceivedMessages().length > 0);

        var alert = to("ben@northwind.example");
        assertThat(text(alert))
                .startsWith("Hi Ben,")
                .contains("María García gave you the lead of Lee Visitor <moved@example.com>")
                .doesNotContain("maria gave");
        assertThat(html(alert)).contains("<span>María García</span> gave you the lead");
    }

    private Lead submit(com.stackdesk.lead.NewLead request) {
        return AwaitRouting.routed(leads, registration.register(request).getId());
    }

    private List<LeadActivity> entries(Lead lead) {
        return timeline.of(lead.getId()).stream()
                .filter(a -> a.getType() == ActivityType.EMAIL)
                .toList();
    }

    private static MimeMessage to(String address) throws Exception {
        var found = new ArrayList<MimeMessage>();
        for (var message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().contains(address))) {
                found.add(message);
            }
        }
        assertThat(found).as("messages to " + address).hasSize(1);
        return found.getFirst();
    }

    static String text(Part part) throws Exception {
        return part(part, "text/plain");
    }

    static String html(Part part) throws Exception {
        return part(part, "text/html");
    }

    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type) && part.getFileName() == null) {
            return GreenMailUtil.getBody(part).isEmpty() ? "" : String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            var multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                var found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static String attachment(Part part, String name) throws Exception {
        for (var p : attachments(part)) {
            if (name.equals(p.getFileName())) {
                return new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no attachment " + name);
    }

    static List<String> attachmentNames(Part part) throws Exception {
        var names = new ArrayList<String>();
        for (var p : attachments(part)) {
            names.add(p.getFileName());
        }
        return names;
    }

    private static List<BodyPart> attachments(Part part) throws Exception {
        if (!part.isMimeType("multipart/*")) {
            return Collections.emptyList();
        }
        var found = new ArrayList<BodyPart>();
        var multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            var child = multipart.getBodyPart(i);
            if (child.getFileName() != null) {
                found.add(child);
            } else {
                found.addAll(attachments(child));
            }
        }
        return found;
    }
}

package com.stackdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.stackdesk.AwaitRouting;
import com.stackdesk.IntegrationTest;
import com.stackdesk.LeadApi;
import com.stackdesk.TestSmtp;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import jakarta.mail.Message;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A lead posted to the HTTP API is routed like a form's and both emails reach a real SMTP server. */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiLeadIsRoutedAndEmailedTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        TestSmtp.sendTo(smtp, registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    Leads leads;

    @Autowired
    StaffMembers staff;

    @Test
    void aPostedRubyLeadGoesToTheRubyRepAndBothEmailsArrive() throws Exception {
        var rosa = TestStaff.member("rosa")
                .fullName("Rosa Ruby")
                .email("rosa@northwind.example")
                .skills(StackLeaning.RUBY)
                .save(staff);
        var body = """
                {"kind":"CONSULTATION","firstName":"Zoë","lastName":"Brooks","email":"zoe@brooks.example",
                 "stack":"Ruby","contactMethod":"EMAIL","message":"Rails upgrade help","consent":"true"}""";

        var response = LeadApi.post(port, body);

        assertThat(response.statusCode()).isEqualTo(201);
        var reference = LeadApi.reference(response);
        var lead = AwaitRouting.routed(
                leads, leads.findByReference(reference).orElseThrow().getId());
        assertThat(lead.getAssigneeId()).isEqualTo(rosa.getId());
        assertThat(lead.getRoutingReason()).contains("Rosa Ruby");

        assertThat(smtp.waitForIncomingEmail(15_000, 2)).isTrue();
        var messages = smtp.getReceivedMessages();
        assertThat(messages).hasSize(2);
        assertThat(Arrays.stream(messages).map(ApiLeadIsRoutedAndEmailedTests::recipient))
                .containsExactlyInAnyOrder("zoe@brooks.example", "rosa@northwind.example");
        assertThat(Arrays.stream(messages).map(GreenMailUtil::getBody)).allMatch(text -> text.contains(reference));
    }

    private static String recipient(Message message) {
        try {
            return ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

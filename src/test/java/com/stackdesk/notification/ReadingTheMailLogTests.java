package com.stackdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stackdesk.IntegrationTest;
import com.stackdesk.SignIn;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import jakarta.mail.internet.InternetAddress;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

/**
 * The mail log holds every visitor's and every rep's mail: only managers and admins read it, it
 * keeps only the newest messages, and mail that another program on the host sends to the
 * embedded server's port never shows up in it.
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "stackdesk.mail.dispatcher.enabled=false",
            "stackdesk.mail.embedded.port=0",
            "stackdesk.mail.embedded.keep=3"
        })
class ReadingTheMailLogTests {

    @Autowired
    ApplicationContext app;

    @Autowired
    MailLog mailLog;

    @Autowired
    JavaMailSender sender;

    @Autowired
    EmbeddedSmtpServer server;

    @Autowired
    StaffMembers staff;

    @AfterEach
    void signOut() {
        SignIn.out(app);
    }

    private String signInAs(Role role) {
        var member = TestStaff.member("m-" + TestStaff.suffix())
                .fullName("Someone")
                .email("someone@x.example")
                .role(role)
                .save(staff);
        SignIn.as(app, member.getUsername());
        return member.getUsername();
    }

    private void send(JavaMailSender through, String subject) {
        var message = new SimpleMailMessage();
        message.setFrom("hello@northwind.example");
        message.setTo("visitor@example.com");
        message.setSubject(subject);
        message.setText("Hello");
        through.send(message);
    }

    private java.util.List<String> subjects() {
        return mailLog.messages().stream().map(MailLog.LoggedMail::subject).toList();
    }

    @Test
    void aSalesRepMayNotReadTheMailLog() {
        send(sender, "A visitor's confirmation " + UUID.randomUUID());
        signInAs(Role.SALES);

        assertThatThrownBy(() -> mailLog.messages()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aManagerReadsTheNewestMessagesOnly() {
        var run = UUID.randomUUID().toString();
        for (int i = 1; i <= 5; i++) {
            send(sender, "Message " + i + " of " + run);
        }
        signInAs(Role.MANAGER);

        assertThat(subjects()).containsExactly("Message 5 of " + run, "Message 4 of " + run, "Message 3 of " + run);
    }

    @Test
    void namesAndSubjectsOutsideAsciiAreShownDecoded() throws Exception {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var message = sender.createMimeMessage();
        var helper = new MimeMessageHelper(message, "UTF-8");
        helper.setFrom(new InternetAddress("hello@northwind.example", "Søren at Northwind", "UTF-8"));
        helper.setTo(new InternetAddress("zoe@brooks.example", "Zoë Brooks", "UTF-8"));
        helper.setSubject("Your consultation · " + run);
        helper.setText("Hello");
        sender.send(message);
        signInAs(Role.MANAGER);

        var logged = mailLog.messages().stream()
                .filter(m -> m.subject().endsWith(run))
                .findFirst()
                .orElseThrow();
        assertThat(logged.to()).isEqualTo("Zoë Brooks <zoe@brooks.example>");
        assertThat(logged.from()).isEqualTo("Søren at Northwind <hello@northwind.example>");
        assertThat(logged.subject()).isEqualTo("Your consultation · " + run);
    }

    @Test
    void mailThatAnotherProgramSendsToThePortIsNotShown() {
        var intruder = new JavaMailSenderImpl();
        intruder.setHost("127.0.0.1");
        intruder.setPort(server.port());
        var run = UUID.randomUUID().toString();

        send(intruder, "Injected " + run);
        send(sender, "Genuine " + run);
        signInAs(Role.ADMIN);

        assertThat(subjects()).contains("Genuine " + run).doesNotContain("Injected " + run);
    }
}

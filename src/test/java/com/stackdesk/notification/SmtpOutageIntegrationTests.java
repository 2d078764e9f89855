package com.stackdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.stackdesk.StackdeskApplication;
import com.stackdesk.TestSmtp;
import com.stackdesk.intake.ConsultationRequest;
import com.stackdesk.intake.IntakeService;
import com.stackdesk.intake.SubmissionResult;
import com.stackdesk.intake.Visit;
import com.stackdesk.lead.ContactMethod;
import com.stackdesk.lead.LeadSource;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.routing.RoutingFixtures;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.internal.StaffMembers;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nothing is lost and nothing is sent twice: while the SMTP server is down visitors still get their
 * "thank you" and every lead is stored; when it is back every email arrives exactly once — also
 * when the application restarted in between. Runs the whole application against a real SMTP
 * server (GreenMail) that the test stops and starts.
 */
class SmtpOutageIntegrationTests {

    static final int SUBMISSIONS = 20;

    @TempDir
    Path directory;

    int smtpPort;
    List<String> database;
    GreenMail smtp;
    ConfigurableApplicationContext app;

    @BeforeEach
    void setUp() throws IOException {
        try (var socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        database = newDatabase();
    }

    /** The settings of a new database, which outlives the first application context like a disk does. */
    List<String> newDatabase() {
        // a file database, as in production
        return List.of("--spring.datasource.url=jdbc:h2:file:" + directory.resolve("outage-" + UUID.randomUUID())
                + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void emailsQueuedWhileSmtpIsDownAreDeliveredExactlyOnceWhenItIsBack() throws Exception {
        app = start();
        submitWhileSmtpIsDown();

        smtp = startSmtp();
        // several dispatchers at once (the scheduled one and three more) must still send each email once
        var pool = Executors.newFixedThreadPool(3);
        var dispatcher = app.getBean(OutboxDispatcher.class);
        for (int i = 0; i < 3; i++) {
            pool.submit(() -> {
                for (int round = 0; round < 20; round++) {
                    dispatcher.dispatchDue();
                    Thread.sleep(100);
                }
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertDeliveredExactlyOnce();
    }

    @Test
    void emailsQueuedBeforeARestartAreDeliveredExactlyOnceAfterIt() throws Exception {
        app = start();
        submitWhileSmtpIsDown();
        app.close();

        smtp = startSmtp();
        app = start();

        assertDeliveredExactlyOnce();
    }

    private void submitWhileSmtpIsDown() {
        var jdbc = app.getBean(JdbcTemplate.class);
        RoutingFixtures.clean(jdbc);
        RoutingFixtures.staff(app.getBean(StaffMembers.class), "ana", "Ana Souza", Role.SALES, false, StackLeaning.GO);
        var intake = app.getBean(IntakeService.class);
        for (int i = 0; i < SUBMISSIONS; i++) {
            var request = new ConsultationRequest();
            request.setFirstName("Visitor");
            request.setLastName("No" + i);
            request.setEmail("visitor" + i + "@example.com");
            request.setStack(StackLeaning.GO);
            request.setConsent(true);
            request.setContactMethod(ContactMethod.EMAIL);
            request.setMessage("We need help with Go, request " + i);
            var visit = new Visit(
                    "198.51.100." + i,
                    new LeadSource(null, null, null, null, null, null, "/book"),
                    Instant.now().minusSeconds(30),
                    "Europe/Berlin");
            assertThat(intake.submit(request, visit)).isInstanceOf(SubmissionResult.Accepted.class);
        }
        assertThat(app.getBean(Leads.class).count()).isEqualTo(SUBMISSIONS);
        // the dispatcher tried and failed at least once for every email, and sent none
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                        "select count(*) from outbound_email where attempts >= 1 and status = 'PENDING'",
                        Integer.class))
                .isEqualTo(2 * SUBMISSIONS));
        assertThat(jdbc.queryForObject("select count(*) from outbound_email where status = 'SENT'", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from lead_activity where text like 'Email delayed:%'", Integer.class))
                .isEqualTo(2 * SUBMISSIONS);
    }

    private void assertDeliveredExactlyOnce() throws Exception {
        var jdbc = app.getBean(JdbcTemplate.class);
        // done means the dispatcher has nothing left to send: no email waits or is being sent, every
        // one is SENT after at least one attempt, none failed
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("select count(*) from outbound_email where status <> 'SENT'", Integer.class))
                    .isZero();
            assertThat(jdbc.queryForObject("select count(*) from outbound_email where status = 'SENT'", Integer.class))
                    .isEqualTo(2 * SUBMISSIONS);
        });
        assertThat(jdbc.queryForObject(
                        "select count(*) from outbound_email where attempts < 1 or sent_at is null", Integer.class))
                .isZero();
        // SENT is written after the SMTP server took the message, so GreenMail holds them all by now
        var received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2 * SUBMISSIONS);
        var ids = new HashSet<String>();
        for (var message : received) {
            ids.add(message.getMessageID());
        }
        assertThat(ids).hasSize(2 * SUBMISSIONS);
        assertThat(Arrays.stream(received).filter(m -> {
                    try {
                        return m.getSubject().startsWith("New lead");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .hasSize(SUBMISSIONS);
        assertThat(jdbc.queryForObject(
                        "select count(*) from lead_activity where text like 'Email sent:%'", Integer.class))
                .isEqualTo(2 * SUBMISSIONS);
    }

    private GreenMail startSmtp() {
        return TestSmtp.start(smtpPort);
    }

    /** The whole app; settings as command-line arguments, which win over application.properties. */
    private ConfigurableApplicationContext start() {
        var arguments = new ArrayList<>(database);
        arguments.addAll(List.of(
                "--stackdesk.seeds.location=classpath:no-seeds/",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--spring.mail.properties.mail.smtp.connectiontimeout=2000",
                "--spring.mail.properties.mail.smtp.timeout=2000",
                "--stackdesk.mail.dispatcher.interval=100ms",
                "--stackdesk.mail.dispatcher.initial-backoff=200ms",
                "--stackdesk.mail.dispatcher.max-backoff=500ms",
                // an unreachable server never fails an email, however many attempts
                "--stackdesk.mail.dispatcher.max-attempts=2",
                "--stackdesk.mail.dispatcher.batch-size=7",
                "--server.port=0",
                "--vaadin.launch-browser=false",
                "--spring.main.banner-mode=off"));
        return new SpringApplicationBuilder(StackdeskApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(arguments.toArray(String[]::new));
    }
}

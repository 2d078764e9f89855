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
import com.stackdesk.routing.RoutingFixtures;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.internal.StaffMembers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A mail server that takes the connection and then never says a word must not stall the outbox:
 * the dispatcher gives up on that attempt after the configured read timeout, keeps the email
 * pending for a retry, and the emails after it still go out. The app talks to a real SMTP server
 * (GreenMail) through a gate that swallows its first connections silently.
 */
class HungSmtpServerTests {

    static final int SILENT_CONNECTIONS = 1;

    @TempDir
    Path directory;

    GreenMail smtp;
    SilentThenRelay gate;
    ConfigurableApplicationContext app;

    @AfterEach
    void tearDown() throws IOException {
        if (app != null) {
            app.close();
        }
        if (gate != null) {
            gate.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aServerThatNeverAnswersIsGivenUpOnWithinTheTimeoutAndTheEmailsStillGoOut() throws Exception {
        smtp = TestSmtp.start(0);
        gate = new SilentThenRelay(SILENT_CONNECTIONS, smtp.getSmtp().getPort());
        app = start(gate.port());
        var jdbc = app.getBean(JdbcTemplate.class);
        RoutingFixtures.clean(jdbc);
        RoutingFixtures.staff(app.getBean(StaffMembers.class), "ana", "Ana Souza", Role.SALES, false, StackLeaning.GO);

        submit(app.getBean(IntakeService.class), 3);

        // the silent connection's attempt ends by the read timeout, as a delay to retry, not a failure
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                        "select count(*) from lead_activity where text like 'Email delayed:%'", Integer.class))
                .isPositive());
        assertThat(jdbc.queryForObject("select count(*) from outbound_email where status = 'FAILED'", Integer.class))
                .isZero();
        assertThat(jdbc.queryForList(
                        "select last_error from outbound_email where last_error is not null", String.class))
                .isNotEmpty()
                .allSatisfy(error -> assertThat(error).containsIgnoringCase("timed out"));
        // every email of the three leads (confirmation and alert) then arrives, each once
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        jdbc.queryForObject("select count(*) from outbound_email where status = 'SENT'", Integer.class))
                .isEqualTo(6));
        assertThat(smtp.getReceivedMessages()).hasSize(6);
        assertThat(gate.silenced()).isEqualTo(SILENT_CONNECTIONS);
    }

    private static void submit(IntakeService intake, int leads) {
        for (int i = 0; i < leads; i++) {
            var request = new ConsultationRequest();
            request.setFirstName("Visitor");
            request.setLastName("Hung" + i);
            request.setEmail("hung" + i + "@example.com");
            request.setStack(StackLeaning.GO);
            request.setConsent(true);
            request.setContactMethod(ContactMethod.EMAIL);
            request.setMessage("Our Go service needs a review, request " + i);
            var visit = new Visit(
                    "203.0.113." + i,
                    new LeadSource(null, null, null, null, null, null, "/book"),
                    Instant.now().minusSeconds(30),
                    "Europe/Berlin");
            assertThat(intake.submit(request, visit)).isInstanceOf(SubmissionResult.Accepted.class);
        }
    }

    private ConfigurableApplicationContext start(int smtpPort) {
        return new SpringApplicationBuilder(StackdeskApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(
                        "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("hung-" + UUID.randomUUID())
                                + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--stackdesk.seeds.location=classpath:no-seeds/",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtpPort,
                        "--spring.mail.properties.mail.smtp.connectiontimeout=1000",
                        "--spring.mail.properties.mail.smtp.timeout=1000",
                        "--spring.mail.properties.mail.smtp.writetimeout=1000",
                        "--stackdesk.mail.dispatcher.interval=100ms",
                        "--stackdesk.mail.dispatcher.initial-backoff=200ms",
                        "--stackdesk.mail.dispatcher.max-backoff=500ms",
                        "--server.port=0",
                        "--vaadin.launch-browser=false",
                        "--spring.main.banner-mode=off");
    }

    /**
     * A TCP gate: its first {@code silent} connections are accepted and then left without a byte
     * (as a hung server does); every later one is relayed to the real SMTP server.
     */
    static final class SilentThenRelay implements AutoCloseable {

        private final ServerSocket server;
        private final int silent;
        private final int target;
        private final AtomicInteger accepted = new AtomicInteger();
        private final List<Socket> open = new CopyOnWriteArrayList<>();

        SilentThenRelay(int silent, int target) throws IOException {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.silent = silent;
            this.target = target;
            Thread.ofVirtual().start(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        int silenced() {
            return Math.min(accepted.get(), silent);
        }

        private void accept() {
            try {
                while (!server.isClosed()) {
                    var client = server.accept();
                    open.add(client);
                    if (accepted.incrementAndGet() > silent) {
                        var upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                        open.add(upstream);
                        Thread.ofVirtual().start(() -> pipe(client, upstream));
                        Thread.ofVirtual().start(() -> pipe(upstream, client));
                    }
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        private static void pipe(Socket from, Socket to) {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
                to.shutdownOutput();
            } catch (IOException closed) {
                // one side hung up
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (var socket : open) {
                socket.close();
            }
        }
    }
}

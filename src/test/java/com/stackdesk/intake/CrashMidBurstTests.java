package com.stackdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.stackdesk.TestSmtp;
import com.stackdesk.export.AppProcess;
import com.stackdesk.export.SeededDatabase;
import com.stackdesk.export.SeededDatabase.Jdbc;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The app is killed (kill -9) in the middle of a burst of submissions and started again on the same
 * database: every lead it answered 201 is still there, and every stored lead's visitor gets the
 * confirmation exactly once. Twice is allowed only for an email that was being sent (SENDING) at the
 * kill, when the SMTP server may have taken it before it was marked sent; those are counted apart.
 *
 * <p>Runs on a fresh H2 file database in {@code target/crash-mid-burst/<class>}, its URL with the options of
 * the app's default one: {@code ./mvnw test -Dtest=CrashMidBurstTests}. {@code
 * -Dcrash.durable-commits=false} shows what H2's write delay loses without {@code DurableCommits};
 * {@code -Dcrash.h2.options=;WRITE_DELAY=0} has H2 store every commit itself. On PostgreSQL (its schema is wiped; {@code -Pbench} brings the driver): {@code ./mvnw -Pbench
 * test -Dtest=CrashMidBurstTests -Dcrash.datasource.url=jdbc:postgresql://host:5432/db
 * -Dcrash.datasource.username=... -Dcrash.datasource.password=...}.
 */
class CrashMidBurstTests {

    static final int ACCEPTED_BEFORE_KILL = 200;
    static final int CLIENTS = 6;
    static final Pattern REFERENCE = Pattern.compile("SD-[0-9A-Z]{6}");

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.server();

    @Test
    void everyAcceptedLeadSurvivesAKillMidBurstAndItsVisitorIsConfirmedOnce() throws Exception {
        var dir = Path.of("target", "crash-mid-burst", getClass().getSimpleName());
        var db = freshDatabase(dir);
        Files.createDirectories(dir); // the app's log lands here, whichever database it runs on
        SeededDatabase.addSalesTeam(db);
        var arguments = List.of(
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--stackdesk.mail.embedded.enabled=false",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--stackdesk.intake.rate-limit.submissions=100000000",
                // what the killed app had claimed (SENDING) is sent again this soon after the restart
                "--stackdesk.mail.dispatcher.claim-timeout=2s",
                "--stackdesk.h2.durable-commits=" + System.getProperty("crash.durable-commits", "true"),
                "--logging.level.root=WARN");
        var log = dir.resolve("app.log");

        var burst = new Burst();
        double burstSeconds;
        try (var app = AppProcess.start("384m", AppProcess.QUICK_START, db.url(), log, arguments)) {
            burst.start(app);
            long start = System.nanoTime();
            await().atMost(Duration.ofMinutes(3)).until(() -> burst.accepted.size() >= ACCEPTED_BEFORE_KILL);
            app.kill();
            burstSeconds = (System.nanoTime() - start) / 1e9;
        }
        burst.stop();

        var atKill = Outbox.read(db);
        var lost = new HashSet<>(burst.accepted.keySet());
        lost.removeAll(atKill.storedReferences());

        try (var app = AppProcess.start("384m", AppProcess.QUICK_START, db.url(), log, arguments)) {
            // a bound for a slow, busy machine (the restart alone takes 15-40 s), not a speed target
            await().atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofSeconds(1))
                    .alias("confirmations of every lead stored at the kill received")
                    .until(() -> confirmationsReceived().keySet().containsAll(atKill.storedReferences()));
            // a graceful stop lets a running dispatch finish, so nothing is left SENDING
            assertThat(app.stop(Duration.ofSeconds(60))).isTrue();
        }

        var afterRestart = Outbox.read(db);
        var received = confirmationsReceived();
        var once = new HashSet<String>();
        var twiceAfterSendingAtKill = new HashSet<String>();
        var unexplained = new HashMap<String, Integer>();
        for (var reference : afterRestart.storedReferences()) {
            int count = received.getOrDefault(reference, 0);
            if (count == 1) {
                once.add(reference);
            } else if (count == 2
                    && "SENDING".equals(atKill.confirmationStatus().get(reference))) {
                twiceAfterSendingAtKill.add(reference);
            } else {
                unexplained.put(reference, count);
            }
        }
        var unknown = new HashSet<>(received.keySet());
        unknown.removeAll(afterRestart.storedReferences());
        System.out.printf(
                "CrashMidBurstTests (%s): %.1f leads/s from %d clients; %d answered 201 before the kill, %d requests in flight at it, %d of the 201s"
                        + " not stored, %d leads stored; confirmations at the kill: %s; received once %d,"
                        + " twice (SENDING at the kill) %d%n",
                db.url().replaceFirst(".*/", ""),
                burst.accepted.size() / burstSeconds,
                CLIENTS,
                burst.accepted.size(),
                burst.inFlightAtKill.get(),
                lost.size(),
                afterRestart.storedReferences().size(),
                atKill.statusCounts(),
                once.size(),
                twiceAfterSendingAtKill.size());

        var softly = new SoftAssertions();
        softly.assertThat(burst.refused)
                .as("submissions answered other than 201 before the kill")
                .isEmpty();
        softly.assertThat(lost)
                .as(
                        "of %d leads answered 201 before the kill (%d requests in flight at it), these are not in the database",
                        burst.accepted.size(), burst.inFlightAtKill.get())
                .isEmpty();
        softly.assertThat(afterRestart.confirmationStatus())
                .as("every stored lead has one visitor confirmation in the outbox, sent")
                .containsOnlyKeys(afterRestart.storedReferences())
                .allSatisfy((reference, status) -> assertThat(status).isEqualTo("SENT"));
        softly.assertThat(unexplained)
                .as("stored leads whose visitor got no confirmation, or more than one that the crash does not explain")
                .isEmpty();
        softly.assertThat(unknown)
                .as("confirmations for leads that are not stored")
                .isEmpty();
        softly.assertAll();
    }

    /** A fresh, migrated database for the app; {@code CrashMidBurstOnPostgresTests} takes one on PostgreSQL. */
    Jdbc freshDatabase(Path dir) throws Exception {
        var url = System.getProperty("crash.datasource.url", "");
        if (url.isBlank()) {
            // as the app's own URL: without it H2 closes itself on SIGTERM under a still-running dispatch
            return SeededDatabase.freshH2(dir, ";DB_CLOSE_ON_EXIT=FALSE" + System.getProperty("crash.h2.options", ""));
        }
        return SeededDatabase.freshPostgres(
                url,
                System.getProperty("crash.datasource.username", "postgres"),
                System.getProperty("crash.datasource.password", ""));
    }

    /** Visitor confirmations GreenMail received, counted by the lead reference in their subject. */
    private static Map<String, Integer> confirmationsReceived() throws MessagingException {
        var counts = new HashMap<String, Integer>();
        for (var message : smtp.getReceivedMessages()) {
            var to = message.getRecipients(Message.RecipientType.TO);
            var subject = message.getSubject();
            if (to == null || subject == null || !subject.startsWith("Your ")) {
                continue;
            }
            if (!(to[0] instanceof InternetAddress address)
                    || !address.getAddress().endsWith("@crash.example")) {
                continue;
            }
            var m = REFERENCE.matcher(subject);
            if (m.find()) {
                counts.merge(m.group(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Client threads posting distinct leads as fast as the app answers, until the app is gone. */
    static final class Burst {

        final Map<String, String> accepted = new ConcurrentHashMap<>();
        final List<String> refused = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger inFlightAtKill = new AtomicInteger();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final AtomicInteger sequence = new AtomicInteger();
        private final List<Thread> clients = new ArrayList<>();

        void start(AppProcess app) {
            var http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(Thread.ofPlatform().name("crash-client-" + i).start(() -> post(app, http)));
            }
        }

        private void post(AppProcess app, HttpClient http) {
            while (!stopped.get()) {
                int n = sequence.incrementAndGet();
                var email = "visitor" + n + "@crash.example";
                var body = """
                        {"kind":"%s","firstName":"Cora","lastName":"Crash","email":"%s","stack":"%s",\
                        "contactMethod":"EMAIL","company":"Crash %d AB","projectType":"API_BACKEND",\
                        "budget":"UNDECIDED","timeline":"ASAP","teamSize":"SOLO",\
                        "message":"Lead %d of the crash test","consent":"true","startedAt":%d}""".formatted(
                                n % 2 == 0 ? "CONSULTATION" : "DEVELOPMENT_PLAN",
                                email,
                                n % 3 == 0 ? "JAVA" : "NODE_JS",
                                n,
                                n,
                                Instant.now().minusSeconds(60).toEpochMilli());
                try {
                    var response = http.send(
                            HttpRequest.newBuilder(app.uri("/api/leads"))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    var m = REFERENCE.matcher(response.body());
                    if (response.statusCode() == 201 && m.find()) {
                        accepted.put(m.group(), email);
                    } else {
                        refused.add(response.statusCode() + " " + response.body());
                    }
                } catch (IOException gone) {
                    // the app was killed while this request was under way
                    inFlightAtKill.incrementAndGet();
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            for (var client : clients) {
                client.join(Duration.ofSeconds(40));
            }
        }
    }

    /** What the database holds: the leads, and the state of each one's visitor confirmation. */
    record Outbox(Set<String> storedReferences, Map<String, String> confirmationStatus) {

        static Outbox read(Jdbc db) throws SQLException {
            var references = new HashSet<String>();
            var statuses = new HashMap<String, String>();
            try (var c = db.connect()) {
                try (var rs = c.createStatement()
                        .executeQuery("SELECT reference FROM lead WHERE email LIKE '%@crash.example'")) {
                    while (rs.next()) {
                        references.add(rs.getString(1));
                    }
                }
                try (var rs = c.createStatement()
                        .executeQuery("SELECT l.reference, e.status FROM outbound_email e"
                                + " JOIN lead l ON l.id = e.lead_id WHERE e.kind = 'VISITOR_CONFIRMATION'")) {
                    while (rs.next()) {
                        var previous = statuses.put(rs.getString(1), rs.getString(2));
                        if (previous != null) {
                            statuses.put(rs.getString(1), "DUPLICATE ROW");
                        }
                    }
                }
            }
            return new Outbox(references, statuses);
        }

        Map<String, Long> statusCounts() {
            var counts = new TreeMap<String, Long>();
            storedReferences.forEach(
                    r -> counts.merge(confirmationStatus.getOrDefault(r, "NOT YET QUEUED"), 1L, Long::sum));
            return counts;
        }
    }
}

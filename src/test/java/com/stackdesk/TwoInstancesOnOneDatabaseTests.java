package com.stackdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two app instances behind a load balancer, one PostgreSQL: everything they share lives in the
 * database. 400 leads posted concurrently to both are all stored, routed round robin fairly and
 * emailed exactly once each at a real SMTP server, and the per-address rate limit counts the
 * submissions that reached either instance.
 */
class TwoInstancesOnOneDatabaseTests {

    static final int LEADS = 400;
    static final List<String> REPS = List.of("ana", "ben", "cleo", "dan");

    static GreenMail smtp;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static JdbcClient jdbc;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        int smtpPort;
        try (var socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        smtp = TestSmtp.start(smtpPort);
        var database = PostgresServer.createMigratedDatabase();
        first = start(database, smtpPort);
        jdbc = first.getBean(JdbcClient.class);
        for (var rep : REPS) {
            TestStaff.member(rep)
                    .fullName(rep.toUpperCase())
                    .email(rep + "@northwind.example")
                    .generalist(true)
                    .capacity(10000)
                    .save(first.getBean(StaffMembers.class));
        }
        second = start(database, smtpPort);
    }

    private static ConfigurableApplicationContext start(PostgresServer.Database database, int smtpPort) {
        var settings = Map.ofEntries(
                Map.entry("server.port", "0"),
                Map.entry("spring.datasource.url", database.url()),
                Map.entry("spring.datasource.username", database.username()),
                Map.entry("spring.datasource.password", database.password()),
                Map.entry("spring.mail.host", "127.0.0.1"),
                Map.entry("spring.mail.port", String.valueOf(smtpPort)),
                Map.entry("stackdesk.mail.dispatcher.interval", "200ms"),
                Map.entry("stackdesk.routing.strategy", "round-robin"),
                Map.entry("stackdesk.intake.min-fill-time", "0s"),
                Map.entry("stackdesk.intake.rate-limit.submissions", "5"),
                // the load balancer's X-Forwarded-For names each visitor's address
                Map.entry("server.forward-headers-strategy", "framework"),
                Map.entry("stackdesk.seeds.location", "classpath:no-seeds/"),
                Map.entry("STACKDESK_ADMIN_PASSWORD", "two-instances-admin"),
                Map.entry("vaadin.launch-browser", "false"),
                Map.entry("spring.main.banner-mode", "off"));
        // as command-line arguments: they win over application.properties, as an operator's would
        return new SpringApplicationBuilder(StackdeskApplication.class)
                .run(settings.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        for (var context : new ConfigurableApplicationContext[] {second, first}) {
            if (context != null) {
                context.close();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext instance, String address, String email)
            throws Exception {
        var body = """
                {"kind":"DEVELOPMENT_PLAN","firstName":"Ola","lastName":"Nordmann","email":"%s","stack":"Go","company":"Fjord AS",
                 "projectType":"WEB_APPLICATION","message":"An ordering portal","budget":"FROM_50K_TO_150K",
                 "timeline":"ASAP","teamSize":"FROM_2_TO_10","consent":"true"}""".formatted(email);
        return LeadApi.post(port(instance), body, "X-Forwarded-For", address);
    }

    @Test
    void fourHundredLeadsOverBothInstancesAreStoredRoutedFairlyAndEmailedExactlyOnce() throws Exception {
        var calls = new ArrayList<Callable<HttpResponse<String>>>();
        for (int i = 0; i < LEADS; i++) {
            var instance = i % 2 == 0 ? first : second;
            // four leads per visitor address, under the limit of five
            var address = "198.51.100." + (i / 4);
            var email = "visitor" + i + "@fjord.example";
            calls.add(() -> post(instance, address, email));
        }
        List<HttpResponse<String>> responses;
        try (var pool = Executors.newFixedThreadPool(32)) {
            responses = new ArrayList<>();
            for (var future : pool.invokeAll(calls)) {
                responses.add(future.get());
            }
        }

        assertThat(responses)
                .allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(201));
        var references = responses.stream()
                .map(r -> r.body().replaceAll(".*\"reference\":\"([^\"]+)\".*", "$1"))
                .collect(Collectors.toSet());
        assertThat(references).hasSize(LEADS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lead WHERE email LIKE 'visitor%@fjord.example'")
                        .query(Long.class)
                        .single())
                .isEqualTo(LEADS);
        // the other test's leads, if it ran first, are routed and emailed too
        long all = jdbc.sql("SELECT COUNT(*) FROM lead").query(Long.class).single();

        // round robin across both instances: equal shares, within one
        await().atMost(Duration.ofMinutes(1))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM lead WHERE routing_pending = TRUE")
                                .query(Long.class)
                                .single()
                        == 0);
        Map<String, Long> perRep = new HashMap<>();
        jdbc.sql("SELECT s.username, COUNT(*) FROM lead l JOIN staff s ON s.id = l.assignee_id GROUP BY s.username")
                .query((rs, n) -> perRep.put(rs.getString(1), rs.getLong(2)))
                .list();
        assertThat(perRep).containsOnlyKeys(REPS);
        assertThat(perRep.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(all);
        assertThat(Collections.max(perRep.values()) - Collections.min(perRep.values()))
                .as("round-robin shares %s", perRep)
                .isLessThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT turn) FROM routing_turn")
                        .query(Long.class)
                        .single())
                .isEqualTo(all);

        // both dispatchers work the one outbox: a confirmation and an alert per lead, each sent once
        await().atMost(Duration.ofMinutes(2))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM outbound_email WHERE status = 'SENT'")
                                .query(Long.class)
                                .single()
                        == 2L * all);
        var received = smtp.getReceivedMessages();
        assertThat(received).hasSize((int) (2 * all));
        var messageIds = new ArrayList<String>();
        for (MimeMessage message : received) {
            messageIds.add(message.getMessageID());
        }
        assertThat(messageIds).doesNotHaveDuplicates();
    }

    @Test
    void theRateLimitCountsSubmissionsThatReachedEitherInstance() throws Exception {
        var address = "203.0.113.77";
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 6; i++) {
            statuses.add(post(i % 2 == 0 ? first : second, address, "limited" + i + "@fjord.example")
                    .statusCode());
        }

        assertThat(statuses).containsExactly(201, 201, 201, 201, 201, 429);
    }
}

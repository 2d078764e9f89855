package com.stackdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stackdesk.base.DurableCommits;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.StaffAccount;
import com.stackdesk.staff.StaffAdministration;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.ConfigurableTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A new installation: the database is created and migrated by this very process, then the pool
 * retires every connection it started with (as it does after {@code max-lifetime}, 30 minutes by
 * default). Leads, staff changes and login attempts must still be stored afterwards. H2 2.4.240
 * failed exactly here: its CHECK constraints kept using the session that created them.
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            // a file database created by this context, as a fresh installation has
            "spring.datasource.url=jdbc:h2:file:./target/fresh-db/${random.uuid}/stackdesk;DB_CLOSE_ON_EXIT=FALSE",
            "spring.datasource.hikari.minimum-idle=2"
        })
class FreshDatabaseOutlivesItsConnectionsTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Leads leads;

    @Autowired
    StaffMembers staff;

    @Autowired
    StaffAdministration administration;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void signOut() {
        SignIn.out(app);
    }

    @Test
    void leadsStaffChangesAndLoginAttemptsAreStoredAfterThePoolRetiredEveryConnection() throws Exception {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var admin = TestStaff.member("admin-" + suffix)
                .fullName("Ada Admin")
                .password("right-password")
                .role(Role.ADMIN)
                .save(staff);
        var rep = TestStaff.member("rep-" + suffix)
                .fullName("Rita Rep")
                .password("right-password")
                .save(staff);
        var before = openSessions();

        retireEveryConnection(before);

        // a lead through the real HTTP path: lead, timeline, routing and outbox rows with their CHECKs
        var submitted = postLead("after-retirement-" + suffix + "@fjord.example");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        var reference = submitted.body().replaceAll(".*\"reference\":\"([^\"]+)\".*", "$1");
        var lead = AwaitRouting.routed(
                leads, leads.findByReference(reference).orElseThrow().getId());
        assertThat(lead.getAssigneeId()).isEqualTo(rep.getId());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbound_email WHERE lead_id = ?")
                        .param(lead.getId())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        // a staff change (role and capacity CHECKs, the audit row)
        SignIn.as(app, admin.getUsername());
        administration.update(
                rep.getId(),
                staff.findById(rep.getId()).orElseThrow().getVersion(),
                StaffAccount.of(staff.findWithSkillsById(rep.getId()).orElseThrow())
                        .withCapacity(7));
        assertThat(staff.findById(rep.getId()).orElseThrow().getCapacity()).isEqualTo(7);
        SignIn.out(app);

        // a wrong password is counted
        assertThat(getWithPassword(rep.getUsername(), "wrong-password")).isEqualTo(401);
        assertThat(jdbc.sql("SELECT attempts FROM login_throttle WHERE username = ?")
                        .param(rep.getUsername())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theTransactionManagerHasEveryAnsweredCommitWrittenToTheFile(
            @Autowired PlatformTransactionManager transactions) {
        // DurableCommitsTests shows what the listener does; here, that Spring Boot hands it over
        assertThat(((ConfigurableTransactionManager) transactions).getTransactionExecutionListeners())
                .hasAtLeastOneElementOfType(DurableCommits.class);
    }

    /** Soft-evicts the pool, as max-lifetime does, and waits until none of {@code sessions} is open. */
    private void retireEveryConnection(Set<Long> sessions) {
        assertThat(sessions)
                .as("the sessions that migrated and seeded the database")
                .isNotEmpty();
        var pool = ((HikariDataSource) dataSource).getHikariPoolMXBean();
        // a connection in use closes when it is given back; on a loaded machine a background worker
        // may keep one for a while (once over 30 s in CI: the message says which session and what it runs)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            pool.softEvictConnections();
            var now = openSessions();
            now.retainAll(sessions);
            assertThat(now)
                    .as(() -> "connections of the first minutes still open: "
                            + jdbc.sql(sessionDetailsQuery()).query().listOfRows())
                    .isEmpty();
        });
    }

    /** The database's open sessions (a retired connection's session closes with it). */
    private Set<Long> openSessions() {
        return new HashSet<>(jdbc.sql(sessionsQuery()).query(Long.class).list());
    }

    /** H2's; {@code FreshDatabaseOutlivesItsConnectionsOnPostgresTests} asks PostgreSQL. */
    String sessionsQuery() {
        return "SELECT SESSION_ID FROM INFORMATION_SCHEMA.SESSIONS";
    }

    /** What each open session is doing, for a failure's message. */
    String sessionDetailsQuery() {
        return "SELECT SESSION_ID, SESSION_STATE, EXECUTING_STATEMENT, CONTAINS_UNCOMMITTED, SLEEP_SINCE"
                + " FROM INFORMATION_SCHEMA.SESSIONS";
    }

    private HttpResponse<String> postLead(String email) throws Exception {
        var body = """
                {"kind":"CONSULTATION","firstName":"Zoë","lastName":"Brooks","email":"%s","stack":"Go",
                 "contactMethod":"EMAIL","message":"A Go service review","consent":"true"}""".formatted(email);
        return LeadApi.post(port, body);
    }

    private int getWithPassword(String username, String password) throws Exception {
        var basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/leads/SD-NONE"))
                                .header("Authorization", "Basic " + basic)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}

package com.stackdesk.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.stackdesk.IntegrationTest;
import com.stackdesk.SignIn;
import com.stackdesk.lead.LeadFilter;
import com.stackdesk.lead.LeadRegistration;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.routing.RoutingFixtures;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * An export holds a pooled connection while its client reads: clients that read slowly (or not
 * at all) may hold at most {@code max-concurrent} of them, so the next export is refused with a
 * clear message and the rest of the app still gets connections.
 */
@IntegrationTest
@TestPropertySource(properties = {"stackdesk.export.max-concurrent=2", "spring.datasource.hikari.maximum-pool-size=4"})
class SlowExportClientsTests {

    @Autowired
    LeadCsvExport export;

    @Autowired
    LeadRegistration registration;

    @Autowired
    Leads leads;

    @Autowired
    StaffMembers staff;

    @Autowired
    ApplicationContext app;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    /** A client that takes the first bytes and then stops reading until released. */
    static final class StalledClient extends OutputStream {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        }
    }

    @Test
    void twoStalledDownloadsLeaveThePoolToTheAppAndAThirdExportIsRefused() throws Exception {
        var manager = TestStaff.member("maria-" + TestStaff.suffix())
                .fullName("María García")
                .role(Role.MANAGER)
                .save(staff);
        // enough text that the export's 64 KB buffer reaches the client while rows are still being read
        for (int i = 0; i < 24; i++) {
            var lead = registration.register(
                    RoutingFixtures.lead(com.stackdesk.lead.StackLeaning.GO, "slow" + i + "@example.com"));
            jdbc.update("UPDATE lead SET message = ? WHERE id = ?", "x".repeat(4000), lead.getId());
        }
        var clients = List.of(new StalledClient(), new StalledClient());
        try (var pool = Executors.newFixedThreadPool(2)) {
            var downloads = clients.stream()
                    .<Future<Long>>map(client -> pool.submit(() -> {
                        SignIn.as(app, manager.getUsername());
                        // without a byte-order mark the first write is the header, after the rows are read
                        return export.write(LeadFilter.NONE, List.of(), client, false, "api");
                    }))
                    .toList();
            for (var client : clients) {
                assertThat(client.started.await(20, TimeUnit.SECONDS)).isTrue();
            }

            SignIn.as(app, manager.getUsername());
            assertThatThrownBy(() ->
                            export.write(LeadFilter.NONE, List.of(), OutputStream.nullOutputStream(), false, "api"))
                    .isInstanceOf(ExportsBusy.class)
                    .hasMessageContaining("2 exports are running already");
            // both stalled downloads hold a connection; routing, the outbox and the search index may
            // each hold one more for a moment (two at once under CI's load), so the figure is
            // awaited: the rest of the pool still serves the app
            var connections = ((HikariDataSource) dataSource).getHikariPoolMXBean();
            try {
                await().atMost(Duration.ofSeconds(20))
                        .untilAsserted(() ->
                                assertThat(connections.getActiveConnections()).isBetween(2, 3));
            } catch (AssertionError | RuntimeException e) {
                // not left stalled, 30 s a write, while the pool waits for them to end
                clients.forEach(c -> c.release.countDown());
                throw e;
            }
            assertThat(leads.count()).isPositive();

            clients.forEach(c -> c.release.countDown());
            for (var download : downloads) {
                assertThat(download.get(30, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            SignIn.out(app);
        }
        // once they are done, exporting works again
        SignIn.as(app, manager.getUsername());
        try {
            assertThat(export.write(LeadFilter.NONE, List.of(), OutputStream.nullOutputStream(), false, "api"))
                    .isPositive();
        } finally {
            SignIn.out(app);
        }
    }
}

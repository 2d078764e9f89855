package com.stackdesk.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.staff.internal.StaffMembers;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Instances started at the same moment on one new database: each finds no staff and creates the
 * first admin; one row wins, and every instance starts.
 */
@IntegrationTest
@TestPropertySource(properties = "STACKDESK_ADMIN_PASSWORD=first-admin-at-once")
@DirtiesContext
class FirstAdminAtOnceTests {

    static final int INSTANCES = 4;

    @Autowired
    FirstAdmin firstAdmin;

    @Autowired
    StaffMembers staff;

    @Test
    void instancesStartingAtOnceOnANewDatabaseAllStartWithOneAdminBetweenThem() throws Exception {
        staff.deleteAll(); // as a new database: the context's own start created the admin already
        var atOnce = new CyclicBarrier(INSTANCES);
        var starts = new ArrayList<CompletableFuture<Void>>();
        try (var instances = Executors.newFixedThreadPool(INSTANCES)) {
            for (int i = 0; i < INSTANCES; i++) {
                starts.add(CompletableFuture.runAsync(
                        () -> {
                            try {
                                atOnce.await();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            firstAdmin.load();
                        },
                        instances));
            }
            for (var start : starts) {
                start.get(); // an instance whose first admin failed would stop here
            }
        }

        assertThat(staff.count()).isEqualTo(1);
        assertThat(staff.findByUsernameIgnoreCase(FirstAdmin.USERNAME)).isPresent();
    }
}

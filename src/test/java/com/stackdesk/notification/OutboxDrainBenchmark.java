package com.stackdesk.notification;

import static com.stackdesk.routing.RoutingFixtures.lead;
import static com.stackdesk.routing.RoutingFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.stackdesk.IntegrationTest;
import com.stackdesk.TestSmtp;
import com.stackdesk.lead.LeadRegistration;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.routing.RoutingFixtures;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A measurement, not a test (tagged {@code bench}, left out of the normal build): how fast the
 * dispatcher drains 1,000 pending emails into a local SMTP server (GreenMail). Run it with
 * {@code ./mvnw test -Dtest.excludedGroups=none -Dtest=OutboxDrainBenchmark} and read the log line
 * "Outbox drain: ...".
 */
@Tag("bench")
@IntegrationTest
@TestPropertySource(
        properties = {
            "stackdesk.mail.dispatcher.enabled=false",
            "stackdesk.routing.strategy=round-robin",
            "logging.level.com.stackdesk.notification.OutboxDispatcher=debug"
        })
class OutboxDrainBenchmark {

    private static final Logger log = LoggerFactory.getLogger(OutboxDrainBenchmark.class);

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        TestSmtp.sendTo(smtp, registry);
    }

    @Autowired
    LeadRegistration registration;

    @Autowired
    StaffMembers staffMembers;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void drainsAThousandPendingEmails() throws Exception {
        RoutingFixtures.clean(jdbc);
        for (var name : new String[] {"ana", "ben", "cleo", "dan"}) {
            TestStaff.capacity(
                    staffMembers, staff(staffMembers, name, name, Role.SALES, false, StackLeaning.GO), 10_000);
        }
        // warm-up: 100 emails
        queue(50, "warm");
        dispatcher.dispatchDue();
        smtp.purgeEmailFromAllMailboxes();

        long queueStart = System.nanoTime();
        queue(500, "bench");
        double queueSeconds = (System.nanoTime() - queueStart) / 1e9;
        assertThat(jdbc.queryForObject("select count(*) from outbound_email where status = 'PENDING'", Integer.class))
                .isEqualTo(1000);

        long start = System.nanoTime();
        int sent = dispatcher.dispatchDue();
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(sent).isEqualTo(1000);
        assertThat(smtp.getReceivedMessages()).hasSize(1000);
        log.info(
                "Outbox drain: {} emails in {} s = {} emails/s (batch size 50, one dispatcher thread, GreenMail on"
                        + " localhost); queuing them (500 submissions, routing + rendering + outbox rows) took {} s",
                sent,
                String.format("%.2f", seconds),
                String.format("%.0f", sent / seconds),
                String.format("%.2f", queueSeconds));
    }

    private void queue(int leads, String prefix) {
        for (int i = 0; i < leads; i++) {
            registration.register(lead(StackLeaning.GO, prefix + i + "@example.com"));
        }
    }
}

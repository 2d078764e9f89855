package com.stackdesk.routing;

import static com.stackdesk.routing.RoutingFixtures.lead;
import static com.stackdesk.routing.RoutingFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.AwaitRouting;
import com.stackdesk.IntegrationTest;
import com.stackdesk.lead.LeadRegistration;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.StaffMember;
import com.stackdesk.staff.TestStaff;
import com.stackdesk.staff.internal.StaffMembers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** Round-robin under concurrent submissions: fair shares and no turn handed out twice. */
@IntegrationTest
@TestPropertySource(properties = {"stackdesk.mail.dispatcher.enabled=false", "stackdesk.routing.strategy=round-robin"})
class RoundRobinRoutingIntegrationTests {

    @Autowired
    LeadRegistration registration;

    @Autowired
    Leads leads;

    @Autowired
    StaffMembers staffMembers;

    @Autowired
    JdbcTemplate jdbc;

    List<StaffMember> reps = new ArrayList<>();

    @BeforeEach
    void fourEqualGoReps() {
        RoutingFixtures.clean(jdbc);
        reps.clear();
        for (var name : List.of("ana", "ben", "cleo", "dan")) {
            var rep = staff(staffMembers, name, name.toUpperCase(), Role.SALES, false, StackLeaning.GO);
            reps.add(TestStaff.capacity(staffMembers, rep, 1000));
        }
    }

    @Test
    void aLeadThatCannotBeRoutedDoesNotHoldUpTheLeadsAfterIt() {
        // an older lead whose routing fails: it is waiting again, but its turn is taken already
        // (uk_routing_turn_lead), so routing it once more breaks the transaction it is in
        var stuck = AwaitRouting.routed(
                leads,
                registration
                        .register(lead(StackLeaning.GO, "stuck@example.com"))
                        .getId());
        jdbc.update("update lead set routing_pending = true, assignee_id = null where id = ?", stuck.getId());

        var later = IntStream.range(0, 3)
                .mapToObj(i -> registration.register(lead(StackLeaning.GO, "later" + i + "@example.com")))
                .map(lead -> AwaitRouting.routed(leads, lead.getId()))
                .toList();

        assertThat(later).allSatisfy(lead -> assertThat(lead.getAssigneeId()).isNotNull());
        assertThat(leads.findById(stuck.getId()).orElseThrow().isRoutingPending())
                .as("the lead that fails stays stored and waiting, for the next try")
                .isTrue();
    }

    @Test
    void twoHundredConcurrentSubmissionsAreSharedFairlyAndNoTurnIsTakenTwice() throws Exception {
        int submissions = 200;
        int threads = 8;
        var pool = Executors.newFixedThreadPool(threads);
        var start = new CountDownLatch(1);
        try {
            var tasks = new ArrayList<Callable<Long>>();
            for (int i = 0; i < submissions; i++) {
                var email = "visitor" + i + "@example.com";
                tasks.add(() -> {
                    start.await();
                    return registration.register(lead(StackLeaning.GO, email)).getId();
                });
            }
            var futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            for (var f : futures) {
                f.get();
            }
            AwaitRouting.nothingWaiting(leads);
        } finally {
            pool.shutdown();
        }

        Map<Long, Long> perRep =
                leads.findAll().stream().collect(Collectors.groupingBy(l -> l.getAssigneeId(), Collectors.counting()));
        assertThat(perRep).hasSize(4);
        assertThat(perRep.values()).allSatisfy(n -> assertThat(n).isBetween(49L, 51L));

        List<Long> turns = jdbc.queryForList("select turn from routing_turn order by turn", Long.class);
        assertThat(turns)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, submissions).boxed().toList());
        assertThat(jdbc.queryForObject("select count(distinct lead_id) from routing_turn", Integer.class))
                .isEqualTo(submissions);
        assertThat(jdbc.queryForObject("select next_turn from routing_rotation", Long.class))
                .isEqualTo(submissions + 1L);
        // the rotation goes round: every block of four consecutive turns went to four different reps
        List<Long> owners = jdbc.queryForList("select staff_id from routing_turn order by turn", Long.class);
        IntStream.range(0, submissions / 4).forEach(block -> assertThat(owners.subList(block * 4, block * 4 + 4))
                .doesNotHaveDuplicates());
    }

    @Test
    void weightsGiveProportionalShares() {
        var heavy = TestStaff.weight(staffMembers, reps.getFirst(), 2);

        for (int i = 0; i < 50; i++) {
            registration.register(lead(StackLeaning.GO, "w" + i + "@example.com"));
        }
        AwaitRouting.nothingWaiting(leads);

        Map<Long, Long> perRep =
                leads.findAll().stream().collect(Collectors.groupingBy(l -> l.getAssigneeId(), Collectors.counting()));
        // weights 2:1:1:1 over 50 leads → 20, 10, 10, 10
        assertThat(perRep.get(heavy.getId())).isBetween(19L, 21L);
        reps.stream().skip(1).forEach(r -> assertThat(perRep.get(r.getId())).isBetween(9L, 11L));
    }
}

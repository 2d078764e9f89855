package com.stackdesk.booking;

import static com.stackdesk.routing.RoutingFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

import com.stackdesk.IntegrationTest;
import com.stackdesk.lead.LeadRegistration;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.lead.TestAssignments;
import com.stackdesk.lead.TestLeads;
import com.stackdesk.lead.internal.Leads;
import com.stackdesk.routing.RoutingFixtures;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.internal.StaffMembers;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A measurement, not a test (tagged {@code bench}, left out of the normal build): how long the
 * thank-you page's offer of free slots takes with 40 reps who hold 100,000 past calls and a full
 * two weeks ahead, for a lead with an owner and for one nobody owns (every Go rep's slots). Run it
 * with {@code ./mvnw test -Dtest.excludedGroups=none -Dtest=ThankYouSlotsBenchmark} and read the
 * log line "Thank-you slots: ...".
 */
@Tag("bench")
@IntegrationTest
class ThankYouSlotsBenchmark {

    private static final Logger log = LoggerFactory.getLogger(ThankYouSlotsBenchmark.class);
    static final int REPS = 40;
    static final int PAST_CALLS = 100_000;

    @Autowired
    CallBooking booking;

    @Autowired
    CallHours hours;

    @Autowired
    LeadRegistration registration;

    @Autowired
    Leads leads;

    @Autowired
    StaffMembers staffMembers;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void offerOfFreeSlots() {
        RoutingFixtures.clean(jdbc);
        var week = new EnumMap<DayOfWeek, FreeSlots.Span>(DayOfWeek.class);
        for (var day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, new FreeSlots.Span(LocalTime.of(8, 0), LocalTime.of(18, 0)));
        }
        var reps = new ArrayList<Long>();
        for (int i = 0; i < REPS; i++) {
            var member = staff(
                    staffMembers,
                    "rep" + i,
                    "Rep " + i,
                    Role.SALES,
                    false,
                    i % 2 == 0 ? StackLeaning.GO : StackLeaning.JAVA);
            reps.add(Objects.requireNonNull(member.getId()));
            hours.set(member.getId(), new CallHours.Week(ZoneId.of("Europe/Berlin"), week));
        }
        var template = TestLeads.store(
                registration,
                TestLeads.consultation("Lee", "Visitor", "lee@visitor.example", null, StackLeaning.GO),
                Instant.now());
        var columns = jdbc
                .queryForList(
                        "select column_name from information_schema.columns where table_name = 'LEAD'"
                                + " and column_name not in ('ID', 'REFERENCE') order by ordinal_position",
                        String.class)
                .stream()
                .collect(Collectors.joining(", "));
        jdbc.update("insert into lead (reference, " + columns + ") select 'X' || lpad(cast(x as varchar), 8, '0'), "
                + columns + " from lead, system_range(1, " + PAST_CALLS + ") where id = " + template.getId());
        var base = Instant.now().truncatedTo(ChronoUnit.HOURS);
        // 100,000 past calls (2,500 per rep), each of its own lead
        jdbc.update(
                "insert into booked_call (uid, lead_id, staff_id, starts_at, ends_at, visitor_time_zone, sequence,"
                        + " status, active_starts_at, active_lead_id, booked_at, version)"
                        + " select 'past-' || c.lid, c.lid, c.sid, c.at, dateadd('MINUTE', 30, c.at), 'UTC', 0, 'BOOKED',"
                        + " c.at, c.lid, c.at, 0 from (select l.id lid, s.id sid,"
                        + " dateadd('MINUTE', -30 * (l.n / " + REPS + " + 2), cast(? as timestamp with time zone)) at"
                        + " from (select id, row_number() over (order by id) n from lead where reference like 'X%') l"
                        + " join (select id, row_number() over (order by id) - 1 k from staff) s"
                        + " on s.k = mod(l.n, " + REPS + ")) c",
                java.sql.Timestamp.from(base));
        assertThat(jdbc.queryForObject("select count(*) from booked_call", Integer.class))
                .isEqualTo(PAST_CALLS);

        var owned = TestLeads.store(
                registration,
                TestLeads.consultation("Kim", "Owner", "kim@visitor.example", null, StackLeaning.GO),
                Instant.now());
        TestAssignments.assign(owned, reps.getFirst(), "bench");
        leads.save(owned);
        var ownedToken = booking.bookingToken(owned.getReference()).orElseThrow();
        var unowned = TestLeads.store(
                registration,
                TestLeads.consultation("Uma", "Nobody", "uma@visitor.example", null, StackLeaning.GO),
                Instant.now());
        var unownedToken = booking.bookingToken(unowned.getReference()).orElseThrow();
        // the next two weeks half booked: every other slot of every rep
        for (var rep : reps) {
            for (var slot : booking.freeSlots(List.of(rep), Instant.now())) {
                if (slot.startsAt().getEpochSecond() / 1800 % 2 == 0) {
                    var lead = TestLeads.store(
                            registration,
                            TestLeads.consultation("Bo", "Oked", "bo@visitor.example", null, StackLeaning.GO),
                            Instant.now());
                    jdbc.update(
                            "insert into booked_call (uid, lead_id, staff_id, starts_at, ends_at, visitor_time_zone,"
                                    + " sequence, status, active_starts_at, active_lead_id, booked_at, version)"
                                    + " values (?, ?, ?, ?, ?, 'UTC', 0, 'BOOKED', ?, ?, ?, 0)",
                            "future-" + lead.getId(),
                            lead.getId(),
                            rep,
                            java.sql.Timestamp.from(slot.startsAt()),
                            java.sql.Timestamp.from(slot.startsAt().plusSeconds(1800)),
                            java.sql.Timestamp.from(slot.startsAt()),
                            lead.getId(),
                            java.sql.Timestamp.from(Instant.now()));
                }
            }
        }
        log.info(
                "Thank-you slots: {} calls booked in all, {} of them ahead",
                jdbc.queryForObject("select count(*) from booked_call", Integer.class),
                jdbc.queryForObject(
                        "select count(*) from booked_call where starts_at > current_timestamp", Integer.class));

        measure("a lead with an owner", () -> booking.offer(ownedToken));
        measure("a lead nobody owns (" + REPS / 2 + " Go reps)", () -> booking.offer(unownedToken));
    }

    private void measure(String what, Supplier<CallBooking.Offer> offer) {
        int slots = ((CallBooking.Offer.Open) offer.get()).slots().size();
        for (int i = 0; i < 20; i++) {
            offer.get();
        }
        var times = new ArrayList<Long>();
        for (int i = 0; i < 200; i++) {
            long start = System.nanoTime();
            offer.get();
            times.add(System.nanoTime() - start);
        }
        times.sort(null);
        log.info(
                "Thank-you slots: {}: {} slots, median {} ms, p95 {} ms, max {} ms",
                what,
                slots,
                String.format("%.1f", times.get(100) / 1e6),
                String.format("%.1f", times.get(190) / 1e6),
                String.format("%.1f", times.get(199) / 1e6));
    }
}

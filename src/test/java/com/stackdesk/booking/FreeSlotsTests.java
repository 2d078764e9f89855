package com.stackdesk.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Free call slots, computed by hand from the calendar of December 2026 and March 2027. */
class FreeSlotsTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    final FreeSlots tenDays = new FreeSlots(10, Duration.ZERO);

    @Test
    void offersTheSlotsInsideTheCallHoursOfTheNextTenBusinessDays() {
        // Tuesday 1 December 2026, 07:00 in Berlin (UTC+1); calls 09:00-10:30 Berlin = 08:00-09:30 UTC
        var rep = rep(1, BERLIN, weekdays("09:00", "10:30"), List.of(), List.of());

        var slots = tenDays.of(rep, Instant.parse("2026-12-01T06:00:00Z"));

        // Dec 1, 2, 3, 4, 7, 8, 9, 10, 11, 14: three slots each; no weekend
        assertThat(slots).hasSize(30);
        assertThat(slots.getFirst()).isEqualTo(new Slot(1, Instant.parse("2026-12-01T08:00:00Z")));
        assertThat(slots.subList(0, 3))
                .extracting(Slot::startsAt)
                .containsExactly(
                        Instant.parse("2026-12-01T08:00:00Z"),
                        Instant.parse("2026-12-01T08:30:00Z"),
                        Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(slots.getLast().startsAt()).isEqualTo(Instant.parse("2026-12-14T09:00:00Z"));
        assertThat(slots)
                .extracting(s -> LocalDate.ofInstant(s.startsAt(), BERLIN))
                .doesNotContain(
                        LocalDate.parse("2026-12-05"),
                        LocalDate.parse("2026-12-06"),
                        LocalDate.parse("2026-12-12"),
                        LocalDate.parse("2026-12-13"),
                        LocalDate.parse("2026-12-15"));
    }

    @Test
    void leavesOutPastSlotsAndThoseWithinTheNotice() {
        var rep = rep(1, BERLIN, weekdays("09:00", "10:30"), List.of(), List.of());

        assertThat(tenDays.of(rep, Instant.parse("2026-12-01T08:10:00Z"))
                        .getFirst()
                        .startsAt())
                .isEqualTo(Instant.parse("2026-12-01T08:30:00Z"));
        assertThat(new FreeSlots(10, Duration.ofHours(1))
                        .of(rep, Instant.parse("2026-12-01T08:10:00Z"))
                        .getFirst()
                        .startsAt())
                // 08:00, 08:30 and 09:00 UTC fall within the hour from 08:10: the next is Wednesday's first
                .isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
    }

    @Test
    void leavesOutOutOfOfficeDays() {
        var away = List.of(new FreeSlots.Absence(LocalDate.parse("2026-12-02"), LocalDate.parse("2026-12-03")));
        var rep = rep(1, BERLIN, weekdays("09:00", "10:30"), away, List.of());

        var slots = tenDays.of(rep, Instant.parse("2026-12-01T06:00:00Z"));

        assertThat(slots).hasSize(24);
        assertThat(slots)
                .extracting(s -> LocalDate.ofInstant(s.startsAt(), BERLIN))
                .doesNotContain(LocalDate.parse("2026-12-02"), LocalDate.parse("2026-12-03"))
                .contains(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-04"));
    }

    @Test
    void leavesOutSlotsThatOverlapABookedCall() {
        var busy = List.of(
                new FreeSlots.Busy(Instant.parse("2026-12-01T08:30:00Z"), Instant.parse("2026-12-01T09:00:00Z")),
                // off the grid (call hours changed after it was booked): blocks both slots it overlaps
                new FreeSlots.Busy(Instant.parse("2026-12-02T08:15:00Z"), Instant.parse("2026-12-02T08:45:00Z")));
        var rep = rep(1, BERLIN, weekdays("09:00", "10:30"), List.of(), busy);

        var slots = tenDays.of(rep, Instant.parse("2026-12-01T06:00:00Z"));

        assertThat(slots).hasSize(27);
        assertThat(slots.subList(0, 3))
                .extracting(Slot::startsAt)
                .containsExactly(
                        Instant.parse("2026-12-01T08:00:00Z"),
                        Instant.parse("2026-12-01T09:00:00Z"),
                        Instant.parse("2026-12-02T09:00:00Z"));
    }

    @Test
    void callHoursFollowTheRepsClockAcrossItsDaylightSavingChange() {
        // Europe moves to summer time on Sunday 28 March 2027: 09:00 in Berlin is 08:00 UTC before, 07:00 after
        var rep = rep(1, BERLIN, weekdays("09:00", "09:30"), List.of(), List.of());

        var slots = new FreeSlots(2, Duration.ZERO).of(rep, Instant.parse("2027-03-26T00:00:00Z"));

        assertThat(slots)
                .extracting(Slot::startsAt)
                .containsExactly(Instant.parse("2027-03-26T08:00:00Z"), Instant.parse("2027-03-29T07:00:00Z"));
    }

    @Test
    void showsTheSlotsInTheVisitorsZoneAcrossTheVisitorsDaylightSavingChange() {
        // New York moves to summer time on Sunday 14 March 2027, Berlin two weeks later: the rep's
        // 09:00 (08:00 UTC both days) is 03:00 in New York on Friday 12 March and 04:00 on Monday 15 March
        var rep = rep(1, BERLIN, weekdays("09:00", "09:30"), List.of(), List.of());
        var slots = new FreeSlots(2, Duration.ZERO).of(rep, Instant.parse("2027-03-12T00:00:00Z"));

        var days = FreeSlots.byDay(slots, NEW_YORK);

        assertThat(days).containsOnlyKeys(LocalDate.parse("2027-03-12"), LocalDate.parse("2027-03-15"));
        assertThat(days.get(LocalDate.parse("2027-03-12"))
                        .getFirst()
                        .startsAt()
                        .atZone(NEW_YORK)
                        .toLocalTime())
                .isEqualTo(LocalTime.of(3, 0));
        assertThat(days.get(LocalDate.parse("2027-03-15"))
                        .getFirst()
                        .startsAt()
                        .atZone(NEW_YORK)
                        .toLocalTime())
                .isEqualTo(LocalTime.of(4, 0));
    }

    @Test
    void aVisitorFarEastSeesTheSlotsOnTheirOwnNextDay() {
        // 16:00-17:00 Berlin on Tuesday 1 December is 04:00-05:00 on Wednesday 2 December in Auckland (UTC+13)
        var rep = rep(1, BERLIN, weekdays("16:00", "17:00"), List.of(), List.of());
        var slots = new FreeSlots(1, Duration.ZERO).of(rep, Instant.parse("2026-12-01T06:00:00Z"));

        var days = FreeSlots.byDay(slots, ZoneId.of("Pacific/Auckland"));

        assertThat(days).containsOnlyKeys(LocalDate.parse("2026-12-02"));
        assertThat(days.get(LocalDate.parse("2026-12-02")))
                .extracting(
                        s -> s.startsAt().atZone(ZoneId.of("Pacific/Auckland")).toLocalTime())
                .containsExactly(LocalTime.of(4, 0), LocalTime.of(4, 30));
    }

    @Test
    void severalRepsOfferOneSlotPerTimeThePreferredRepFirst() {
        var ana = rep(1, BERLIN, weekdays("09:00", "10:00"), List.of(), List.of());
        // London is on UTC in winter
        var ben = rep(2, ZoneId.of("Europe/London"), weekdays("08:30", "09:30"), List.of(), List.of());

        var slots = new FreeSlots(1, Duration.ZERO).ofAny(List.of(ana, ben), Instant.parse("2026-12-01T06:00:00Z"));

        // Ana 08:00, 08:30 UTC; Ben 08:30, 09:00 UTC: at 08:30 both are free and Ana, listed first, gets it
        assertThat(slots)
                .containsExactly(
                        new Slot(1, Instant.parse("2026-12-01T08:00:00Z")),
                        new Slot(1, Instant.parse("2026-12-01T08:30:00Z")),
                        new Slot(2, Instant.parse("2026-12-01T09:00:00Z")));
    }

    @Test
    void offersNothingOnWeekendsEvenWithCallHoursThere() {
        var saturday = new EnumMap<DayOfWeek, FreeSlots.Span>(DayOfWeek.class);
        saturday.put(DayOfWeek.SATURDAY, span("09:00", "12:00"));
        var rep = rep(1, BERLIN, saturday, List.of(), List.of());

        assertThat(tenDays.of(rep, Instant.parse("2026-12-01T06:00:00Z"))).isEmpty();
    }

    static FreeSlots.Rep rep(
            long id,
            ZoneId zone,
            Map<DayOfWeek, FreeSlots.Span> hours,
            List<FreeSlots.Absence> absences,
            List<FreeSlots.Busy> busy) {
        return new FreeSlots.Rep(id, zone, hours, absences, busy);
    }

    static Map<DayOfWeek, FreeSlots.Span> weekdays(String from, String to) {
        var week = new EnumMap<DayOfWeek, FreeSlots.Span>(DayOfWeek.class);
        for (var day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, span(from, to));
        }
        return week;
    }

    static FreeSlots.Span span(String from, String to) {
        return new FreeSlots.Span(LocalTime.parse(from), LocalTime.parse(to));
    }
}

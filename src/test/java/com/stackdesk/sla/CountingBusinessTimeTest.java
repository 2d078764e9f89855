package com.stackdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stackdesk.lead.LeadKind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Deadlines in business time, with expected moments worked out by hand on a calendar: Monday to
 * Friday 09:00-17:00 in Berlin unless a test says otherwise (30 Nov 2026 is a Monday; CET is UTC+1,
 * CEST from 29 Mar 2026 UTC+2).
 */
class CountingBusinessTimeTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    final BusinessCalendar berlin = BusinessCalendar.weekdays(BERLIN, "09:00", "17:00");

    @Test
    void twoBusinessHoursWithinADay() {
        // Monday 10:00 CET -> 12:00 CET
        assertThat(berlin.plus(at("2026-11-30T09:00:00Z"), Duration.ofHours(2))).isEqualTo(at("2026-11-30T11:00:00Z"));
    }

    @Test
    void theEveningDoesNotCount() {
        // Monday 16:00 CET: one hour today, one from Tuesday 09:00 -> Tuesday 10:00 CET
        assertThat(berlin.plus(at("2026-11-30T15:00:00Z"), Duration.ofHours(2))).isEqualTo(at("2026-12-01T09:00:00Z"));
        // Monday 20:00 CET: counts from Tuesday 09:00 -> 11:00 CET
        assertThat(berlin.plus(at("2026-11-30T19:00:00Z"), Duration.ofHours(2))).isEqualTo(at("2026-12-01T10:00:00Z"));
        // the end of a business day is its closing time, not the next morning
        assertThat(berlin.plus(at("2026-11-30T14:00:00Z"), Duration.ofHours(2))).isEqualTo(at("2026-11-30T16:00:00Z"));
    }

    @Test
    void theWeekendDoesNotCount() {
        // Friday 4 Dec 16:30 CET: 30 min on Friday, 90 from Monday 09:00 -> Monday 7 Dec 10:30 CET
        assertThat(berlin.plus(at("2026-12-04T15:30:00Z"), Duration.ofHours(2))).isEqualTo(at("2026-12-07T09:30:00Z"));
        // Saturday 11:00 -> Monday 11:00 CET
        assertThat(berlin.plus(at("2026-12-05T10:00:00Z"), Duration.ofHours(2))).isEqualTo(at("2026-12-07T10:00:00Z"));
    }

    @Test
    void holidaysDoNotCount() {
        var christmas = new BusinessCalendar(
                BERLIN, berlin.week(), Set.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25")));
        // Wednesday 23 Dec 16:00 CET: one hour, then Thursday and Friday off, the weekend -> Monday 28 Dec 10:00
        assertThat(christmas.plus(at("2026-12-23T15:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(at("2026-12-28T09:00:00Z"));
        assertThat(christmas.plusDays(at("2026-12-23T15:00:00Z"), 1)).isEqualTo(at("2026-12-28T15:00:00Z"));
    }

    @Test
    void oneBusinessDayIsTheSameTimeOnTheNextBusinessDay() {
        // Monday 15:00 CET -> Tuesday 15:00 CET
        assertThat(berlin.plusDays(at("2026-11-30T14:00:00Z"), 1)).isEqualTo(at("2026-12-01T14:00:00Z"));
        // Friday 16:00 CET -> Monday 16:00 CET
        assertThat(berlin.plusDays(at("2026-12-04T15:00:00Z"), 1)).isEqualTo(at("2026-12-07T15:00:00Z"));
    }

    @Test
    void oneBusinessDayFromOutsideHoursEndsAtTheNextBusinessDaysClose() {
        // Saturday -> Monday 17:00 CET; Monday 18:00 -> Tuesday 17:00; Tuesday 07:00 -> Tuesday 17:00
        assertThat(berlin.plusDays(at("2026-12-05T10:00:00Z"), 1)).isEqualTo(at("2026-12-07T16:00:00Z"));
        assertThat(berlin.plusDays(at("2026-11-30T17:00:00Z"), 1)).isEqualTo(at("2026-12-01T16:00:00Z"));
        assertThat(berlin.plusDays(at("2026-12-01T06:00:00Z"), 1)).isEqualTo(at("2026-12-01T16:00:00Z"));
        // two business days from Saturday: Tuesday's close
        assertThat(berlin.plusDays(at("2026-12-05T10:00:00Z"), 2)).isEqualTo(at("2026-12-08T16:00:00Z"));
    }

    @Test
    void businessHoursFollowTheWallClockAcrossTheSpringForward() {
        // Friday 27 Mar 16:00 CET (15:00Z): one hour Friday, one from Monday 30 Mar 09:00 CEST (07:00Z)
        assertThat(berlin.plus(at("2026-03-27T15:00:00Z"), Duration.ofHours(2))).isEqualTo(at("2026-03-30T08:00:00Z"));
        // one business day from Friday 16:00 CET is Monday 16:00 CEST: 14:00Z, not 15:00Z
        assertThat(berlin.plusDays(at("2026-03-27T15:00:00Z"), 1)).isEqualTo(at("2026-03-30T14:00:00Z"));
    }

    @Test
    void aBusinessDayWithTheClockChangeInsideItIsAnHourShorter() {
        // every day 01:00-05:00 New York time; on Sunday 8 Mar 2026 02:00 EST jumps to 03:00 EDT, so
        // that day's hours are 06:00Z-09:00Z. Saturday 04:00 EST (09:00Z) + 2 h: 1 h on Saturday,
        // 1 h from Sunday 01:00 EST (06:00Z) -> 07:00Z (03:00 EDT)
        var week = new EnumMap<DayOfWeek, BusinessCalendar.Hours>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            week.put(day, BusinessCalendar.Hours.of("01:00", "05:00"));
        }
        var nights = new BusinessCalendar(ZoneId.of("America/New_York"), week, Set.of());

        assertThat(nights.plus(at("2026-03-07T09:00:00Z"), Duration.ofHours(2))).isEqualTo(at("2026-03-08T07:00:00Z"));
        assertThat(nights.between(at("2026-03-08T00:00:00Z"), at("2026-03-09T00:00:00Z")))
                .isEqualTo(Duration.ofHours(3));
    }

    @Test
    void theTeamsZoneDecidesWhatCountsAsBusinessHours() {
        // Monday 30 Nov 08:00Z is 09:00 in Berlin (open) but 03:00 in New York (closed until 14:00Z)
        var newYork = BusinessCalendar.weekdays(ZoneId.of("America/New_York"), "09:00", "17:00");

        assertThat(berlin.plus(at("2026-11-30T08:00:00Z"), Duration.ofHours(2))).isEqualTo(at("2026-11-30T10:00:00Z"));
        assertThat(newYork.plus(at("2026-11-30T08:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(at("2026-11-30T16:00:00Z"));
    }

    @Test
    void businessTimeBetweenTwoMomentsSkipsTheNightsAndTheWeekend() {
        // Friday 16:00 CET to Monday 10:00 CET: one hour each side
        assertThat(berlin.between(at("2026-12-04T15:00:00Z"), at("2026-12-07T09:00:00Z")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(berlin.between(at("2026-12-07T09:00:00Z"), at("2026-12-04T15:00:00Z")))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void theReminderComesHalfwayThroughTheBusinessTimeToTheDeadline() {
        var rules = new DeadlineRules(
                berlin,
                new ResponseTarget(2, ResponseTarget.Unit.HOURS),
                new ResponseTarget(1, ResponseTarget.Unit.DAYS),
                50,
                false);

        // consultation Friday 16:30 CET: due Monday 10:30 CET, reminded after one business hour, Monday 09:30
        var consultation = rules.dueFor(LeadKind.CONSULTATION, at("2026-12-04T15:30:00Z"));
        assertThat(consultation.dueAt()).isEqualTo(at("2026-12-07T09:30:00Z"));
        assertThat(consultation.remindAt()).isEqualTo(at("2026-12-07T08:30:00Z"));
        // development plan Monday 13:00 CET: due Tuesday 13:00, 8 business hours away: reminded Monday 17:00
        var plan = rules.dueFor(LeadKind.DEVELOPMENT_PLAN, at("2026-11-30T12:00:00Z"));
        assertThat(plan.dueAt()).isEqualTo(at("2026-12-01T12:00:00Z"));
        assertThat(plan.remindAt()).isEqualTo(at("2026-11-30T16:00:00Z"));
    }

    @Test
    void aCalendarNeedsABusinessDayAndDaysThatOpenBeforeTheyClose() {
        assertThatThrownBy(() -> new BusinessCalendar(BERLIN, Map.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusinessCalendar.Hours.of("17:00", "09:00"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResponseTarget(0, ResponseTarget.Unit.HOURS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }
}

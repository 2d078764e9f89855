package com.stackdesk.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTests {

    @Test
    void durationsReadInMinutesHoursAndDays() {
        assertThat(Times.duration(Duration.ofSeconds(-5))).isEqualTo("0 min");
        assertThat(Times.duration(Duration.ofMinutes(25))).isEqualTo("25 min");
        assertThat(Times.duration(Duration.ofHours(5))).isEqualTo("5 h");
        assertThat(Times.duration(Duration.ofMinutes(5 * 60 + 12))).isEqualTo("5 h 12 min");
        assertThat(Times.duration(Duration.ofHours(76))).isEqualTo("3 d 4 h");
        assertThat(Times.duration(Duration.ofDays(21).plusHours(3))).isEqualTo("21 d");
    }

    @Test
    void timesAreShownInUtcAndSaySo() {
        var moment = Instant.parse("2026-11-27T23:30:09Z");

        assertThat(Times.dateTime(moment)).isEqualTo("27 Nov 2026, 23:30 UTC");
        assertThat(Times.dateTimeSeconds(moment)).isEqualTo("27 Nov 2026, 23:30:09 UTC");
        assertThat(Times.dateTime(null)).isEqualTo("—");
    }

    @Test
    void timesInAZoneCarryItsShortName() {
        var moment = Instant.parse("2026-11-27T23:30:09Z");
        var berlin = java.time.ZoneId.of("Europe/Berlin");

        assertThat(Times.dateTime(moment, berlin)).isEqualTo("28 Nov 2026, 00:30 CET");
        assertThat(Times.dateTimeSeconds(moment, java.time.ZoneId.of("America/New_York")))
                .isEqualTo("27 Nov 2026, 18:30:09 EST");
        assertThat(Times.dateTime(Instant.parse("2026-07-01T08:00:00Z"), berlin))
                .isEqualTo("1 Jul 2026, 10:00 CEST");
    }

    @Test
    void dueTimesSayTodayTomorrowOrTheWeekday() {
        var berlin = java.time.ZoneId.of("Europe/Berlin");
        var mondayNoon = Instant.parse("2026-11-30T11:00:00Z");

        assertThat(Times.due(Instant.parse("2026-11-30T14:00:00Z"), mondayNoon, berlin))
                .isEqualTo("today 15:00 CET");
        assertThat(Times.due(Instant.parse("2026-12-01T08:00:00Z"), mondayNoon, berlin))
                .isEqualTo("tomorrow 09:00 CET");
        assertThat(Times.due(Instant.parse("2026-11-29T08:00:00Z"), mondayNoon, berlin))
                .isEqualTo("yesterday 09:00 CET");
        assertThat(Times.due(Instant.parse("2026-12-04T09:00:00Z"), mondayNoon, berlin))
                .isEqualTo("Fri 10:00 CET");
        assertThat(Times.due(Instant.parse("2026-12-24T09:00:00Z"), mondayNoon, berlin))
                .isEqualTo("24 Dec 2026, 10:00 CET");
    }
}

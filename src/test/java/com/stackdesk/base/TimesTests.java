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
}

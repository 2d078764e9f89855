package com.stackdesk.intake.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The rate-limited form says how long to wait in whole minutes, in good English. */
class TellingAVisitorToWaitTest {

    @Test
    void aMinuteOrLessIsOneMinute() {
        assertThat(LeadFormView.tryAgainLater(Duration.ofSeconds(60)))
                .contains("Please try again in 1 minute;")
                .doesNotContain("minutes");
        assertThat(LeadFormView.tryAgainLater(Duration.ofSeconds(5))).contains("in 1 minute;");
    }

    @Test
    void moreThanAMinuteIsRoundedUpToMinutes() {
        assertThat(LeadFormView.tryAgainLater(Duration.ofSeconds(61))).contains("in 2 minutes;");
        assertThat(LeadFormView.tryAgainLater(Duration.ofMinutes(15))).contains("in 15 minutes;");
    }
}

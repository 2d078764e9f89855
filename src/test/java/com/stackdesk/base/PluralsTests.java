package com.stackdesk.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluralsTests {

    @Test
    void oneIsSingularEveryOtherCountPlural() {
        assertThat(Plurals.count(1, "minute")).isEqualTo("1 minute");
        assertThat(Plurals.count(0, "lead")).isEqualTo("0 leads");
        assertThat(Plurals.count(2, "day")).isEqualTo("2 days");
        assertThat(Plurals.count(1204, "lead")).isEqualTo("1,204 leads");
    }

    @Test
    void anIrregularPluralIsGivenAsSuch() {
        assertThat(Plurals.count(1, "export is", "exports are")).isEqualTo("1 export is");
        assertThat(Plurals.count(3, "export is", "exports are")).isEqualTo("3 exports are");
    }
}

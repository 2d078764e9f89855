package com.stackdesk.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    @Test
    void acceptsTenCharactersThatAreNotCommon() {
        assertThat(PasswordPolicy.problemWith("stackdesk-demo")).isEmpty();
        assertThat(PasswordPolicy.problemWith("four calm rivers")).isEmpty();
    }

    @Test
    void refusesFewerThanTenCharacters() {
        assertThat(PasswordPolicy.problemWith("demo1234"))
                .hasValueSatisfying(p -> assertThat(p).contains("at least 10 characters"));
        // 9 characters, though 18 bytes in UTF-8
        assertThat(PasswordPolicy.problemWith("äöüäöüäöü")).isPresent();
    }

    @Test
    void refusesCommonPasswordsWhateverTheirCase() {
        assertThat(PasswordPolicy.problemWith("Password123"))
                .hasValueSatisfying(p -> assertThat(p).contains("attackers try"));
        assertThat(PasswordPolicy.problemWith("QWERTYUIOP")).isPresent();
    }

    @Test
    void refusesMoreThanSeventyTwoBytesWithAMessageRatherThanAnError() {
        assertThat(PasswordPolicy.problemWith("x".repeat(72))).isEmpty();
        assertThat(PasswordPolicy.problemWith("x".repeat(73)))
                .hasValueSatisfying(p -> assertThat(p).contains("at most 72 bytes"));
        // 19 characters, but 76 bytes
        assertThat(PasswordPolicy.problemWith("😀".repeat(19))).isPresent();
    }
}

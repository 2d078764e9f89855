package com.stackdesk.staff;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule every staff password follows, wherever it is set (admin, the person themselves,
 * {@code STACKDESK_ADMIN_PASSWORD}, the demo seeds): at least {@value #MIN_LENGTH} characters, at
 * most {@value #MAX_BYTES} bytes in UTF-8 (bcrypt ignores anything beyond), and not one of the
 * passwords attackers try first.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;

    /** Common passwords of 10 characters or more (shorter ones fail the length rule anyway). */
    private static final Set<String> COMMON = Set.of(
            "1234567890",
            "12345678910",
            "0123456789",
            "0987654321",
            "1111111111",
            "1q2w3e4r5t",
            "1qaz2wsx3edc",
            "qwertyuiop",
            "qwertyuiop123",
            "qwerty1234",
            "qwerty12345",
            "asdfghjkl1",
            "password12",
            "password123",
            "password1234",
            "password!1",
            "passw0rd123",
            "iloveyou12",
            "letmein123",
            "welcome123",
            "welcome1234",
            "changeme123",
            "administrator",
            "admin12345",
            "admin123456",
            "adminadmin",
            "trustno1234",
            "football123",
            "baseball123",
            "superman123",
            "monkey12345",
            "dragon12345",
            "sunshine123",
            "princess123",
            "starwars123",
            "stackdesk123",
            "stackdesk2026",
            "demo123456",
            "demo1234567",
            "abcdefghij",
            "abc1234567",
            "aaaaaaaaaa",
            "zaq12wsxcde");

    private PasswordPolicy() {}

    /** Why the password is refused, in words for the person choosing it; empty when it is fine. */
    public static Optional<String> problemWith(String password) {
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("A password has at least " + MIN_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("A password has at most " + MAX_BYTES
                    + " bytes (72 plain letters or digits, fewer with accents or emoji): longer ones are cut off"
                    + " when stored.");
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("This password is one of the first that attackers try: choose another.");
        }
        return Optional.empty();
    }

    /** Refuses a password that breaks the rule, with the reason as the message. */
    public static void require(String password) {
        problemWith(password).ifPresent(problem -> {
            throw new StaffChangeRefused(problem);
        });
    }
}

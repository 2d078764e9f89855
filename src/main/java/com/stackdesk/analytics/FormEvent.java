package com.stackdesk.analytics;

import java.util.Locale;
import java.util.Optional;

/** What is counted of a form: shown, started (first field touched), submitted (a lead stored). */
public enum FormEvent {
    VIEW,
    START,
    SUBMISSION;

    /** The events a browser reports ({@code view}, {@code start}); submissions are counted by the intake. */
    public static Optional<FormEvent> reportedByBrowser(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "view" -> Optional.of(VIEW);
            case "start" -> Optional.of(START);
            default -> Optional.empty();
        };
    }
}

package com.stackdesk.analytics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The forms whose use is counted, each by the id that beacons and lead submissions name it with.
 * A fixed list, so nobody can fill the counters' table with forms that do not exist.
 */
public enum TrackedForm {
    BOOK("book", "Consultation page (/book)"),
    PLAN("plan", "Development plan page (/plan)"),
    CONSULTATION("consultation", "Embedded consultation form"),
    DEVELOPMENT_PLAN("development-plan", "Embedded development plan form"),
    ASSISTANT("assistant", "Stack assistant");

    private final String id;
    private final String label;

    TrackedForm(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The form with this id (case-insensitive), if there is one. */
    public static Optional<TrackedForm> byId(String id) {
        var wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst();
    }

    /** "book, plan, consultation, development-plan, assistant", for error messages. */
    public static String ids() {
        return Arrays.stream(values()).map(TrackedForm::id).collect(Collectors.joining(", "));
    }
}

package com.stackdesk.workspace.ui;

import com.stackdesk.lead.LeadStatus;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How the workspace shows times, ages and statuses, the same on every view. */
final class Formats {

    /** Staff read times in this zone; the app stores UTC. */
    static final ZoneId ZONE = ZoneId.of("UTC");

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(ZONE);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZONE);

    private Formats() {}

    static String dateTime(@Nullable Instant instant) {
        return instant == null ? "—" : DATE_TIME.format(instant) + " UTC";
    }

    static String date(Instant instant) {
        return DATE.format(instant);
    }

    /** "25 min", "5 h", "3 d 4 h": short enough for a grid column. */
    static String age(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h";
        }
        long days = hours / 24;
        return days < 14 ? days + " d " + (hours % 24) + " h" : days + " d";
    }

    static Span statusBadge(LeadStatus status) {
        var badge = new Span(status.label());
        badge.addClassNames("sd-badge", "status-" + status.name().toLowerCase(Locale.ROOT));
        return badge;
    }

    static Span badge(String text, String variant) {
        var badge = new Span(text);
        badge.addClassNames("sd-badge", variant);
        return badge;
    }
}

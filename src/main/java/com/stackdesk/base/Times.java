package com.stackdesk.base;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How Stackdesk shows a moment or a span of time to staff, the same on every page: times in the
 * reader's zone (the workspace passes {@link CurrentUser#zone()}; without a zone, UTC) and
 * labelled with it, durations in minutes, hours and days. The one definition of both.
 */
public final class Times {

    /** Staff read times in this zone; the app stores UTC. */
    public static final ZoneId ZONE = ZoneId.of("UTC");

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(ZONE);
    private static final DateTimeFormatter DATE_TIME_SECONDS =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.ENGLISH).withZone(ZONE);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZONE);
    private static final DateTimeFormatter ZONED_DATE_TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter ZONED_DATE_TIME_SECONDS =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss zzz", Locale.ENGLISH);
    private static final DateTimeFormatter ZONED_TIME = DateTimeFormatter.ofPattern("EEE HH:mm zzz", Locale.ENGLISH);

    private Times() {}

    /** "27 Nov 2026, 14:05 UTC"; a dash for no time. */
    public static String dateTime(@Nullable Instant instant) {
        return instant == null ? "—" : DATE_TIME.format(instant) + " UTC";
    }

    /** "27 Nov 2026, 14:05:09 UTC", where seconds matter (mail, outbox); a dash for no time. */
    public static String dateTimeSeconds(@Nullable Instant instant) {
        return instant == null ? "—" : DATE_TIME_SECONDS.format(instant) + " UTC";
    }

    /** "27 Nov 2026, 15:05 CET": in {@code zone}, labelled with its short name; a dash for no time. */
    public static String dateTime(@Nullable Instant instant, ZoneId zone) {
        return instant == null ? "—" : ZONED_DATE_TIME.format(instant.atZone(zone));
    }

    /** "27 Nov 2026, 15:05:09 CET", where seconds matter; a dash for no time. */
    public static String dateTimeSeconds(@Nullable Instant instant, ZoneId zone) {
        return instant == null ? "—" : ZONED_DATE_TIME_SECONDS.format(instant.atZone(zone));
    }

    /**
     * What is due when, as a rep reads it at {@code now}: "today 15:00 CET", "tomorrow 09:00 CET",
     * "Fri 10:00 CET" within a week, else the full date. A dash for no time.
     */
    public static String due(@Nullable Instant instant, Instant now, ZoneId zone) {
        if (instant == null) {
            return "—";
        }
        var at = instant.atZone(zone);
        long days = java.time.temporal.ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(), at.toLocalDate());
        if (days == 0) {
            return "today " + ZONED_TIME.format(at).substring(4);
        }
        if (days == 1) {
            return "tomorrow " + ZONED_TIME.format(at).substring(4);
        }
        if (days == -1) {
            return "yesterday " + ZONED_TIME.format(at).substring(4);
        }
        return days > 1 && days < 7 ? ZONED_TIME.format(at) : dateTime(instant, zone);
    }

    /** "27 Nov" (UTC), for chart axes. */
    public static String date(Instant instant) {
        return DATE.format(instant);
    }

    /**
     * "25 min", "5 h 12 min", "3 d 4 h", "21 d": short enough for a grid column, exact enough for
     * a timeline entry. Negative spans count as none.
     */
    public static String duration(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return minutes % 60 == 0 ? hours + " h" : hours + " h " + (minutes % 60) + " min";
        }
        long days = hours / 24;
        return days < 14 ? days + " d " + (hours % 24) + " h" : days + " d";
    }
}

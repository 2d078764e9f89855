package com.stackdesk.booking;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A booked (or cancelled) call as pages and other modules see it.
 *
 * @param visitorZone the time zone the visitor picked the time in
 */
public record CallDetails(
        long id,
        long leadId,
        String leadReference,
        String visitorName,
        long staffId,
        String repName,
        Instant startsAt,
        Instant endsAt,
        ZoneId visitorZone,
        boolean booked) {

    private static final DateTimeFormatter DAY_AND_TIME =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    /** When the call starts, in words, in {@code zone}: "Tuesday 1 December 2026, 10:00 (Europe/Berlin)". */
    public String when(ZoneId zone) {
        return when(startsAt, zone);
    }

    /** {@code instant} in words, in {@code zone}: "Tuesday 1 December 2026, 10:00 (Europe/Berlin)". */
    public static String when(Instant instant, ZoneId zone) {
        return DAY_AND_TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    static CallDetails of(BookedCall call, String leadReference, String visitorName, String repName) {
        return new CallDetails(
                call.getId(),
                call.getLeadId(),
                leadReference,
                visitorName,
                call.getStaffId(),
                repName,
                call.getStartsAt(),
                call.getEndsAt(),
                call.getVisitorZone(),
                call.isBooked());
    }
}

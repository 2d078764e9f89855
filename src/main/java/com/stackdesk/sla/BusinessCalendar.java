package com.stackdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The team's working time: business hours per weekday and holidays, in the team's zone. Counts
 * business time forward from a moment, skipping evenings, weekends and holidays; days are the
 * zone's calendar days, so a day on which the clocks change has its hours by the wall clock. A
 * pure value: no Spring, no database.
 */
public final class BusinessCalendar {

    /** How far ahead a count may look before it gives up (a calendar without any business day). */
    private static final int MAX_DAYS = 3 * 366;

    /** The hours of one weekday, in local time; {@code opens} before {@code closes}. */
    public record Hours(LocalTime opens, LocalTime closes) {

        public Hours {
            if (!opens.isBefore(closes)) {
                throw new IllegalArgumentException("A business day opens before it closes");
            }
        }

        public static Hours of(String opens, String closes) {
            return new Hours(LocalTime.parse(opens), LocalTime.parse(closes));
        }
    }

    private final ZoneId zone;
    private final Map<DayOfWeek, Hours> week;
    private final SortedSet<LocalDate> holidays;

    /** @param week the hours of each business weekday; a weekday missing is closed */
    public BusinessCalendar(ZoneId zone, Map<DayOfWeek, Hours> week, Set<LocalDate> holidays) {
        if (week.isEmpty()) {
            throw new IllegalArgumentException("At least one weekday needs business hours");
        }
        this.zone = zone;
        this.week = new EnumMap<>(week);
        this.holidays = new TreeSet<>(holidays);
    }

    /** Monday to Friday, {@code opens} to {@code closes}, no holidays. */
    public static BusinessCalendar weekdays(ZoneId zone, String opens, String closes) {
        var week = new EnumMap<DayOfWeek, Hours>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                week.put(day, Hours.of(opens, closes));
            }
        }
        return new BusinessCalendar(zone, week, Set.of());
    }

    public ZoneId zone() {
        return zone;
    }

    public Map<DayOfWeek, Hours> week() {
        return Map.copyOf(week);
    }

    public SortedSet<LocalDate> holidays() {
        return new TreeSet<>(holidays);
    }

    /** Whether {@code day} has business hours (a business weekday that is not a holiday). */
    public boolean isBusinessDay(LocalDate day) {
        return week.containsKey(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /**
     * The moment {@code amount} of business time after {@code start}. Time outside business hours
     * does not count: a start in the evening counts from the next opening. The end of a business
     * day is its closing time (2 business hours from 15:00 with hours to 17:00 is 17:00, not 09:00
     * the next business day). A zero amount gives the first business moment at or after {@code start}.
     */
    public Instant plus(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Business time only counts forward");
        }
        var left = amount;
        var day = LocalDate.ofInstant(start, zone);
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            var open = openOn(day);
            if (open == null || !start.isBefore(open.closes)) {
                continue;
            }
            var from = start.isAfter(open.opens) ? start : open.opens;
            var available = Duration.between(from, open.closes);
            if (left.compareTo(available) <= 0) {
                return from.plus(left);
            }
            left = left.minus(available);
        }
        throw new IllegalStateException("No business hours within " + MAX_DAYS + " days of " + start);
    }

    /**
     * The moment {@code days} business days after {@code start}: the same local time on the
     * {@code days}-th next business day (its closing time if it closes earlier). A start outside
     * business hours counts from the next opening, so it is due at the close of the {@code
     * days}-th business day from there: Saturday plus one business day is Monday's close.
     */
    public Instant plusDays(Instant start, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("Count at least one business day");
        }
        var first = plus(start, Duration.ZERO);
        var day = LocalDate.ofInstant(first, zone);
        var open = java.util.Objects.requireNonNull(openOn(day));
        if (first.equals(open.opens)) {
            // a whole first day: due when the days-th business day, counting this one, closes
            var last = nextBusinessDays(day, days - 1);
            return java.util.Objects.requireNonNull(openOn(last)).closes;
        }
        var target = nextBusinessDays(day, days);
        var targetOpen = java.util.Objects.requireNonNull(openOn(target));
        var sameTime =
                ZonedDateTime.of(target, first.atZone(zone).toLocalTime(), zone).toInstant();
        if (sameTime.isAfter(targetOpen.closes)) {
            return targetOpen.closes;
        }
        return sameTime.isBefore(targetOpen.opens) ? targetOpen.opens : sameTime;
    }

    /** The business time between two moments (none when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        var total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        var day = LocalDate.ofInstant(from, zone);
        var lastDay = LocalDate.ofInstant(to, zone);
        for (; !day.isAfter(lastDay); day = day.plusDays(1)) {
            var open = openOn(day);
            if (open == null) {
                continue;
            }
            var start = from.isAfter(open.opens) ? from : open.opens;
            var end = to.isBefore(open.closes) ? to : open.closes;
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    private LocalDate nextBusinessDays(LocalDate day, int count) {
        var result = day;
        for (int found = 0, i = 0; found < count; i++) {
            if (i > MAX_DAYS) {
                throw new IllegalStateException("No business day within " + MAX_DAYS + " days of " + day);
            }
            result = result.plusDays(1);
            if (isBusinessDay(result)) {
                found++;
            }
        }
        return result;
    }

    private @Nullable Open openOn(LocalDate day) {
        if (!isBusinessDay(day)) {
            return null;
        }
        var hours = week.get(day.getDayOfWeek());
        return new Open(
                ZonedDateTime.of(day, hours.opens(), zone).toInstant(),
                ZonedDateTime.of(day, hours.closes(), zone).toInstant());
    }

    private record Open(Instant opens, Instant closes) {}
}

package com.stackdesk.booking;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The free 30-minute call slots of reps, a pure decision: plain values in, plain values out. A rep
 * is free for a slot on one of the next {@code businessDays} weekdays (Monday to Friday, counted
 * from today in the rep's own time zone) when the slot lies inside that weekday's call hours (in
 * the rep's zone, so a daylight-saving change moves the slots in UTC, not on the rep's clock), no
 * out-of-office period covers that day (whole days in the rep's zone), no booked call overlaps it,
 * and it starts at least {@code notice} from now.
 */
public final class FreeSlots {

    /** How long a consultation call lasts. */
    public static final Duration LENGTH = Duration.ofMinutes(30);

    private final int businessDays;
    private final Duration notice;

    public FreeSlots(int businessDays, Duration notice) {
        if (businessDays < 1) {
            throw new IllegalArgumentException("At least one business day");
        }
        this.businessDays = businessDays;
        this.notice = notice;
    }

    /** One span of call hours on a weekday, in the rep's zone; {@code to} after {@code from}. */
    public record Span(LocalTime from, LocalTime to) {

        public Span {
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("Call hours end after they start.");
            }
        }
    }

    /** Days (both included) a rep is out of office. */
    public record Absence(LocalDate from, LocalDate to) {

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    /** A booked call: the rep is busy from {@code startsAt} to {@code endsAt}. */
    public record Busy(Instant startsAt, Instant endsAt) {

        boolean overlaps(Instant start, Instant end) {
            return startsAt.isBefore(end) && start.isBefore(endsAt);
        }
    }

    /** A rep as slot finding sees them. */
    public record Rep(long staffId, ZoneId zone, Map<DayOfWeek, Span> hours, List<Absence> absences, List<Busy> busy) {

        public Rep {
            hours = Map.copyOf(hours);
            absences = List.copyOf(absences);
            busy = List.copyOf(busy);
        }
    }

    /** The rep's free slots from {@code now}, earliest first. */
    public List<Slot> of(Rep rep, Instant now) {
        var slots = new ArrayList<Slot>();
        var earliest = now.plus(notice);
        for (var day : days(LocalDate.ofInstant(now, rep.zone()))) {
            var span = rep.hours().get(day.getDayOfWeek());
            if (span == null || rep.absences().stream().anyMatch(a -> a.covers(day))) {
                continue;
            }
            long length = LENGTH.toSeconds();
            for (long second = span.from().toSecondOfDay();
                    second + length <= span.to().toSecondOfDay();
                    second += length) {
                var time = LocalTime.ofSecondOfDay(second);
                var zoned = ZonedDateTime.of(day, time, rep.zone());
                if (!zoned.toLocalTime().equals(time)) {
                    continue; // the clocks jumped over this time (daylight-saving gap)
                }
                var start = zoned.toInstant();
                var end = start.plus(LENGTH);
                if (!start.isBefore(earliest) && rep.busy().stream().noneMatch(b -> b.overlaps(start, end))) {
                    slots.add(new Slot(rep.staffId(), start));
                }
            }
        }
        return slots;
    }

    /**
     * The free slots of several reps, earliest first, one per start time: when more than one rep is
     * free then, the one listed first (the caller lists them in order of preference).
     */
    public List<Slot> ofAny(List<Rep> reps, Instant now) {
        var byTime = new LinkedHashMap<Instant, Slot>();
        for (var rep : reps) {
            for (var slot : of(rep, now)) {
                byTime.putIfAbsent(slot.startsAt(), slot);
            }
        }
        return byTime.values().stream()
                .sorted(Comparator.comparing(Slot::startsAt))
                .toList();
    }

    /** The slots grouped by the day they fall on in the visitor's zone, days and slots in order. */
    public static Map<LocalDate, List<Slot>> byDay(List<Slot> slots, ZoneId visitor) {
        var days = new LinkedHashMap<LocalDate, List<Slot>>();
        slots.stream().sorted(Comparator.comparing(Slot::startsAt)).forEach(s -> days.computeIfAbsent(
                        LocalDate.ofInstant(s.startsAt(), visitor), d -> new ArrayList<>())
                .add(s));
        return days;
    }

    private List<LocalDate> days(LocalDate today) {
        var days = new ArrayList<LocalDate>();
        Set<DayOfWeek> weekend = new HashSet<>(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        for (var day = today; days.size() < businessDays; day = day.plusDays(1)) {
            if (!weekend.contains(day.getDayOfWeek())) {
                days.add(day);
            }
        }
        return days;
    }
}

package com.stackdesk.export;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.lead.LeadFilter;
import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.LeadOrder;
import com.stackdesk.lead.LeadStatus;
import com.stackdesk.lead.StackLeaning;
import com.stackdesk.staff.StaffLookup;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads the grid's filters from query parameters, with the names the Leads view puts in its URL
 * ({@code status, kind, stack, assignee, from, to, source, q, spam, due}), so a filtered grid's query
 * string works on the export endpoint as it is. Dates are days in UTC, {@code to} inclusive.
 */
@Component
class LeadFilterParameters {

    /** A parameter the caller got wrong, with the message to answer. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    private final StaffLookup staff;
    private final CurrentUser currentUser;
    private final java.time.Clock clock;

    LeadFilterParameters(StaffLookup staff, CurrentUser currentUser, java.time.Clock clock) {
        this.staff = staff;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    LeadFilter filter(Map<String, String> params) {
        return new LeadFilter(
                choice(LeadStatus.class, "status", params.get("status")),
                choice(LeadKind.class, "kind", params.get("kind")),
                choice(StackLeaning.class, "stack", params.get("stack")),
                assignee(params.get("assignee")),
                day("from", params.get("from"), 0),
                day("to", params.get("to"), 1),
                params.get("source"),
                params.get("q"),
                spam(params.get("spam")),
                "booked".equals(params.get("call")),
                due(params.get("due")));
    }

    /** {@code sort=company} or {@code sort=-created_at,status}: a minus sorts descending. */
    List<LeadOrder> orders(@Nullable String sort) {
        var orders = new ArrayList<LeadOrder>();
        if (sort == null || sort.isBlank()) {
            return orders;
        }
        for (var part : sort.split(",")) {
            var name = part.strip();
            boolean descending = name.startsWith("-");
            var field = Arrays.stream(LeadOrder.Field.values())
                    .filter(f -> f.name().equalsIgnoreCase(descending ? name.substring(1) : name))
                    .findFirst()
                    .orElseThrow(() -> new Invalid("sort: use one of "
                            + Arrays.stream(LeadOrder.Field.values())
                                    .map(f -> f.name().toLowerCase(Locale.ROOT))
                                    .collect(Collectors.joining(", "))));
            orders.add(new LeadOrder(field, !descending));
        }
        return orders;
    }

    private LeadFilter.@Nullable Assignee assignee(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var key = value.strip();
        if (key.equalsIgnoreCase("none") || key.equalsIgnoreCase("unassigned")) {
            return LeadFilter.Assignee.UNASSIGNED;
        }
        if (key.equalsIgnoreCase("me")) {
            return LeadFilter.Assignee.of(currentUser.require().staffId());
        }
        if (key.chars().allMatch(Character::isDigit)) {
            try {
                return LeadFilter.Assignee.of(Long.parseLong(key));
            } catch (NumberFormatException tooLong) {
                throw new Invalid("assignee: no staff member " + key);
            }
        }
        return staff.idOf(key)
                .map(LeadFilter.Assignee::of)
                .orElseThrow(() -> new Invalid("assignee: no staff member " + key));
    }

    private static <E extends Enum<E>> @Nullable E choice(Class<E> type, String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> c.name().equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElseThrow(() -> new Invalid(name + ": use one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
    }

    private LeadFilter.@Nullable Due due(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "due" -> LeadFilter.Due.upcoming(clock.instant());
            case "overdue" -> LeadFilter.Due.overdue(clock.instant());
            default -> throw new Invalid("due: use due or overdue");
        };
    }

    private static boolean spam(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new Invalid("spam: use 1 or true to include suspected spam");
        };
    }

    /** Days from year 1 to 9999: what every database stores, and more than any lead needs. */
    private static java.time.@Nullable Instant day(String name, @Nullable String value, int plusDays) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Invalid(name + ": give a date like 2026-11-27");
        }
        if (day.getYear() < 1 || day.getYear() > 9999) {
            throw new Invalid(name + ": give a date between 0001-01-01 and 9999-12-31");
        }
        return day.plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}

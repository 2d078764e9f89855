package com.stackdesk.lead;

import com.stackdesk.base.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The lead grid's filters as its URL carries them ({@code status, kind, stack, assignee, from, to,
 * source, q, spam, sort, call, due, response, lostReason}), read by the one parser here: the Leads
 * view and the CSV export API both use {@link #parse}, so a grid's query string works on the export
 * endpoint as it is and both judge a value the same way. Dates are whole days in {@link Times#ZONE},
 * {@code to} inclusive. Parameters it does not know (a campaign tag, the export's {@code bom}) are
 * left to the caller.
 *
 * @param criteria the filters that mean the same at any moment (status, kind, stack, assignee,
 *     source, query, spam, booked call, open or closed, lost reason); {@link #filter(Instant)} sets
 *     its received range, what is due and the first response from the parameters below
 * @param from first day included
 * @param to last day included
 * @param sort the order asked for, first criterion first; empty for the caller's default
 * @param overdue {@code due=overdue} (true) or {@code due=due} (false): leads with something due,
 *     overdue or not yet; null for any
 * @param response {@code response=late} and the like: where the lead stands with its first response
 */
public record LeadFilterParameters(
        LeadFilter criteria,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        List<LeadOrder> sort,
        @Nullable Boolean overdue,
        LeadFilter.FirstResponse.@Nullable State response) {

    /** No filter given. */
    public static final LeadFilterParameters NONE =
            new LeadFilterParameters(LeadFilter.NONE, null, null, List.of(), null, null);

    public LeadFilterParameters {
        sort = List.copyOf(sort);
    }

    /** A parameter whose value could not be used: its name and what to give instead. */
    public record Problem(String parameter, String message) {

        @Override
        public String toString() {
            return parameter + ": " + message;
        }
    }

    /**
     * What {@link #parse} made of a query: the parameters it could read, with every parameter it
     * could not read left out (as if not given) and named in {@code problems}.
     */
    public record Parsed(LeadFilterParameters parameters, List<Problem> problems) {

        public Parsed {
            problems = List.copyOf(problems);
        }

        public boolean hasProblems() {
            return !problems.isEmpty();
        }

        /** The problems in one line, for a message. */
        public String describeProblems() {
            return problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
        }
    }

    /**
     * Reads the filters from a query string's parameters. {@code assignee} is {@code me}, {@code
     * none} (or {@code unassigned}), a staff id or a username, looked up with {@code
     * staffIdByUsername}. Each parameter is judged on its own: a bad value is a {@link Problem} and
     * the others still count.
     *
     * @param signedInStaffId whom {@code assignee=me} means
     */
    public static Parsed parse(
            Map<String, List<String>> query, long signedInStaffId, Function<String, Optional<Long>> staffIdByUsername) {
        var reader = new Reader(query);
        // status=open and status=closed stand for a group of statuses
        var statusValue = reader.read("status", LeadFilterParameters::statusOrGroup);
        // read in the order the grid writes them, so the problems are named in that order too
        var criteria = LeadFilter.builder()
                .status(statusValue instanceof LeadStatus one ? one : null)
                .open(statusValue instanceof Boolean open ? open : null)
                .kind(reader.read("kind", v -> choice(LeadKind.class, v)))
                .stack(reader.read("stack", v -> choice(StackLeaning.class, v)))
                .assignee(reader.read("assignee", v -> assignee(v, signedInStaffId, staffIdByUsername)));
        var from = reader.read("from", LeadFilterParameters::day);
        var to = reader.read("to", LeadFilterParameters::day);
        criteria.source(reader.read("source", v -> v))
                .query(reader.read("q", v -> v))
                .includeSpam(Boolean.TRUE.equals(reader.read("spam", LeadFilterParameters::yesOrNo)));
        var sort = Optional.ofNullable(reader.read("sort", LeadFilterParameters::orders))
                .orElse(List.of());
        criteria.callBooked(Boolean.TRUE.equals(reader.read("call", LeadFilterParameters::booked)));
        var overdue = reader.read("due", LeadFilterParameters::overdue);
        var response = reader.read("response", LeadFilterParameters::response);
        criteria.lostReason(reader.read("lostReason", LeadFilterParameters::lostReason));
        var parameters = new LeadFilterParameters(criteria.build(), from, to, sort, overdue, response);
        return new Parsed(parameters, reader.problems);
    }

    /** The filter these parameters select, days turned into instants in {@link Times#ZONE}. */
    public LeadFilter filter() {
        return filter(Instant.now());
    }

    /** Like {@link #filter()}, with what is due judged at {@code now}. */
    public LeadFilter filter(Instant now) {
        return criteria.toBuilder()
                .created(
                        from == null ? null : from.atStartOfDay(Times.ZONE).toInstant(),
                        to == null
                                ? null
                                : to.plusDays(1).atStartOfDay(Times.ZONE).toInstant())
                .due(overdue == null ? null : overdue ? LeadFilter.Due.overdue(now) : LeadFilter.Due.upcoming(now))
                .response(response == null ? null : LeadFilter.FirstResponse.of(response, now))
                .build();
    }

    /** A status, or {@code open}/{@code closed} as true/false. */
    private static Object statusOrGroup(String value) {
        if (value.equalsIgnoreCase("open")) {
            return Boolean.TRUE;
        }
        if (value.equalsIgnoreCase("closed")) {
            return Boolean.FALSE;
        }
        try {
            return choice(LeadStatus.class, value);
        } catch (Refused e) {
            throw new Refused(e.getMessage() + ", open or closed");
        }
    }

    private static LeadFilter.FirstResponse.State response(String value) {
        return Arrays.stream(LeadFilter.FirstResponse.State.values())
                .filter(s -> s.key().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new Refused("use one of "
                        + Arrays.stream(LeadFilter.FirstResponse.State.values())
                                .map(LeadFilter.FirstResponse.State::key)
                                .collect(Collectors.joining(", "))));
    }

    /**
     * A lost reason's label as the list and the dashboard write it; whether any lead was lost under
     * it is the caller's to say (the list changes, and leads keep labels that left it).
     */
    private static String lostReason(String value) {
        if (value.length() > LostReasons.MAX_LABEL) {
            throw new Refused("give a reason of at most " + LostReasons.MAX_LABEL + " characters");
        }
        return value;
    }

    private static boolean booked(String value) {
        if (!value.equalsIgnoreCase("booked")) {
            throw new Refused("use booked for leads with a booked call");
        }
        return true;
    }

    private static boolean overdue(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "due" -> false;
            case "overdue" -> true;
            default -> throw new Refused("use due or overdue");
        };
    }

    /** Why a value is refused; the reader turns it into a {@link Problem} naming the parameter. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Reader {

        private final Map<String, List<String>> query;
        private final List<Problem> problems = new ArrayList<>();

        Reader(Map<String, List<String>> query) {
            this.query = query;
        }

        <T> @Nullable T read(String name, Function<String, T> parser) {
            var values = query.getOrDefault(name, List.of()).stream()
                    .filter(v -> v != null && !v.isBlank())
                    .map(String::strip)
                    .toList();
            if (values.isEmpty()) {
                return null;
            }
            if (values.size() > 1) {
                problems.add(new Problem(name, "give one value, not " + values.size()));
                return null;
            }
            try {
                return parser.apply(values.getFirst());
            } catch (Refused e) {
                problems.add(new Problem(name, e.getMessage()));
                return null;
            }
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> c.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new Refused("use one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
    }

    private static LeadFilter.Assignee assignee(
            String key, long signedInStaffId, Function<String, Optional<Long>> staffIdByUsername) {
        if (key.equalsIgnoreCase("none") || key.equalsIgnoreCase("unassigned")) {
            return LeadFilter.Assignee.UNASSIGNED;
        }
        if (key.equalsIgnoreCase("me")) {
            return LeadFilter.Assignee.of(signedInStaffId);
        }
        if (key.chars().allMatch(Character::isDigit)) {
            try {
                return LeadFilter.Assignee.of(Long.parseLong(key));
            } catch (NumberFormatException tooLong) {
                throw new Refused("no staff member " + key);
            }
        }
        return staffIdByUsername
                .apply(key)
                .map(LeadFilter.Assignee::of)
                .orElseThrow(() -> new Refused("no staff member " + key));
    }

    private static boolean yesOrNo(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new Refused("use 1 or true to include suspected spam");
        };
    }

    /** Days from year 1 to 9999: what every database stores, and more than any lead needs. */
    private static LocalDate day(String value) {
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Refused("give a date like 2026-11-27");
        }
        if (day.getYear() < 1 || day.getYear() > 9999) {
            throw new Refused("give a date between 0001-01-01 and 9999-12-31");
        }
        return day;
    }

    /** {@code sort=company} or {@code sort=-created_at,status}: a minus sorts descending. */
    private static List<LeadOrder> orders(String sort) {
        var orders = new ArrayList<LeadOrder>();
        for (var part : sort.split(",")) {
            var name = part.strip();
            boolean descending = name.startsWith("-");
            var field = Arrays.stream(LeadOrder.Field.values())
                    .filter(f -> f.name().equalsIgnoreCase(descending ? name.substring(1) : name))
                    .findFirst()
                    .orElseThrow(() -> new Refused("use one of "
                            + Arrays.stream(LeadOrder.Field.values())
                                    .map(f -> f.name().toLowerCase(Locale.ROOT))
                                    .collect(Collectors.joining(", "))));
            orders.add(new LeadOrder(field, !descending));
        }
        return orders;
    }
}

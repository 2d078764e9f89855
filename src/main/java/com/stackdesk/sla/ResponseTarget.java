package com.stackdesk.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * How soon a kind of lead must get its first response, in business hours or business days.
 *
 * @param amount 1 to 999
 */
public record ResponseTarget(int amount, Unit unit) {

    public static final int MAX = 999;

    public enum Unit {
        HOURS("business hour", "business hours"),
        DAYS("business day", "business days");

        private final String one;
        private final String many;

        Unit(String one, String many) {
            this.one = one;
            this.many = many;
        }

        public String label() {
            return many;
        }
    }

    public ResponseTarget {
        if (amount < 1 || amount > MAX) {
            throw new IllegalArgumentException("A response target is 1 to " + MAX + " " + unit.label());
        }
    }

    /** When a lead that arrives at {@code arrivedAt} is due. */
    public Instant dueFrom(Instant arrivedAt, BusinessCalendar calendar) {
        return unit == Unit.HOURS
                ? calendar.plus(arrivedAt, Duration.ofHours(amount))
                : calendar.plusDays(arrivedAt, amount);
    }

    /** "2 business hours", "1 business day". */
    public String label() {
        return amount + " " + (amount == 1 ? unit.one : unit.many);
    }
}

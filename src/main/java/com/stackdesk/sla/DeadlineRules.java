package com.stackdesk.sla;

import com.stackdesk.lead.LeadKind;
import com.stackdesk.lead.ResponseDue;
import java.time.Instant;

/**
 * The team's response-time rules as one value: business calendar, target per kind of lead, when
 * the owner is reminded and whether an overdue lead goes to someone else. Computes a new lead's
 * deadline and reminder without Spring or a database.
 *
 * @param remindPercent the owner is reminded when this share of the business time to the deadline
 *     has passed (1 to 99)
 * @param reassignOverdue whether a lead still unanswered at its deadline is given to the next
 *     available rep by the routing rules
 */
public record DeadlineRules(
        BusinessCalendar calendar,
        ResponseTarget consultation,
        ResponseTarget developmentPlan,
        int remindPercent,
        boolean reassignOverdue) {

    public DeadlineRules {
        if (remindPercent < 1 || remindPercent > 99) {
            throw new IllegalArgumentException("Remind at 1 to 99 % of the time to the deadline");
        }
    }

    public ResponseTarget targetFor(LeadKind kind) {
        return switch (kind) {
            case CONSULTATION -> consultation;
            case DEVELOPMENT_PLAN -> developmentPlan;
        };
    }

    /**
     * The deadline of a lead of this kind arriving at {@code arrivedAt}, and its reminder: {@code
     * remindPercent} of the business time from arrival to the deadline (so a lead that arrives at
     * night is reminded of during business hours, not at 3 a.m.).
     */
    public ResponseDue dueFor(LeadKind kind, Instant arrivedAt) {
        var due = targetFor(kind).dueFrom(arrivedAt, calendar);
        var businessTime = calendar.between(arrivedAt, due);
        var remind = calendar.plus(
                arrivedAt, businessTime.multipliedBy(remindPercent).dividedBy(100));
        return new ResponseDue(due, remind.isAfter(due) ? due : remind);
    }
}

package com.stackdesk.sla;

import com.stackdesk.base.LeadLogContext;
import com.stackdesk.base.Times;
import com.stackdesk.lead.ActivityType;
import com.stackdesk.lead.DeadlineStep;
import com.stackdesk.lead.LeadDeadlines;
import com.stackdesk.lead.LeadTimeline;
import com.stackdesk.routing.LeadAssignments;
import com.stackdesk.staff.StaffLookup;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes one deadline step of one lead, in a transaction of its own: claims it (a conditional
 * UPDATE of the lead, see {@link LeadDeadlines#claim}), writes it on the timeline and announces it,
 * which queues its emails in this same transaction. A step and its emails commit together or not
 * at all, so each happens exactly once, also across a restart and with two instances sweeping.
 */
@Service
class DeadlineSteps {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSteps.class);

    private final LeadDeadlines deadlines;
    private final LeadTimeline timeline;
    private final ResponseSettings settings;
    private final LeadAssignments assignments;
    private final StaffLookup staff;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeadlineSteps(
            LeadDeadlines deadlines,
            LeadTimeline timeline,
            ResponseSettings settings,
            LeadAssignments assignments,
            StaffLookup staff,
            ApplicationEventPublisher events,
            Clock clock) {
        this.deadlines = deadlines;
        this.timeline = timeline;
        this.settings = settings;
        this.assignments = assignments;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
    }

    /** Takes the step if it is still due and unclaimed; returns whether it was taken here. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean take(long leadId, DeadlineStep step) {
        var rules = settings.rules();
        var claimed = deadlines.claim(leadId, step, clock.instant());
        if (claimed.isEmpty()) {
            return false;
        }
        var lead = claimed.get();
        try (var ignored = LeadLogContext.about(lead.reference())) {
            log.info("Deadline step {} taken", step);
        }
        var due = Times.dateTime(lead.responseDueAt(), rules.calendar().zone());
        if (step == DeadlineStep.REMIND) {
            if (lead.assigneeId() == null) {
                timeline.record(
                        leadId, ActivityType.DEADLINE, null, "First response due " + due + "; no owner to remind");
            } else {
                var owner = staff.byId(lead.assigneeId()).map(p -> p.fullName()).orElse("the owner");
                timeline.record(
                        leadId, ActivityType.DEADLINE, null, "Reminded " + owner + ": first response due " + due);
                events.publishEvent(new FirstResponseDueSoon(leadId, lead.assigneeId(), lead.responseDueAt()));
            }
            return true;
        }
        timeline.record(
                leadId, ActivityType.DEADLINE, null, "First response overdue (was due " + due + "); managers alerted");
        events.publishEvent(new FirstResponseOverdue(leadId, lead.assigneeId(), lead.responseDueAt()));
        if (rules.reassignOverdue() && lead.assigneeId() != null) {
            assignments.reassignOverdue(leadId, lead.assigneeId(), "First response overdue (was due " + due + ")");
        }
        return true;
    }
}

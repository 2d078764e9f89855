package com.stackdesk.routing;

import com.stackdesk.base.LeadLogContext;
import com.stackdesk.lead.ActivityType;
import com.stackdesk.lead.LeadReassigned;
import com.stackdesk.lead.LeadRouting;
import com.stackdesk.lead.LeadTimeline;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a newly stored lead its owner as the {@link LeadRouter} decides, writes why on the lead's
 * timeline and announces it once with {@link LeadAssigned} (or {@link LeadQueuedUnassigned}), which
 * is what sends the visitor's confirmation and the owner's alert. Later changes of owner are the
 * workspace's ({@code LeadWork}), announced with {@code LeadReassigned}.
 */
@Service
public class LeadAssignments {

    private static final Logger log = LoggerFactory.getLogger(LeadAssignments.class);

    /** How many waiting leads one transaction routes at most. */
    static final int BATCH = 200;

    private final LeadRouting leads;
    private final LeadRouter router;
    private final LeadTimeline timeline;
    private final ApplicationEventPublisher events;
    private final EntityManager entityManager;

    LeadAssignments(
            LeadRouting leads,
            LeadRouter router,
            LeadTimeline timeline,
            ApplicationEventPublisher events,
            EntityManager entityManager) {
        this.entityManager = entityManager;
        this.leads = leads;
        this.router = router;
        this.timeline = timeline;
        this.events = events;
    }

    /**
     * Routes every stored lead that waits for it (up to {@link #BATCH} at a time), oldest first, in one
     * transaction that holds the rotation's lock: concurrent callers, on any instance, run one
     * after the other, and each lead is routed exactly once.
     *
     * @return how many leads were routed
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int routePending() {
        // the lock first: what is pending is read by one routing transaction at a time
        router.lockRotation();
        var pending = leads.pendingIds(BATCH);
        if (pending.isEmpty()) {
            return 0;
        }
        var team = router.team();
        for (var leadId : pending) {
            routeArrival(leadId, team);
            // Each lead's rows go to the database now and leave the persistence context: otherwise
            // every query of the next lead would dirty-check every entity of the batch so far.
            entityManager.flush();
            entityManager.clear();
        }
        return pending.size();
    }

    /**
     * Gives a lead whose first response is overdue to the next available rep by the routing rules,
     * other than {@code currentOwner}, in the caller's transaction (the deadline step's). Records
     * why on the timeline and announces it with {@link LeadReassigned}, which alerts the new owner.
     * When nobody else is available the lead stays, and the timeline says why.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reassignOverdue(long leadId, long currentOwner, String why) {
        router.lockRotation();
        var team = router.team();
        var lead = leads.toRoute(leadId);
        try (var ignored = LeadLogContext.about(lead.reference())) {
            var decision = router.routeAwayFrom(lead, currentOwner, team);
            var owner = team.member(currentOwner);
            var ownerName = owner == null ? "#" + currentOwner : owner.fullName();
            if (decision.staffId() == null) {
                timeline.record(
                        leadId,
                        ActivityType.ROUTED,
                        null,
                        why + "; not reassigned: " + decision.reason() + ", stays with " + ownerName);
                log.info("Overdue lead not reassigned: nobody else available");
                return;
            }
            var reason = why + ", reassigned from " + ownerName + ": " + decision.reason();
            leads.assign(leadId, decision.staffId(), reason);
            timeline.recordChange(
                    leadId,
                    ActivityType.ASSIGNED,
                    null,
                    "Assigned to " + decision.staffName() + " (" + reason + ")",
                    "assignee",
                    ownerName,
                    decision.staffName());
            events.publishEvent(
                    new LeadReassigned(leadId, decision.staffId(), currentOwner, "Stackdesk", reason, false));
            log.info("Overdue lead reassigned to staff member #{}", decision.staffId());
        }
    }

    private void routeArrival(long leadId, LeadRouter.Team team) {
        var lead = leads.toRoute(leadId);
        try (var ignored = LeadLogContext.about(lead.reference())) {
            var decision = router.route(lead, team);
            leads.assign(leadId, decision.staffId(), decision.reason());
            timeline.record(leadId, ActivityType.ROUTED, null, decision.reason());
            // the emails are queued by the listeners of these events, under the same MDC
            if (decision.staffId() != null) {
                events.publishEvent(new LeadAssigned(leadId, decision.staffId(), decision.reason()));
                log.info("Lead routed to staff member #{}", decision.staffId());
            } else {
                events.publishEvent(new LeadQueuedUnassigned(leadId, decision.reason()));
                log.info("Lead queued unassigned: nobody available fits it");
            }
        }
    }
}

package com.stackdesk.routing;

import com.stackdesk.base.LeadLogContext;
import com.stackdesk.lead.ActivityType;
import com.stackdesk.lead.LeadReassigned;
import com.stackdesk.lead.LeadRouting;
import com.stackdesk.lead.LeadTimeline;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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

    /** How long a lead whose routing failed on its own is passed over before it is tried again. */
    static final Duration PASS_OVER = Duration.ofMinutes(5);

    private final LeadRouting leads;
    private final LeadRouter router;
    private final LeadTimeline timeline;
    private final ApplicationEventPublisher events;
    private final EntityManager entityManager;
    private final TransactionTemplate tx;
    private final Clock clock;

    /** Leads passed over (this instance): routing failed on its own, or the row is routed already; and when each is tried again. */
    private final Map<Long, Instant> passedOver = new ConcurrentHashMap<>();

    LeadAssignments(
            LeadRouting leads,
            LeadRouter router,
            LeadTimeline timeline,
            ApplicationEventPublisher events,
            EntityManager entityManager,
            TransactionTemplate tx,
            Clock clock) {
        this.entityManager = entityManager;
        this.tx = tx;
        this.clock = clock;
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
        var pending = waiting();
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
     * After a batch failed: routes the waiting leads one per transaction, oldest first, up to
     * {@link #BATCH}, so that one lead that cannot be routed does not hold up every lead after it.
     * A lead that fails on its own is logged and passed over for {@link #PASS_OVER}; it stays
     * stored and waiting.
     *
     * @return how many waiting leads it went through
     */
    public int routeEachAlone() {
        int done = 0;
        while (done < BATCH) {
            var current = new AtomicReference<@Nullable Long>();
            try {
                var routedOne = tx.execute(s -> {
                    router.lockRotation();
                    var next = waiting().stream().findFirst();
                    next.ifPresent(leadId -> {
                        current.set(leadId);
                        routeArrival(leadId, router.team());
                    });
                    return next.isPresent();
                });
                if (!Boolean.TRUE.equals(routedOne)) {
                    return done;
                }
            } catch (RuntimeException e) {
                var leadId = current.get();
                if (leadId == null) {
                    throw e; // not one lead's failure: the next sweep tries again
                }
                passOver(leadId);
                log.warn(
                        "Routing lead #{} failed; the other waiting leads go on, it is tried again in {} minutes: {}",
                        leadId,
                        PASS_OVER.toMinutes(),
                        e.toString());
            }
            done++;
        }
        return done;
    }

    /** Leaves the lead out of the waiting ones for {@link #PASS_OVER}. */
    private void passOver(long leadId) {
        passedOver.put(leadId, clock.instant().plus(PASS_OVER));
    }

    /** The waiting leads, oldest first, at most {@link #BATCH}, without those passed over after a failure. */
    private List<Long> waiting() {
        var now = clock.instant();
        passedOver.values().removeIf(retryAt -> !retryAt.isAfter(now));
        return leads.pendingIds(BATCH + passedOver.size()).stream()
                .filter(leadId -> !passedOver.containsKey(leadId))
                .limit(BATCH)
                .toList();
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
            if (!lead.routingPending()) {
                // the queue's index says waiting, the row says routed: an H2 index entry a stop left
                // behind (README "Nothing acknowledged is lost"); routing it again would take a second turn
                log.warn("Lead #{} is in the routing queue but routed already; passed over", leadId);
                passOver(leadId);
                return;
            }
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

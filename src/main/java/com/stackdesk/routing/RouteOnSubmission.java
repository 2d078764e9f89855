package com.stackdesk.routing;

import com.stackdesk.base.BackgroundDrain;
import com.stackdesk.base.VisitorsFirst;
import com.stackdesk.lead.ActivityType;
import com.stackdesk.lead.LeadSubmitted;
import com.stackdesk.lead.LeadTimeline;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Routes each lead once it is stored. The lead commits first, on its own: its transaction holds no
 * lock that other submissions wait for, so concurrent submissions commit side by side and the
 * visitor's answer does not wait for routing. Right after the commit one routing worker per
 * instance routes every waiting lead, many under one lock of the rotation and in one commit
 * ({@link LeadAssignments#routePending()}). A lead whose routing failed, or whose process died
 * before it, is still stored and waiting: the sweep routes it. While visitors' submissions are in
 * flight the worker gives way to them between batches ({@link VisitorsFirst}). When a batch fails, its
 * leads are routed one per transaction, and a lead that fails alone is passed over for a while
 * ({@link LeadAssignments#routeEachAlone()}): one lead that cannot be routed does not hold up the others.
 */
@Component
class RouteOnSubmission {

    private static final Logger log = LoggerFactory.getLogger(RouteOnSubmission.class);

    private final LeadTimeline timeline;
    private final BackgroundDrain routing;

    RouteOnSubmission(
            LeadAssignments assignments,
            LeadTimeline timeline,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            VisitorsFirst visitorsFirst) {
        this.timeline = timeline;
        this.routing = new BackgroundDrain(
                executor,
                visitorsFirst,
                () -> {
                    try {
                        return assignments.routePending();
                    } catch (RuntimeException batchFailed) {
                        log.warn(
                                "Routing a batch of waiting leads failed; routing them one at a time: {}",
                                batchFailed.toString());
                        return assignments.routeEachAlone();
                    }
                },
                LeadAssignments.BATCH,
                log,
                "Routing waiting leads failed");
    }

    /** Before the database closes: the batch in progress commits, what is left waits for the next start. */
    @PreDestroy
    void stop() {
        routing.stop();
    }

    /**
     * In the storing transaction: suspected spam is noted on the timeline and never routed; other
     * leads wake the routing worker once the transaction has committed. The worker, not this
     * thread, routes: here the request's connection is still held, and routing needs one of its
     * own (waiting for a second connection while holding one can exhaust the pool). What makes
     * routing survive a crash is the lead's own {@code routing_pending} mark, written with the lead,
     * which the sweep picks up: no event registry is needed.
     */
    @EventListener
    void on(LeadSubmitted event) {
        if (event.suspectedSpam()) {
            timeline.record(event.leadId(), ActivityType.ROUTED, null, "Not routed: suspected spam");
        } else if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    requestRouting();
                }
            });
        } else {
            requestRouting();
        }
    }

    /** Routes what is still waiting: leads whose routing failed, or whose process died before it. */
    @Scheduled(fixedDelayString = "${stackdesk.routing.sweep-interval:10s}", initialDelayString = "5s")
    void sweep() {
        requestRouting();
    }

    private void requestRouting() {
        routing.request();
    }
}

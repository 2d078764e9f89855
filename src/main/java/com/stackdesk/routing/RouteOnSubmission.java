package com.stackdesk.routing;

import com.stackdesk.lead.ActivityType;
import com.stackdesk.lead.LeadSubmitted;
import com.stackdesk.lead.LeadTimeline;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Routes each lead as it is stored. A plain, synchronous {@code @EventListener} on purpose (not an
 * {@code @ApplicationModuleListener}): it runs inside the transaction that stores the lead, so the
 * lead, its owner and the emails that follow commit together or not at all.
 */
@Component
class RouteOnSubmission {

    private final LeadAssignments assignments;
    private final LeadTimeline timeline;

    RouteOnSubmission(LeadAssignments assignments, LeadTimeline timeline) {
        this.assignments = assignments;
        this.timeline = timeline;
    }

    @EventListener
    void on(LeadSubmitted event) {
        if (event.suspectedSpam()) {
            timeline.record(event.leadId(), ActivityType.ROUTED, null, "Not routed: suspected spam");
            return;
        }
        assignments.routeArrival(event.leadId());
    }
}

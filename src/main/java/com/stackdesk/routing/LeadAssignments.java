package com.stackdesk.routing;

import com.stackdesk.lead.ActivityType;
import com.stackdesk.lead.Lead;
import com.stackdesk.lead.LeadTimeline;
import com.stackdesk.lead.Leads;
import com.stackdesk.staff.StaffMember;
import com.stackdesk.staff.StaffMembers;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that gives a lead an owner: on arrival by the {@link LeadRouter}, later by a
 * manager. Every assignment is written on the lead's timeline and announced once with {@link
 * LeadAssigned} (or {@link LeadQueuedUnassigned}), which is what sends the owner their alert.
 */
@Service
public class LeadAssignments {

    private final Leads leads;
    private final StaffMembers staff;
    private final LeadRouter router;
    private final LeadTimeline timeline;
    private final ApplicationEventPublisher events;

    LeadAssignments(
            Leads leads,
            StaffMembers staff,
            LeadRouter router,
            LeadTimeline timeline,
            ApplicationEventPublisher events) {
        this.leads = leads;
        this.staff = staff;
        this.router = router;
        this.timeline = timeline;
        this.events = events;
    }

    /** Routes a lead that was just stored, in the transaction that stored it. */
    @Transactional(propagation = Propagation.MANDATORY)
    void routeArrival(long leadId) {
        var lead = lead(leadId);
        var decision = router.route(lead);
        lead.assign(decision.staffId(), decision.reason());
        timeline.record(leadId, ActivityType.ROUTED, null, decision.reason());
        if (decision.staffId() != null) {
            events.publishEvent(new LeadAssigned(leadId, decision.staffId(), decision.reason(), null, true));
        } else {
            events.publishEvent(new LeadQueuedUnassigned(leadId, decision.reason()));
        }
    }

    /**
     * Gives the lead to another active staff member (or takes an unassigned one from the queue) on a
     * manager's behalf; the new owner gets one alert. Reassigning to the current owner changes nothing.
     *
     * @param actor the manager's username, written on the timeline
     * @return whether the owner changed
     */
    @Transactional
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    public boolean reassign(long leadId, long staffId, String actor) {
        var lead = lead(leadId);
        if (Objects.equals(lead.getAssigneeId(), staffId)) {
            return false;
        }
        var owner = staff.findById(staffId)
                .filter(StaffMember::isActive)
                .orElseThrow(() -> new IllegalArgumentException("No active staff member " + staffId));
        var previous = lead.getAssigneeId() == null
                ? null
                : staff.findById(lead.getAssigneeId())
                        .map(StaffMember::getFullName)
                        .orElse("#" + lead.getAssigneeId());
        var reason = (previous == null ? "Assigned to " : "Reassigned from " + previous + " to ") + owner.getFullName()
                + " by " + actor;
        lead.assign(staffId, reason);
        timeline.recordChange(leadId, ActivityType.ASSIGNED, actor, reason, "assignee", previous, owner.getFullName());
        events.publishEvent(new LeadAssigned(leadId, staffId, reason, actor, false));
        return true;
    }

    private Lead lead(long leadId) {
        return leads.findById(leadId).orElseThrow(() -> new IllegalArgumentException("No lead " + leadId));
    }
}

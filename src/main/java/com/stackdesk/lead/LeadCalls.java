package com.stackdesk.lead;

import com.stackdesk.lead.internal.Leads;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the booking module changes on a lead: the owner of a lead nobody owned, when its visitor
 * books a call with a rep who may take it, and when its booked call starts. Runs in booking's transaction, with nobody signed in (the
 * visitor has no account).
 */
@Service
public class LeadCalls {

    private final Leads leads;
    private final LeadTimeline timeline;

    LeadCalls(Leads leads, LeadTimeline timeline) {
        this.leads = leads;
        this.timeline = timeline;
    }

    /**
     * Gives the unowned lead to the rep the visitor booked a call with and records why. Changes
     * nothing when the rep owns it already; refuses ({@link IllegalLeadChange}) when someone else
     * does or routing has not decided yet.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void assignForCall(long leadId, long staffId, String reason) {
        var lead = leads.findById(leadId).orElseThrow(() -> new LeadNotFound("No lead " + leadId));
        if (lead.isRoutingPending()) {
            throw new IllegalLeadChange("Routing has not decided about this lead yet.");
        }
        if (Objects.equals(lead.getAssigneeId(), staffId)) {
            return;
        }
        if (lead.getAssigneeId() != null) {
            throw new IllegalLeadChange("This lead has an owner already.");
        }
        lead.assign(staffId, reason);
        timeline.record(leadId, ActivityType.ASSIGNED, null, reason);
    }

    /** The lead's booked call starts at {@code startsAt} now; null: it has none any more (the grid's "call booked"). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void callAt(long leadId, @Nullable Instant startsAt) {
        leads.findById(leadId)
                .orElseThrow(() -> new LeadNotFound("No lead " + leadId))
                .callAt(startsAt);
    }
}

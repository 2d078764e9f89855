package com.stackdesk.lead;

import com.stackdesk.lead.internal.Leads;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings leads that were worked elsewhere (demo data, imports) to where they already stand:
 * assignee, status, first response, with timeline entries at the times they happened. Called by
 * the system only, never from a view.
 */
@Service
public class LeadImports {

    private final Leads leads;
    private final LeadTimeline timeline;
    private final LostReasons lostReasons;

    LeadImports(Leads leads, LeadTimeline timeline, LostReasons lostReasons) {
        this.leads = leads;
        this.timeline = timeline;
        this.lostReasons = lostReasons;
    }

    @Transactional
    public Lead applyHistory(
            Lead imported,
            @Nullable Long assigneeId,
            @Nullable String assigneeName,
            LeadStatus status,
            @Nullable Instant firstResponseAt,
            @Nullable String lostReason) {
        var lead = leads.findById(Objects.requireNonNull(imported.getId())).orElseThrow();
        long id = Objects.requireNonNull(lead.getId());
        if (assigneeId != null) {
            lead.assign(assigneeId, "Imported with its assignee");
            timeline.recordAt(
                    id, lead.getCreatedAt().plusSeconds(60), ActivityType.ASSIGNED, "Assigned to " + assigneeName);
        }
        lead.importState(
                status, firstResponseAt, lostReason, lostReason == null ? null : lostReasons.labelFor(lostReason));
        if (status != LeadStatus.NEW || firstResponseAt != null) {
            leads.endDeadline(id);
        }
        if (status != LeadStatus.NEW && firstResponseAt != null) {
            timeline.recordAt(
                    id,
                    firstResponseAt,
                    ActivityType.STATUS_CHANGED,
                    "Status New → " + status.label() + (lostReason == null ? "" : " (reason: " + lostReason + ")"));
        }
        return leads.save(lead);
    }

    /** Gives an imported lead a next step (demo data); live leads get theirs through {@link LeadWork}. */
    @Transactional
    public void followUp(long leadId, String text, Instant dueAt) {
        var lead = leads.findById(leadId).orElseThrow();
        lead.followUp(text, dueAt);
        timeline.record(leadId, ActivityType.FOLLOW_UP, null, "Next step: " + text);
        leads.save(lead);
    }
}

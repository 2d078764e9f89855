package com.stackdesk.lead;

import com.stackdesk.lead.internal.Leads;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the routing module may read and change about leads: the leads waiting for an owner, the
 * reps' open leads, a visitor's earlier lead, and the owner routing decided on. Routing decides; the
 * lead module writes. Every method runs in routing's transaction (it holds the rotation's lock).
 */
@Service
public class LeadRouting {

    private final Leads leads;

    LeadRouting(Leads leads) {
        this.leads = leads;
    }

    /** A stored lead as routing sees it. */
    public record LeadToRoute(
            long id, String reference, String searchEmail, StackLeaning stack, boolean routingPending) {}

    /** A visitor's earlier lead, with its owner if it has one. */
    public record EarlierLead(
            long id, String reference, @Nullable Long assigneeId) {}

    /** Ids of the leads waiting for routing, oldest first, at most {@code limit}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> pendingIds(int limit) {
        return leads.findRoutingPendingIds(limit);
    }

    /** The lead with this id, as routing needs it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public LeadToRoute toRoute(long leadId) {
        var lead = lead(leadId);
        return new LeadToRoute(
                leadId, lead.getReference(), lead.getSearchEmail(), lead.getStack(), lead.isRoutingPending());
    }

    /** Open leads ({@link LeadStatus#OPEN}, not spam) per staff member, for those of {@code staffIds} who hold any. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, Long> openLeadsPerAssignee(Collection<Long> staffIds) {
        var open = new HashMap<Long, Long>();
        if (!staffIds.isEmpty()) {
            for (Object[] row : leads.openLeadsPerAssignee(staffIds)) {
                open.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
            }
        }
        return open;
    }

    /**
     * The visitor's latest earlier lead (same lower-cased email, not spam) that is still open or was
     * created since {@code since}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<EarlierLead> latestEarlierLead(String searchEmail, long excludedId, Instant since) {
        return leads.earlierLeadsOf(searchEmail, excludedId, since, LeadStatus.OPEN, Limit.of(1)).stream()
                .findFirst()
                .map(l -> new EarlierLead(Objects.requireNonNull(l.getId()), l.getReference(), l.getAssigneeId()));
    }

    /**
     * Records routing's decision: the lead's owner ({@code staffId}, or null when it waits for the
     * managers) with the reason in plain words, and that the lead no longer waits for routing. The
     * caller records the decision on the timeline and announces it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void assign(long leadId, @Nullable Long staffId, String reason) {
        var lead = lead(leadId);
        lead.assign(staffId, reason);
        lead.markRouted();
    }

    private Lead lead(long leadId) {
        return leads.findById(leadId).orElseThrow(() -> new IllegalArgumentException("No lead " + leadId));
    }
}

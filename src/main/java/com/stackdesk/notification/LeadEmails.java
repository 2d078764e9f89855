package com.stackdesk.notification;

import com.stackdesk.lead.Lead;
import com.stackdesk.lead.LeadLookup;
import com.stackdesk.lead.LeadReassigned;
import com.stackdesk.routing.LeadAssigned;
import com.stackdesk.routing.LeadQueuedUnassigned;
import com.stackdesk.sla.FirstResponseDueSoon;
import com.stackdesk.sla.FirstResponseOverdue;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.StaffLookup;
import com.stackdesk.staff.StaffProfile;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues the emails that routing decisions call for. Synchronous {@code @EventListener}s on
 * purpose: they run in the transaction that stored and assigned the lead, so the lead and its
 * pending emails commit together (our outbox), and one event queues exactly one alert. Nothing is
 * rendered here: the dispatcher renders each email when it first sends it.
 */
@Component
class LeadEmails {

    private final LeadLookup leads;
    private final StaffLookup staff;
    private final Outbox outbox;

    LeadEmails(LeadLookup leads, StaffLookup staff, Outbox outbox) {
        this.leads = leads;
        this.staff = staff;
        this.outbox = outbox;
    }

    @EventListener
    void on(LeadAssigned event) {
        var lead = lead(event.leadId());
        var owner = staff.byId(event.staffId()).orElseThrow();
        queueVisitorConfirmation(lead, owner);
        queueOwnerAlert(lead, owner, event.reason(), null);
    }

    /** A manager gave the lead to someone: they hear of it. Taking a lead yourself sends nothing. */
    @EventListener
    void on(LeadReassigned event) {
        if (event.staffId() == null || event.selfAssigned()) {
            return;
        }
        var owner = staff.byId(event.staffId()).orElseThrow();
        queueOwnerAlert(lead(event.leadId()), owner, event.reason(), event.actor());
    }

    private void queueOwnerAlert(Lead lead, StaffProfile owner, String reason, @Nullable String assignedBy) {
        outbox.queue(
                lead.getId(), EmailKind.REP_ALERT, owner.email(), owner.fullName(), owner.id(), reason, assignedBy);
    }

    @EventListener
    void on(LeadQueuedUnassigned event) {
        var lead = lead(event.leadId());
        queueVisitorConfirmation(lead, null);
        for (var manager : managers()) {
            outbox.queue(
                    lead.getId(),
                    EmailKind.MANAGER_ALERT,
                    manager.email(),
                    manager.fullName(),
                    manager.id(),
                    event.reason(),
                    null);
        }
    }

    /** The owner's reminder before the first response is due (an inactive owner gets none). */
    @EventListener
    void on(FirstResponseDueSoon event) {
        staff.byId(event.ownerId())
                .filter(StaffProfile::active)
                .ifPresent(owner -> outbox.queue(
                        event.leadId(),
                        EmailKind.DEADLINE_REMINDER,
                        owner.email(),
                        owner.fullName(),
                        owner.id(),
                        null,
                        null));
    }

    /** The managers hear of a lead unanswered at its deadline, and who held it. */
    @EventListener
    void on(FirstResponseOverdue event) {
        var owner = event.ownerId() == null
                ? "nobody (unassigned)"
                : staff.byId(event.ownerId()).map(StaffProfile::fullName).orElse("#" + event.ownerId());
        for (var manager : managers()) {
            outbox.queue(
                    event.leadId(),
                    EmailKind.DEADLINE_OVERDUE,
                    manager.email(),
                    manager.fullName(),
                    manager.id(),
                    owner,
                    null);
        }
    }

    private void queueVisitorConfirmation(Lead lead, @Nullable StaffProfile owner) {
        outbox.queue(
                lead.getId(),
                EmailKind.VISITOR_CONFIRMATION,
                lead.getEmail(),
                lead.getFullName(),
                owner == null ? null : owner.id(),
                null,
                null);
    }

    /** Active managers; when there are none, the admins, so the alert reaches someone. */
    private List<StaffProfile> managers() {
        var all = staff.everyone().stream().filter(StaffProfile::active).toList();
        var managers = all.stream().filter(m -> m.role() == Role.MANAGER).toList();
        return managers.isEmpty()
                ? all.stream().filter(m -> m.role() == Role.ADMIN).toList()
                : managers;
    }

    private Lead lead(long id) {
        return leads.byId(id);
    }
}

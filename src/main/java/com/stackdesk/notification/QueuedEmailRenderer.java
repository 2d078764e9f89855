package com.stackdesk.notification;

import com.stackdesk.lead.LeadLookup;
import com.stackdesk.staff.StaffLookup;
import com.stackdesk.staff.StaffProfile;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Renders a queued email from what it is about, as the lead and staff member are when it is sent. */
@Component
class QueuedEmailRenderer {

    private final LeadLookup leads;
    private final StaffLookup staff;
    private final EmailComposer composer;

    QueuedEmailRenderer(LeadLookup leads, StaffLookup staff, EmailComposer composer) {
        this.leads = leads;
        this.staff = staff;
        this.composer = composer;
    }

    @Transactional(readOnly = true)
    RenderedEmail render(OutboundEmail email) {
        var leadId = Objects.requireNonNull(email.getLeadId(), "a queued email without a lead");
        var lead = leads.byId(leadId);
        var member = email.getStaffId() == null
                ? null
                : staff.byId(email.getStaffId())
                        .orElseThrow(() -> new IllegalStateException("No staff account " + email.getStaffId()));
        var reason = Objects.requireNonNullElse(email.getReason(), "");
        return switch (email.getKind()) {
            case VISITOR_CONFIRMATION -> composer.visitorConfirmation(lead, member);
            case REP_ALERT ->
                composer.ownerAlert(lead, Objects.requireNonNull(member), reason, displayName(email.getAssignedBy()));
            case MANAGER_ALERT -> composer.managerAlert(lead, Objects.requireNonNull(member), reason);
            case CALL_INVITATION, CALL_UPDATE, CALL_CANCELLATION, CALL_REMINDER ->
                throw new IllegalStateException("Call emails are rendered when queued (CallMail)");
            case DEADLINE_REMINDER -> composer.deadlineReminder(lead, Objects.requireNonNull(member));
            case DEADLINE_OVERDUE -> composer.deadlineOverdue(lead, Objects.requireNonNull(member), reason);
        };
    }

    /** Who assigned the lead as people know them ("María García"); the queue holds their username. */
    private @org.jspecify.annotations.Nullable String displayName(@org.jspecify.annotations.Nullable String username) {
        if (username == null) {
            return null;
        }
        return staff.byUsername(username).map(StaffProfile::fullName).orElse(username);
    }
}

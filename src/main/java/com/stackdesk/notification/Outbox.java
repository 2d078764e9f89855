package com.stackdesk.notification;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.lead.ActivityType;
import com.stackdesk.lead.LeadTimeline;
import com.stackdesk.lead.LeadWork;
import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The email outbox: queues emails in the caller's transaction (so they commit with the
 * change that caused them) and lets staff see and retry them. {@link OutboxDispatcher} sends them.
 */
@Service
public class Outbox {

    private final OutboundEmails emails;
    private final LeadTimeline timeline;
    private final NotificationProperties properties;
    private final LeadWork leadWork;
    private final CurrentUser currentUser;
    private final Clock clock;

    Outbox(
            OutboundEmails emails,
            LeadTimeline timeline,
            NotificationProperties properties,
            LeadWork leadWork,
            CurrentUser currentUser,
            Clock clock) {
        this.emails = emails;
        this.timeline = timeline;
        this.properties = properties;
        this.leadWork = leadWork;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Queues an email about a lead and, for staff emails, the staff member it concerns; the
     * dispatcher renders it from them when it first sends it, so the caller's transaction stays short.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    OutboundEmail queue(
            @Nullable Long leadId,
            EmailKind kind,
            String recipient,
            @Nullable String recipientName,
            @Nullable Long staffId,
            @Nullable String reason,
            @Nullable String assignedBy) {
        var domain = properties.from().substring(properties.from().indexOf('@') + 1);
        var email = emails.save(new OutboundEmail(
                leadId,
                kind,
                recipient,
                recipientName == null ? null : Headers.oneLine(recipientName, 200),
                staffId,
                reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 999) + "…",
                assignedBy,
                "<" + UUID.randomUUID() + "@" + domain + ">",
                clock.instant()));
        if (leadId != null) {
            timeline.record(leadId, ActivityType.EMAIL, null, "Email pending: " + email.describe());
        }
        return email;
    }

    /** Queues an email whose content is rendered already (see {@link CallMail}). */
    @Transactional(propagation = Propagation.MANDATORY)
    OutboundEmail queueRendered(
            long leadId,
            EmailKind kind,
            String recipient,
            @Nullable String recipientName,
            @Nullable Long staffId,
            RenderedEmail content) {
        var domain = properties.from().substring(properties.from().indexOf('@') + 1);
        var email = new OutboundEmail(
                leadId,
                kind,
                recipient,
                recipientName == null ? null : Headers.oneLine(recipientName, 200),
                staffId,
                null,
                null,
                "<" + UUID.randomUUID() + "@" + domain + ">",
                clock.instant());
        email.renderedNow(content);
        email = emails.save(email);
        timeline.record(leadId, ActivityType.EMAIL, null, "Email pending: " + email.describe());
        return email;
    }

    /** The latest emails (at most 500), newest first; all statuses when {@code status} is null. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    public List<OutboundEmail> latest(@Nullable EmailStatus status) {
        return status == null ? emails.findTop500ByOrderByIdDesc() : emails.latestIn(status, Limit.of(500));
    }

    /** How many emails are in each state. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    public Map<EmailStatus, Long> counts() {
        var counts = new EnumMap<EmailStatus, Long>(EmailStatus.class);
        for (var status : EmailStatus.values()) {
            counts.put(status, emails.countByStatus(status));
        }
        return counts;
    }

    /** The emails about one lead, oldest first (for the lead's page); only if the caller may see the lead. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('SALES', 'MANAGER', 'ADMIN')")
    public List<OutboundEmail> ofLead(long leadId) {
        leadWork.requireCanSee(leadId);
        return emails.findByLeadIdOrderById(leadId);
    }

    /**
     * Sends a failed (or still waiting) email again on the dispatcher's next run, with a fresh count
     * of attempts. A sent email is never sent again. The signed-in manager is recorded as who asked.
     *
     * @return whether the email was put back in the queue
     */
    @Transactional
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    public boolean retry(long emailId) {
        var actor = currentUser.require().username();
        var email = emails.findById(emailId).orElse(null);
        if (email == null
                || emails.retry(
                                emailId,
                                clock.instant(),
                                EnumSet.of(EmailStatus.FAILED, EmailStatus.PENDING),
                                EmailStatus.PENDING)
                        == 0) {
            return false;
        }
        if (email.getLeadId() != null) {
            timeline.record(email.getLeadId(), ActivityType.EMAIL, actor, "Email retry requested: " + email.describe());
        }
        return true;
    }
}

package com.stackdesk.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One email in the outbox. Queued with what it is about (lead, staff member, reason) and rendered
 * by the dispatcher when it is first sent, outside the transaction that queued it; the rendered
 * content is kept, so every later attempt sends the same message. State changes after queuing go
 * through the conditional updates of {@link OutboundEmails}, so two dispatchers never both own it.
 */
@Entity
@Table(name = "outbound_email")
public class OutboundEmail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private @Nullable Long leadId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private EmailKind kind;

    @Column(nullable = false, updatable = false)
    private String recipient;

    @Column(updatable = false, length = 200)
    private @Nullable String recipientName;

    @Column(updatable = false)
    private @Nullable Long staffId;

    @Column(updatable = false, length = 1000)
    private @Nullable String reason;

    @Column(updatable = false, length = 100)
    private @Nullable String assignedBy;

    @Column(length = 300)
    private @Nullable String subject;

    @Column(length = 65536)
    private @Nullable String textBody;

    @Column(length = 65536)
    private @Nullable String htmlBody;

    @Column(length = 8000)
    private @Nullable String calendar;

    @Column(nullable = false, updatable = false, length = 200)
    private String messageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EmailStatus status = EmailStatus.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(nullable = false)
    private Instant nextAttemptAt;

    @Column(length = 64)
    private @Nullable String claimedBy;

    private @Nullable Instant claimedAt;

    @Column(length = 1000)
    private @Nullable String lastError;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    private @Nullable Instant sentAt;

    protected OutboundEmail() {
        this.kind = EmailKind.VISITOR_CONFIRMATION;
        this.recipient = "";
        this.messageId = "";
        this.nextAttemptAt = Instant.EPOCH;
        this.createdAt = Instant.EPOCH;
    }

    OutboundEmail(
            @Nullable Long leadId,
            EmailKind kind,
            String recipient,
            @Nullable String recipientName,
            @Nullable Long staffId,
            @Nullable String reason,
            @Nullable String assignedBy,
            String messageId,
            Instant now) {
        this.leadId = leadId;
        this.kind = kind;
        this.recipient = recipient;
        this.recipientName = recipientName;
        this.staffId = staffId;
        this.reason = reason;
        this.assignedBy = assignedBy;
        this.messageId = messageId;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** Content rendered when queued (emails whose content cannot wait for the dispatcher). */
    void renderedNow(RenderedEmail content) {
        this.subject = content.subject();
        this.textBody = content.text();
        this.htmlBody = content.html();
        this.calendar = content.calendar();
    }

    public @Nullable Long getId() {
        return id;
    }

    public @Nullable Long getLeadId() {
        return leadId;
    }

    public EmailKind getKind() {
        return kind;
    }

    public String getRecipient() {
        return recipient;
    }

    public @Nullable String getRecipientName() {
        return recipientName;
    }

    /** The staff member the email is about: the lead's owner, or the manager alerted. */
    @Nullable
    Long getStaffId() {
        return staffId;
    }

    @Nullable
    String getReason() {
        return reason;
    }

    @Nullable
    String getAssignedBy() {
        return assignedBy;
    }

    /** Whether the dispatcher has rendered it yet (it does before the first attempt). */
    public boolean isRendered() {
        return subject != null;
    }

    /** The subject, or null while the email waits to be rendered. */
    public @Nullable String getSubject() {
        return subject;
    }

    public @Nullable String getTextBody() {
        return textBody;
    }

    public @Nullable String getHtmlBody() {
        return htmlBody;
    }

    /** The content as rendered, or null before. */
    @Nullable
    RenderedEmail content() {
        return subject == null || textBody == null || htmlBody == null
                ? null
                : new RenderedEmail(subject, textBody, htmlBody, calendar);
    }

    public @Nullable String getCalendar() {
        return calendar;
    }

    public String getMessageId() {
        return messageId;
    }

    public EmailStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public @Nullable String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public @Nullable Instant getSentAt() {
        return sentAt;
    }

    /** A short description for the timeline and logs: "Confirmation to a@b.example". */
    public String describe() {
        return kind.label() + " to " + recipient;
    }
}

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
 * One email in the outbox, rendered when it was queued. State changes after queuing go through
 * the conditional updates of {@link OutboundEmails}, so two dispatchers never both own it.
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

    @Column(nullable = false, updatable = false, length = 300)
    private String subject;

    @Column(nullable = false, updatable = false, length = 65536)
    private String textBody;

    @Column(nullable = false, updatable = false, length = 65536)
    private String htmlBody;

    @Column(updatable = false, length = 8000)
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
        this.subject = "";
        this.textBody = "";
        this.htmlBody = "";
        this.messageId = "";
        this.nextAttemptAt = Instant.EPOCH;
        this.createdAt = Instant.EPOCH;
    }

    OutboundEmail(
            @Nullable Long leadId,
            EmailKind kind,
            String recipient,
            @Nullable String recipientName,
            RenderedEmail content,
            String messageId,
            Instant now) {
        this.leadId = leadId;
        this.kind = kind;
        this.recipient = recipient;
        this.recipientName = recipientName;
        this.subject = content.subject();
        this.textBody = content.text();
        this.htmlBody = content.html();
        this.calendar = content.calendar();
        this.messageId = messageId;
        this.nextAttemptAt = now;
        this.createdAt = now;
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

    public String getSubject() {
        return subject;
    }

    public String getTextBody() {
        return textBody;
    }

    public String getHtmlBody() {
        return htmlBody;
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

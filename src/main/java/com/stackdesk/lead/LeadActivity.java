package com.stackdesk.lead;

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
 * One entry on a lead's timeline: what happened, who did it (null for the system or the visitor)
 * and, for a change of a field, its old and new value. Entries are never edited.
 */
@Entity
@Table(name = "lead_activity")
public class LeadActivity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, updatable = false)
    private long leadId;

    @Column(nullable = false, updatable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ActivityType type;

    @Column(updatable = false)
    private @Nullable String actor;

    @Column(nullable = false, updatable = false, length = 2000)
    private String text;

    @Column(updatable = false)
    private @Nullable String field;

    @Column(updatable = false, length = 1000)
    private @Nullable String oldValue;

    @Column(updatable = false, length = 1000)
    private @Nullable String newValue;

    protected LeadActivity() {
        this.occurredAt = Instant.EPOCH;
        this.type = ActivityType.NOTE;
        this.text = "";
    }

    LeadActivity(
            long leadId,
            Instant occurredAt,
            ActivityType type,
            @Nullable String actor,
            String text,
            @Nullable String field,
            @Nullable String oldValue,
            @Nullable String newValue) {
        this.leadId = leadId;
        this.occurredAt = occurredAt;
        this.type = type;
        this.actor = actor;
        this.text = text.length() > 2000 ? text.substring(0, 2000) : text;
        this.field = field;
        this.oldValue = clip(oldValue);
        this.newValue = clip(newValue);
    }

    private static @Nullable String clip(@Nullable String value) {
        return value == null || value.length() <= 1000 ? value : value.substring(0, 1000);
    }

    public @Nullable Long getId() {
        return id;
    }

    public long getLeadId() {
        return leadId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public ActivityType getType() {
        return type;
    }

    public @Nullable String getActor() {
        return actor;
    }

    public String getText() {
        return text;
    }

    public @Nullable String getField() {
        return field;
    }

    public @Nullable String getOldValue() {
        return oldValue;
    }

    public @Nullable String getNewValue() {
        return newValue;
    }
}

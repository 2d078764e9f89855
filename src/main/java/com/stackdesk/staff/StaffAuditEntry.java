package com.stackdesk.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One change to a staff account: who made it, which field, old and new value, when. Never edited. */
@Entity
@Table(name = "staff_audit")
public class StaffAuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, updatable = false)
    private long staffId;

    @Column(nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(updatable = false)
    private @Nullable String actor;

    @Column(nullable = false, updatable = false)
    private String field;

    @Column(updatable = false, length = 1000)
    private @Nullable String oldValue;

    @Column(updatable = false, length = 1000)
    private @Nullable String newValue;

    protected StaffAuditEntry() {
        this.occurredAt = Instant.EPOCH;
        this.field = "";
    }

    StaffAuditEntry(
            long staffId,
            Instant occurredAt,
            @Nullable String actor,
            String field,
            @Nullable String oldValue,
            @Nullable String newValue) {
        this.staffId = staffId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
    }

    public long getStaffId() {
        return staffId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public @Nullable String getActor() {
        return actor;
    }

    public String getField() {
        return field;
    }

    public @Nullable String getOldValue() {
        return oldValue;
    }

    public @Nullable String getNewValue() {
        return newValue;
    }
}

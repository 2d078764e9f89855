package com.stackdesk.export;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One export in the audit trail: who, through which channel, with which filters, how many rows. */
@Entity
@Table(name = "export_log")
public class ExportLogEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String channel;

    @Column(nullable = false, updatable = false, length = 1000)
    private String filters;

    @Column(nullable = false, updatable = false)
    private long rowCount;

    /** False when the download was cut off (the client went away or the database failed). */
    @Column(nullable = false, updatable = false)
    private boolean completed;

    protected ExportLogEntry() {
        this.occurredAt = Instant.EPOCH;
        this.actor = "";
        this.channel = "";
        this.filters = "";
    }

    ExportLogEntry(Instant occurredAt, String actor, String channel, String filters, long rowCount, boolean completed) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.channel = channel;
        this.filters = filters.length() > 1000 ? filters.substring(0, 1000) : filters;
        this.rowCount = rowCount;
        this.completed = completed;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getChannel() {
        return channel;
    }

    public String getFilters() {
        return filters;
    }

    public long getRowCount() {
        return rowCount;
    }

    public boolean isCompleted() {
        return completed;
    }
}

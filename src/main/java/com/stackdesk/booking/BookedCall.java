package com.stackdesk.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A consultation call a visitor booked with a rep. While booked it holds its rep's start time
 * ({@code active_starts_at}) and its lead ({@code active_lead_id}), both unique in the database; a
 * cancelled call lets go of both. Each change raises the calendar {@code SEQUENCE}, so calendar
 * apps replace the event they hold under the same UID.
 */
@Entity
@Table(name = "booked_call")
public class BookedCall {

    /** Whether the call still takes place. */
    public enum Status {
        BOOKED,
        CANCELLED
    }

    /** How long before the call its reminder goes out. */
    static final Duration REMINDER_BEFORE = Duration.ofHours(24);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, updatable = false, length = 100)
    private String uid;

    @Column(nullable = false, updatable = false)
    private long leadId;

    @Column(nullable = false)
    private long staffId;

    @Column(nullable = false)
    private Instant startsAt;

    @Column(nullable = false)
    private Instant endsAt;

    @Column(nullable = false, length = 64)
    private String visitorTimeZone;

    @Column(nullable = false)
    private int sequence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.BOOKED;

    private @Nullable Instant activeStartsAt;

    private @Nullable Long activeLeadId;

    private @Nullable Instant reminderDueAt;

    private @Nullable Instant remindedAt;

    @Column(nullable = false, updatable = false)
    private Instant bookedAt;

    private @Nullable Instant cancelledAt;

    @Version
    private long version;

    protected BookedCall() {
        this.uid = "";
        this.startsAt = Instant.EPOCH;
        this.endsAt = Instant.EPOCH;
        this.visitorTimeZone = "UTC";
        this.bookedAt = Instant.EPOCH;
    }

    BookedCall(String uid, long leadId, long staffId, Instant startsAt, ZoneId visitorZone, Instant now) {
        this.uid = uid;
        this.leadId = leadId;
        this.staffId = staffId;
        this.visitorTimeZone = visitorZone.getId();
        this.bookedAt = now;
        this.activeLeadId = leadId;
        this.startsAt = startsAt;
        moveTo(startsAt, now);
        this.sequence = 0;
    }

    /** Moves the call to another start with the same rep; the calendar's SEQUENCE goes up. */
    void reschedule(Instant newStart, ZoneId visitorZone, Instant now) {
        requireBooked();
        this.visitorTimeZone = visitorZone.getId();
        moveTo(newStart, now);
        this.sequence++;
    }

    void cancel(Instant now) {
        requireBooked();
        this.status = Status.CANCELLED;
        this.activeStartsAt = null;
        this.activeLeadId = null;
        this.reminderDueAt = null;
        this.cancelledAt = now;
        this.sequence++;
    }

    private void moveTo(Instant start, Instant now) {
        this.startsAt = start;
        this.endsAt = start.plus(FreeSlots.LENGTH);
        this.activeStartsAt = start;
        var due = start.minus(REMINDER_BEFORE);
        // booked less than a day ahead: the invitation itself is the reminder
        this.reminderDueAt = due.isAfter(now) ? due : null;
        this.remindedAt = null;
    }

    private void requireBooked() {
        if (status != Status.BOOKED) {
            throw new IllegalStateException("This call was cancelled.");
        }
    }

    public long getId() {
        return id == null ? 0 : id;
    }

    public String getUid() {
        return uid;
    }

    public long getLeadId() {
        return leadId;
    }

    public long getStaffId() {
        return staffId;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public ZoneId getVisitorZone() {
        return ZoneId.of(visitorTimeZone);
    }

    public int getSequence() {
        return sequence;
    }

    public Status getStatus() {
        return status;
    }

    public boolean isBooked() {
        return status == Status.BOOKED;
    }

    public @Nullable Instant getReminderDueAt() {
        return reminderDueAt;
    }

    public @Nullable Instant getRemindedAt() {
        return remindedAt;
    }

    public Instant getBookedAt() {
        return bookedAt;
    }

    public @Nullable Instant getCancelledAt() {
        return cancelledAt;
    }
}

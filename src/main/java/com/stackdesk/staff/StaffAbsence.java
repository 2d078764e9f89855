package com.stackdesk.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A period in which a staff member is out of office and gets no new leads. */
@Entity
@Table(name = "staff_absence")
public class StaffAbsence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false)
    private long staffId;

    @Column(nullable = false)
    private Instant startsAt;

    @Column(nullable = false)
    private Instant endsAt;

    @Column(length = 200)
    private @Nullable String note;

    protected StaffAbsence() {
        this.startsAt = Instant.EPOCH;
        this.endsAt = Instant.EPOCH;
    }

    /** A period from {@code startsAt} (inclusive) to {@code endsAt} (exclusive); the end must come after the start. */
    public StaffAbsence(long staffId, Instant startsAt, Instant endsAt, @Nullable String note) {
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("An absence must end after it starts");
        }
        this.staffId = staffId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.note = note;
    }

    public boolean covers(Instant instant) {
        return !instant.isBefore(startsAt) && instant.isBefore(endsAt);
    }

    public @Nullable Long getId() {
        return id;
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

    public @Nullable String getNote() {
        return note;
    }
}

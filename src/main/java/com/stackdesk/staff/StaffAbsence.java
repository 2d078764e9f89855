package com.stackdesk.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A period (both dates included) in which a staff member is out of office and gets no new leads. */
@Entity
@Table(name = "staff_absence")
public class StaffAbsence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, updatable = false)
    private long staffId;

    @Column(nullable = false)
    private LocalDate startsOn;

    @Column(nullable = false)
    private LocalDate endsOn;

    @Column(length = 200)
    private @Nullable String note;

    protected StaffAbsence() {
        this.startsOn = LocalDate.EPOCH;
        this.endsOn = LocalDate.EPOCH;
    }

    StaffAbsence(long staffId, LocalDate startsOn, LocalDate endsOn, @Nullable String note) {
        if (endsOn.isBefore(startsOn)) {
            throw new IllegalArgumentException("An out-of-office period ends on or after its first day.");
        }
        this.staffId = staffId;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.note = note;
    }

    public @Nullable Long getId() {
        return id;
    }

    public long getStaffId() {
        return staffId;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public @Nullable String getNote() {
        return note;
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    @Override
    public String toString() {
        return startsOn + " to " + endsOn + (note == null || note.isBlank() ? "" : " (" + note + ")");
    }
}

package com.stackdesk.staff;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Out-of-office periods. Routing asks {@link #isOutOfOffice}; the staff admin edits them. */
public interface StaffAbsences extends JpaRepository<StaffAbsence, Long> {

    List<StaffAbsence> findByStaffIdOrderByStartsOnAsc(long staffId);

    boolean existsByStaffIdAndStartsOnLessThanEqualAndEndsOnGreaterThanEqual(
            long staffId, LocalDate day, LocalDate sameDay);

    /** Whether the staff member has an out-of-office period covering {@code day}. */
    default boolean isOutOfOffice(long staffId, LocalDate day) {
        return existsByStaffIdAndStartsOnLessThanEqualAndEndsOnGreaterThanEqual(staffId, day, day);
    }
}

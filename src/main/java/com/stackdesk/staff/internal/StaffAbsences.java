package com.stackdesk.staff.internal;

import com.stackdesk.staff.StaffAbsence;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Out-of-office periods. Routing asks {@link #isOutOfOffice}; the staff admin edits them. */
public interface StaffAbsences extends JpaRepository<StaffAbsence, Long> {

    List<StaffAbsence> findByStaffIdOrderByStartsOnAsc(long staffId);

    /** The periods that cover {@code day}: their staff members are out of office that day (routing). */
    @Query("select a from StaffAbsence a where a.startsOn <= :day and a.endsOn >= :day")
    List<StaffAbsence> findCovering(LocalDate day);

    /** The periods of these staff members that overlap [{@code from}, {@code to}] (index on staff_id, ends_on). */
    @Query("select a from StaffAbsence a where a.staffId in :staffIds and a.endsOn >= :from and a.startsOn <= :to"
            + " order by a.staffId, a.startsOn")
    List<StaffAbsence> findOverlapping(Collection<Long> staffIds, LocalDate from, LocalDate to);

    boolean existsByStaffIdAndStartsOnLessThanEqualAndEndsOnGreaterThanEqual(
            long staffId, LocalDate day, LocalDate sameDay);

    /** Whether the staff member has an out-of-office period covering {@code day}. */
    default boolean isOutOfOffice(long staffId, LocalDate day) {
        return existsByStaffIdAndStartsOnLessThanEqualAndEndsOnGreaterThanEqual(staffId, day, day);
    }
}

package com.stackdesk.staff;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Out-of-office periods of all staff. */
public interface StaffAbsences extends JpaRepository<StaffAbsence, Long> {

    /** The periods that cover {@code now}: their staff members are out of office. */
    @Query("select a from StaffAbsence a where a.startsAt <= :now and a.endsAt > :now")
    List<StaffAbsence> findCovering(Instant now);

    List<StaffAbsence> findByStaffIdOrderByStartsAtAsc(long staffId);
}

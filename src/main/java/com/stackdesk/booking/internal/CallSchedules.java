package com.stackdesk.booking.internal;

import com.stackdesk.booking.CallSchedule;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The reps' call hours, by staff id. */
public interface CallSchedules extends JpaRepository<CallSchedule, Long> {

    List<CallSchedule> findByStaffIdIn(Collection<Long> staffIds);
}

package com.stackdesk.booking;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.booking.internal.CallSchedules;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.StaffLookup;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reps' weekly call hours: each rep edits their own, an admin anyone's. A rep without call
 * hours offers no slots.
 */
@Service
public class CallHours {

    private final CallSchedules schedules;
    private final StaffLookup staff;
    private final CurrentUser currentUser;
    private final BookingProperties properties;

    CallHours(CallSchedules schedules, StaffLookup staff, CurrentUser currentUser, BookingProperties properties) {
        this.schedules = schedules;
        this.staff = staff;
        this.currentUser = currentUser;
        this.properties = properties;
    }

    /** A week of call hours: the spans by weekday (days without calls absent), in {@code zone}. */
    public record Week(ZoneId zone, Map<DayOfWeek, FreeSlots.Span> days) {

        public Week {
            days = Map.copyOf(days);
        }
    }

    /** The staff member's call hours (none yet: no days, in the default zone). */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public Week of(long staffId) {
        requireSelfOrAdmin(staffId);
        return schedules
                .findById(staffId)
                .map(s -> new Week(s.getZone(), s.getWeek()))
                .orElseGet(() -> new Week(ZoneId.of(properties.defaultTimeZone()), Map.of()));
    }

    /** Replaces the staff member's call hours. */
    @PreAuthorize("hasRole('SALES')")
    @Transactional
    public void change(long staffId, Week week) {
        requireSelfOrAdmin(staffId);
        var member = staff.byId(staffId).orElseThrow(() -> new IllegalArgumentException("No staff account " + staffId));
        if (member.role() == Role.ADMIN) {
            throw new IllegalArgumentException("Admins take no calls.");
        }
        set(staffId, week);
    }

    /** Sets call hours without a signed-in user (demo data). */
    @Transactional
    void set(long staffId, Week week) {
        var schedule = schedules.findById(staffId).orElseGet(() -> new CallSchedule(staffId, week.zone()));
        schedule.change(week.zone(), week.days());
        schedules.save(schedule);
    }

    /** Whether anyone has call hours yet. */
    @Transactional(readOnly = true)
    boolean none() {
        return schedules.count() == 0;
    }

    private void requireSelfOrAdmin(long staffId) {
        var user = currentUser.require();
        if (user.staffId() != staffId && !user.isAdmin()) {
            throw new AccessDeniedException("Only admins change another person's call hours.");
        }
    }
}

package com.stackdesk.booking;

import com.stackdesk.base.CurrentUser;
import com.stackdesk.base.TeamZone;
import com.stackdesk.booking.internal.CallSchedules;
import com.stackdesk.staff.OwnAccount;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.StaffAdministration;
import com.stackdesk.staff.StaffImports;
import com.stackdesk.staff.StaffLookup;
import com.stackdesk.staff.StaffProfile;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reps' weekly call hours: each rep edits their own, an admin anyone's. A rep without call
 * hours offers no slots. The hours are in the rep's own time zone, the one the staff member reads
 * times in (their own choice, else the team's): one zone per person, so changing the zone here
 * changes it for the whole workspace, and the other way round.
 */
@Service
public class CallHours {

    private final CallSchedules schedules;
    private final StaffLookup staff;
    private final OwnAccount ownAccount;
    private final StaffAdministration administration;
    private final StaffImports imports;
    private final TeamZone teamZone;
    private final CurrentUser currentUser;

    CallHours(
            CallSchedules schedules,
            StaffLookup staff,
            OwnAccount ownAccount,
            StaffAdministration administration,
            StaffImports imports,
            TeamZone teamZone,
            CurrentUser currentUser) {
        this.schedules = schedules;
        this.staff = staff;
        this.ownAccount = ownAccount;
        this.administration = administration;
        this.imports = imports;
        this.teamZone = teamZone;
        this.currentUser = currentUser;
    }

    /** A week of call hours: the spans by weekday (days without calls absent), in {@code zone}. */
    public record Week(ZoneId zone, Map<DayOfWeek, FreeSlots.Span> days) {

        public Week {
            days = Map.copyOf(days);
        }
    }

    /** The staff member's call hours (none yet: no days), in the staff member's zone. */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public Week of(long staffId) {
        requireSelfOrAdmin(staffId);
        var days = schedules.findById(staffId).map(CallSchedule::getWeek).orElse(Map.of());
        return new Week(zoneOf(staffId), days);
    }

    /**
     * Replaces the staff member's call hours; when {@code week} is in another zone than theirs,
     * that becomes the staff member's zone (for everything the workspace shows them too).
     */
    @PreAuthorize("hasRole('SALES')")
    @Transactional
    public void change(long staffId, Week week) {
        var user = requireSelfOrAdmin(staffId);
        var member = staff.byId(staffId).orElseThrow(() -> new IllegalArgumentException("No staff account " + staffId));
        if (member.role() == Role.ADMIN) {
            throw new IllegalArgumentException("Admins take no calls.");
        }
        if (!week.zone().equals(zoneOf(member))) {
            if (user.staffId() == staffId) {
                ownAccount.changeTimeZone(week.zone().getId()); // this session reads times in it at once
            } else {
                administration.changeTimeZone(staffId, week.zone().getId());
            }
        }
        store(staffId, week.days());
    }

    /** Sets call hours, and the staff member's zone when it differs, without a signed-in user (demo data). */
    @Transactional
    void set(long staffId, Week week) {
        var member = staff.byId(staffId).orElseThrow(() -> new IllegalArgumentException("No staff account " + staffId));
        if (!week.zone().equals(zoneOf(member))) {
            imports.setTimeZone(staffId, week.zone().getId());
        }
        store(staffId, week.days());
    }

    /** The zone of each of these staff members' call hours: their own, else the team's. One query. */
    @Transactional(readOnly = true)
    Map<Long, ZoneId> zonesOf(Collection<Long> staffIds) {
        var chosen = staff.chosenTimeZones(staffIds);
        var zones = new HashMap<Long, ZoneId>();
        for (var id : staffIds) {
            zones.put(id, teamZone.or(chosen.get(id)));
        }
        return zones;
    }

    /** Whether anyone has call hours yet. */
    @Transactional(readOnly = true)
    boolean none() {
        return schedules.count() == 0;
    }

    private void store(long staffId, Map<DayOfWeek, FreeSlots.Span> days) {
        var schedule = schedules.findById(staffId).orElseGet(() -> new CallSchedule(staffId));
        schedule.change(days);
        schedules.save(schedule);
    }

    private ZoneId zoneOf(long staffId) {
        return staff.byId(staffId).map(this::zoneOf).orElseGet(teamZone::get);
    }

    /** The zone of the staff member's call hours, the one they read times in: their own, else the team's. */
    ZoneId zoneOf(StaffProfile member) {
        return teamZone.or(member.timeZone());
    }

    private com.stackdesk.base.StaffPrincipal requireSelfOrAdmin(long staffId) {
        var user = currentUser.require();
        if (user.staffId() != staffId && !user.isAdmin()) {
            throw new AccessDeniedException("Only admins change another person's call hours.");
        }
        return user;
    }
}

package com.stackdesk.staff;

import com.stackdesk.staff.internal.StaffAbsences;
import com.stackdesk.staff.internal.StaffMembers;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff as other modules' own code reads them, often with nobody signed in (routing, the emails,
 * sign-in itself): so no {@code @PreAuthorize} here, and nothing that changes an account. Views use
 * {@link StaffDirectory}; accounts change through {@link StaffAdministration} and {@link OwnAccount}.
 */
@Service
public class StaffLookup {

    private final StaffMembers staff;
    private final StaffAbsences absences;

    StaffLookup(StaffMembers staff, StaffAbsences absences) {
        this.staff = staff;
        this.absences = absences;
    }

    @Transactional(readOnly = true)
    public Optional<StaffProfile> byId(long id) {
        return staff.findById(id).map(StaffProfile::of);
    }

    /** The account with this username, ignoring case. */
    @Transactional(readOnly = true)
    public Optional<StaffProfile> byUsername(String username) {
        return staff.findByUsernameIgnoreCase(username).map(StaffProfile::of);
    }

    /** The id of the account with this username (ignoring case); reads no skills. */
    @Transactional(readOnly = true)
    public Optional<Long> idOf(String username) {
        return staff.findByUsernameIgnoreCase(username).map(m -> Objects.requireNonNull(m.getId()));
    }

    /** The username of the account with this id; reads no skills. */
    @Transactional(readOnly = true)
    public Optional<String> usernameOf(long id) {
        return staff.findById(id).map(StaffMember::getUsername);
    }

    /** Everyone who has an account, active or not, by name, with their skills (one query for all skills). */
    @Transactional(readOnly = true)
    public List<StaffProfile> everyone() {
        return staff.findAllByOrderByFullNameAsc().stream()
                .map(StaffProfile::of)
                .toList();
    }

    /**
     * The zone each of these members chose (a zone id) by their id; members who chose none, and
     * so read times in the team's zone, are absent. One query, for booking's offer of slots.
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> chosenTimeZones(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return staff.chosenTimeZones(ids).stream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (String) row[1]));
    }

    /** Ids of the staff out of office on {@code day} (whole days, as the staff admin enters them). */
    @Transactional(readOnly = true)
    public Set<Long> outOfOfficeOn(LocalDate day) {
        return absences.findCovering(day).stream().map(StaffAbsence::getStaffId).collect(Collectors.toSet());
    }

    /**
     * The out-of-office periods of these staff members that overlap [{@code from}, {@code to}]
     * (booking leaves those days out of their call slots).
     */
    @Transactional(readOnly = true)
    public List<StaffAbsence> absencesOf(Collection<Long> staffIds, LocalDate from, LocalDate to) {
        return staffIds.isEmpty() ? List.of() : absences.findOverlapping(staffIds, from, to);
    }

    /** What signing in checks about the account with this username (ignoring case). */
    @Transactional(readOnly = true)
    public Optional<StaffCredentials> credentials(String username) {
        return staff.findByUsernameIgnoreCase(username)
                .map(m -> new StaffCredentials(
                        Objects.requireNonNull(m.getId()),
                        m.getUsername(),
                        m.getFullName(),
                        m.getPasswordHash(),
                        m.getRole(),
                        m.isActive(),
                        m.getSessionEpoch(),
                        m.getTimeZone()));
    }

    /** The session epoch of an active account; empty when it is gone or deactivated. */
    @Transactional(readOnly = true)
    public Optional<Integer> activeSessionEpoch(long id) {
        return staff.activeSessionEpoch(id);
    }
}

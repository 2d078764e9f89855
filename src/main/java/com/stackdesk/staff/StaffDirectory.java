package com.stackdesk.staff;

import com.stackdesk.staff.internal.StaffMembers;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Names of the staff for any signed-in staff member: who a lead is assigned to, whom to reassign it to. */
@Service
public class StaffDirectory {

    private final StaffMembers staff;

    StaffDirectory(StaffMembers staff) {
        this.staff = staff;
    }

    /** Everyone who ever had an account, by id, so old assignments keep a name. */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public Map<Long, String> namesById() {
        return staff.names().stream().collect(Collectors.toMap(StaffName::id, StaffName::fullName));
    }

    /** Full names by username, for timelines that record the username of who acted. */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public Map<String, String> namesByUsername() {
        return staff.names().stream().collect(Collectors.toMap(StaffName::username, StaffName::fullName));
    }

    /** The id of the account with this username, ignoring case: what a link's {@code assignee=ana} means. */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public Optional<Long> idOf(String username) {
        return staff.findByUsernameIgnoreCase(username).map(m -> Objects.requireNonNull(m.getId()));
    }

    /** Active staff who can hold leads, by name. */
    @PreAuthorize("hasRole('SALES')")
    @Transactional(readOnly = true)
    public List<Assignee> activeAssignees() {
        return staff.findAllByOrderByFullNameAsc().stream()
                .filter(StaffMember::mayOwnLeads)
                .map(m -> new Assignee(Objects.requireNonNull(m.getId()), m.getFullName(), m.getCapacity()))
                .toList();
    }

    /** Someone who can hold leads: their name and how many open leads they take at most (no skills, no password). */
    public record Assignee(long id, String fullName, int capacity) {}
}

package com.stackdesk.staff;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Everyone who has a staff account, active or not. */
public interface StaffMembers extends JpaRepository<StaffMember, Long> {

    Optional<StaffMember> findByUsernameIgnoreCase(String username);

    List<StaffMember> findAllByOrderByFullNameAsc();

    /** The session epoch of an active account; empty when it is gone or deactivated. */
    @Query("select m.sessionEpoch from StaffMember m where m.id = :id and m.active = true")
    Optional<Integer> activeSessionEpoch(long id);
}

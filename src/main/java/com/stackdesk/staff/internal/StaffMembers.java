package com.stackdesk.staff.internal;

import com.stackdesk.staff.StaffMember;
import com.stackdesk.staff.StaffName;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Everyone who has a staff account, active or not. */
public interface StaffMembers extends JpaRepository<StaffMember, Long> {

    Optional<StaffMember> findByUsernameIgnoreCase(String username);

    List<StaffMember> findAllByOrderByFullNameAsc();

    /** Everyone with their skills, for screens that show them outside a transaction. */
    @EntityGraph(attributePaths = "skills")
    List<StaffMember> findWithSkillsByOrderByFullNameAsc();

    @EntityGraph(attributePaths = "skills")
    Optional<StaffMember> findWithSkillsById(long id);

    /** Id, username and name of everyone: one query, no entities. */
    @Query("select new com.stackdesk.staff.StaffName(m.id, m.username, m.fullName) from StaffMember m")
    List<StaffName> names();

    /** Id and chosen zone of those of these members who chose one: one query by primary key. */
    @Query("select m.id, m.timeZone from StaffMember m where m.id in :ids and m.timeZone is not null")
    List<Object[]> chosenTimeZones(java.util.Collection<Long> ids);

    /** The session epoch of an active account; empty when it is gone or deactivated. */
    @Query("select m.sessionEpoch from StaffMember m where m.id = :id and m.active = true")
    Optional<Integer> activeSessionEpoch(long id);
}

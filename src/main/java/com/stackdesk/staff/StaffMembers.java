package com.stackdesk.staff;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Everyone who has a staff account, active or not. */
public interface StaffMembers extends JpaRepository<StaffMember, Long> {

    Optional<StaffMember> findByUsernameIgnoreCase(String username);

    List<StaffMember> findAllByOrderByFullNameAsc();
}

package com.stackdesk.staff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Everyone who has a staff account, active or not. */
public interface StaffMembers extends JpaRepository<StaffMember, Long> {

    Optional<StaffMember> findByUsernameIgnoreCase(String username);

    List<StaffMember> findAllByOrderByFullNameAsc();

    /**
     * Counts a wrong password in one atomic statement (concurrent guesses are all counted, on any
     * app instance); the {@code max}-th in a row locks the account until {@code until}.
     *
     * @return 1 when the username exists
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update StaffMember m set"
            + " m.lockedUntil = case when m.failedLogins + 1 >= :max then :until else m.lockedUntil end,"
            + " m.failedLogins = case when m.failedLogins + 1 >= :max then 0 else m.failedLogins + 1 end"
            + " where lower(m.username) = lower(:username)")
    int recordFailedLogin(String username, int max, Instant until);
}

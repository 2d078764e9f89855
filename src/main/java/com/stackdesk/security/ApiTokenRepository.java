package com.stackdesk.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Stored API tokens. */
interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByStaffIdOrderByCreatedAtDesc(long staffId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update ApiToken t set t.revokedAt = :when where t.staffId = :staffId and t.revokedAt is null")
    int revokeAll(long staffId, Instant when);
}

package com.stackdesk.lead;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** All leads. */
public interface Leads extends JpaRepository<Lead, Long> {

    Optional<Lead> findByReference(String reference);

    boolean existsByReference(String reference);

    Optional<Lead> findFirstByFingerprintAndCreatedAtAfterOrderByCreatedAtDesc(String fingerprint, Instant after);
}

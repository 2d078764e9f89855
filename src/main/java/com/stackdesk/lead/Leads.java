package com.stackdesk.lead;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** All leads. */
public interface Leads extends JpaRepository<Lead, Long> {

    Optional<Lead> findByReference(String reference);

    boolean existsByReference(String reference);

    Optional<Lead> findFirstByFingerprintAndCreatedAtAfterOrderByCreatedAtDesc(String fingerprint, Instant after);

    /** Leads waiting for routing, oldest first (ix_lead_routing_pending). */
    @Query("select l.id from Lead l where l.routingPending = true order by l.id")
    List<Long> findRoutingPendingIds(Limit limit);
}

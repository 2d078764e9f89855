package com.stackdesk.lead;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** All leads. */
public interface Leads extends JpaRepository<Lead, Long> {

    Optional<Lead> findByReference(String reference);

    boolean existsByReference(String reference);

    /** References of leads with this fingerprint since {@code after}, newest first (ix_lead_fingerprint). */
    @Query("select l.reference from Lead l where l.fingerprint = :fingerprint and l.createdAt > :after"
            + " order by l.createdAt desc")
    List<String> findReferencesByFingerprintSince(String fingerprint, Instant after, Limit limit);

    /** Leads waiting for routing, oldest first (ix_lead_routing_pending). */
    @Query("select l.id from Lead l where l.routingPending = true order by l.id")
    List<Long> findRoutingPendingIds(Limit limit);

    /** The references of these leads (for the log, which names a lead by its reference only). */
    @Query("select l.id as id, l.reference as reference from Lead l where l.id in :ids")
    List<IdAndReference> findReferencesByIdIn(Collection<Long> ids);

    /** A lead's id with its reference. */
    interface IdAndReference {

        Long getId();

        String getReference();
    }
}

package com.stackdesk.lead.internal;

import com.stackdesk.lead.Lead;
import com.stackdesk.lead.LeadStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** All leads. Only the lead module reads and writes them; other modules ask its services. */
public interface Leads extends JpaRepository<Lead, Long> {

    Optional<Lead> findByReference(String reference);

    /**
     * Leads waiting for routing, oldest first: the first entries of ix_lead_routing_pending
     * (routing_pending, id), read in order because the ORDER BY names the pinned column first (by
     * id alone, H2 read and sorted every waiting lead for each batch).
     */
    @Query(value = ROUTING_PENDING_SQL, nativeQuery = true)
    List<Long> findRoutingPendingIds(int limit);

    String ROUTING_PENDING_SQL = "SELECT id FROM lead WHERE routing_pending = TRUE"
            + " ORDER BY routing_pending, id FETCH FIRST :limit ROWS ONLY";

    /** The references of these leads (for the log, which names a lead by its reference only). */
    @Query("select l.id as id, l.reference as reference from Lead l where l.id in :ids")
    List<IdAndReference> findReferencesByIdIn(Collection<Long> ids);

    /** [staff id, open leads] for those of {@code staffIds} who hold open leads ({@link #OPEN_LOAD_SQL}). */
    @Query(value = OPEN_LOAD_SQL, nativeQuery = true)
    List<Object[]> openLeadsPerAssignee(Collection<Long> staffIds);

    /**
     * One row per owner, kept by the database as leads change (open_lead_count, migrations V97 and
     * V98): counting the open leads themselves read one index entry per open lead, 882 ms at 1.4M
     * leads on PostgreSQL.
     */
    String OPEN_LOAD_SQL =
            "SELECT assignee_id, open_leads FROM open_lead_count WHERE assignee_id IN (:staffIds) AND open_leads > 0";

    /** The visitor's latest earlier leads: by lower-cased email, still open or created since {@code since}. */
    @Query("select l from Lead l where l.searchEmail = :searchEmail and l.id <> :excludedId"
            + " and l.suspectedSpam = false"
            + " and (l.createdAt >= :since or l.status in :open)"
            + " order by l.createdAt desc, l.id desc")
    List<Lead> earlierLeadsOf(
            String searchEmail, long excludedId, Instant since, Collection<LeadStatus> open, Limit limit);

    /**
     * Ends the lead's first-response deadline (it was answered): no reminder or alert follows. A
     * conditional UPDATE, as the deadline sweep's claims are (see LeadDeadlines).
     */
    @Modifying
    @Query(
            value = "UPDATE lead SET deadline_step = NULL, deadline_step_at = NULL"
                    + " WHERE id = :leadId AND deadline_step IS NOT NULL",
            nativeQuery = true)
    int endDeadline(long leadId);

    /** A lead's id with its reference. */
    interface IdAndReference {

        Long getId();

        String getReference();
    }
}

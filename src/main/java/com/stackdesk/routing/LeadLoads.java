package com.stackdesk.routing;

import com.stackdesk.lead.Lead;
import com.stackdesk.lead.LeadStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * What routing reads about leads: open leads per rep, and earlier leads of the same visitor. Both
 * are index ranges (ix_lead_open_assignee, ix_lead_search_email) whose size does not depend on
 * how many leads exist.
 */
interface LeadLoads extends Repository<Lead, Long> {

    /** [staff id, open leads] for those of {@code staffIds} who hold open leads. */
    @Query("select l.openAssigneeId, count(l) from Lead l where l.openAssigneeId in :staffIds"
            + " group by l.openAssigneeId")
    List<Object[]> openLeadsPerAssignee(Collection<Long> staffIds);

    /** The visitor's latest earlier leads: by lower-cased email, still open or created since {@code since}. */
    @Query("select l from Lead l where l.searchEmail = :searchEmail and l.id <> :excludedId"
            + " and l.suspectedSpam = false"
            + " and (l.createdAt >= :since or l.status in :open)"
            + " order by l.createdAt desc, l.id desc")
    List<Lead> earlierLeadsOf(
            String searchEmail, long excludedId, Instant since, Collection<LeadStatus> open, Limit limit);
}

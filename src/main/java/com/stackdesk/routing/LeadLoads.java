package com.stackdesk.routing;

import com.stackdesk.lead.Lead;
import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** What routing reads about leads: open leads per rep, and earlier leads of the same visitor. */
interface LeadLoads extends Repository<Lead, Long> {

    @Query("select l.assigneeId, count(l) from Lead l where l.assigneeId is not null"
            + " and l.status not in (com.stackdesk.lead.LeadStatus.WON, com.stackdesk.lead.LeadStatus.LOST)"
            + " group by l.assigneeId")
    List<Object[]> openLeadsPerAssignee();

    @Query("select l from Lead l where lower(l.email) = lower(:email) and l.id <> :excludedId"
            + " and l.suspectedSpam = false"
            + " and (l.createdAt >= :since or l.status not in"
            + " (com.stackdesk.lead.LeadStatus.WON, com.stackdesk.lead.LeadStatus.LOST))"
            + " order by l.createdAt desc, l.id desc")
    List<Lead> earlierLeadsOf(String email, long excludedId, Instant since);
}

package com.stackdesk.lead;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Timeline entries of all leads. Written only through {@link LeadTimeline}. */
interface LeadActivities extends JpaRepository<LeadActivity, Long> {

    List<LeadActivity> findByLeadIdOrderByOccurredAtAscIdAsc(long leadId);
}

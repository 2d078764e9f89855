-- ix_lead_next_due (V60) carried suspected_spam as its last column, which let PostgreSQL's planner
-- read the whole index as a bitmap for "suspected_spam = false" alone and sort, instead of walking
-- ix_lead_newest in order (seen in LeadQueriesUseTheirIndexesOnPostgresTests). The Due/Overdue
-- ranges need only the due time and the owner: spam has no response deadline.
DROP INDEX ix_lead_next_due;
CREATE INDEX ix_lead_next_due ON lead (next_due_at, assignee_id);

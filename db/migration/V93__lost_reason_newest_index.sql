-- The grid's lost-reason filter (/leads?status=lost&lostReason=Budget, the dashboard's "lost leads by
-- reason" bars) reads its page newest first from one range of this index, "Not given" (no label)
-- included. It also answers the dashboard's count per reason from its entries, as
-- ix_lead_lost_reason (V92) did, so it takes that index's place.
CREATE INDEX ix_lead_lost_reason_newest ON lead (status, lost_reason_label, created_at DESC, suspected_spam, assignee_id);
DROP INDEX ix_lead_lost_reason;

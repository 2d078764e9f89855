-- Deadline emails: the owner's reminder before a first response is due, and the managers' alert
-- when it is overdue.
ALTER TABLE outbound_email DROP CONSTRAINT ck_outbound_email_kind;
ALTER TABLE outbound_email ADD CONSTRAINT ck_outbound_email_kind
    CHECK (kind IN ('VISITOR_CONFIRMATION', 'REP_ALERT', 'MANAGER_ALERT', 'DEADLINE_REMINDER', 'DEADLINE_OVERDUE'));

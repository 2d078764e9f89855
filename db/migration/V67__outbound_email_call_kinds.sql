-- The booking module's emails: the invitation, its update after a reschedule, the cancellation and
-- the reminder a day before, to the visitor and to the rep (beside V63's deadline emails).
ALTER TABLE outbound_email DROP CONSTRAINT ck_outbound_email_kind;
ALTER TABLE outbound_email ADD CONSTRAINT ck_outbound_email_kind CHECK (kind IN (
    'VISITOR_CONFIRMATION', 'REP_ALERT', 'MANAGER_ALERT', 'DEADLINE_REMINDER', 'DEADLINE_OVERDUE',
    'CALL_INVITATION', 'CALL_UPDATE', 'CALL_CANCELLATION', 'CALL_REMINDER'));

-- Response deadlines (com.stackdesk.sla) and follow-ups, kept on the lead row so the intake path
-- writes them with the INSERT it already does and the grid filters and sorts on them without a join.
--
-- response_due_at   when the first response is due (business time, from the team's settings);
--                   null for suspected spam and for leads imported as history
-- deadline_step     the deadline's next step: REMIND (the owner) or ALERT (the managers, and the
--                   optional reassignment); null when nothing is pending (answered, lost, done)
-- deadline_step_at  when that step is due; null exactly when deadline_step is. The sweep claims
--                   due steps from ix_lead_deadline_step: only pending leads have a value, so the
--                   range "deadline_step_at <= now" reads just the leads whose step is due, however
--                   many answered leads exist (H2 has no partial indexes; this is the portable form)
-- follow_up_text/at a rep's next step on the lead ("Send proposal", Friday 10:00)
-- next_due_at       the earlier of the response deadline while the lead waits for its first
--                   response and the follow-up: what the grid's Due/Overdue filters, the due column
--                   and a rep's Today page read
ALTER TABLE lead ADD COLUMN response_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE lead ADD COLUMN deadline_step VARCHAR(10);
ALTER TABLE lead ADD COLUMN deadline_step_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE lead ADD COLUMN follow_up_text VARCHAR(200);
ALTER TABLE lead ADD COLUMN follow_up_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE lead ADD COLUMN next_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE lead ADD CONSTRAINT ck_lead_deadline_step CHECK (deadline_step IN ('REMIND', 'ALERT'));

-- Leads stored before deadlines existed: those still waiting for a first response (NEW, not
-- answered, not spam) are due one calendar day after they came in, the promise on the landing
-- page read plainly (SQL cannot walk business hours). They show as due or overdue in the grid and
-- on Today, but get no reminder or manager alert: a deploy must not send a burst of emails about
-- an old backlog.
UPDATE lead SET response_due_at = created_at + INTERVAL '1' DAY, next_due_at = created_at + INTERVAL '1' DAY
    WHERE status = 'NEW' AND first_response_at IS NULL AND suspected_spam = FALSE;

CREATE INDEX ix_lead_deadline_step ON lead (deadline_step_at);
-- the grid's Due/Overdue filters and due-column order (managers: every lead)
CREATE INDEX ix_lead_next_due ON lead (next_due_at, assignee_id, suspected_spam);
-- a rep's Today page and their grid with a Due/Overdue filter
CREATE INDEX ix_lead_assignee_next_due ON lead (assignee_id, next_due_at);

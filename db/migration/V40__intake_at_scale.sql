-- What a submission reads must not grow with the lead table.

-- Routing counts each rep's open leads. open_assignee_id is the assignee while the lead is open
-- (kept by the Lead entity), so the count reads just those index entries, however many closed or
-- unassigned leads exist. (The returning-visitor match reads ix_lead_search_email: search_email
-- is the lower-cased email.)
ALTER TABLE lead ADD COLUMN open_assignee_id BIGINT;
UPDATE lead SET open_assignee_id = assignee_id WHERE status NOT IN ('WON', 'LOST');
CREATE INDEX ix_lead_open_assignee ON lead (open_assignee_id);

-- A stored lead waits for routing until routing_pending is cleared. Routing runs right after the
-- lead's own transaction commits, many pending leads under one lock of the rotation; a lead whose
-- routing did not happen then (a crash just after the commit) is routed by the next sweep. Leads
-- stored before this migration, imports and suspected spam are never pending.
ALTER TABLE lead ADD COLUMN routing_pending BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_lead_routing_pending ON lead (routing_pending, id);

-- One row per recent submission content: a submission locks its row (SELECT ... FOR UPDATE) before
-- it looks for a duplicate and stores the lead, so two app instances never both store the same
-- double click. Rows older than the duplicate window are deleted.
CREATE TABLE intake_fingerprint (
    fingerprint VARCHAR(64)              NOT NULL,
    seen_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_intake_fingerprint PRIMARY KEY (fingerprint)
);

CREATE INDEX ix_intake_fingerprint_seen ON intake_fingerprint (seen_at);

-- The per-address submission allowance (rate limit), shared by every app instance: submissions
-- used in the window that started at window_start. Expired rows are deleted.
CREATE TABLE intake_allowance (
    client_address VARCHAR(64)              NOT NULL,
    window_start   TIMESTAMP WITH TIME ZONE NOT NULL,
    used           INTEGER                  NOT NULL,
    CONSTRAINT pk_intake_allowance PRIMARY KEY (client_address)
);

CREATE INDEX ix_intake_allowance_window ON intake_allowance (window_start);

-- Emails are rendered by the dispatcher, not in the transaction that stores a lead: a queued
-- email holds what to render from (the staff member it is about, the routing reason, who assigned)
-- and gets its subject and bodies when it is first sent (kept for every later attempt).
ALTER TABLE outbound_email ADD COLUMN staff_id BIGINT;
ALTER TABLE outbound_email ADD COLUMN reason VARCHAR(1000);
ALTER TABLE outbound_email ADD COLUMN assigned_by VARCHAR(100);
ALTER TABLE outbound_email ALTER COLUMN subject DROP NOT NULL;
ALTER TABLE outbound_email ALTER COLUMN text_body DROP NOT NULL;
ALTER TABLE outbound_email ALTER COLUMN html_body DROP NOT NULL;

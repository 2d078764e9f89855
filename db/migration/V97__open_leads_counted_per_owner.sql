-- Routing weighs each rep's open leads for every batch, and the dashboard shows them. Counting them
-- (COUNT(*) over ix_lead_open_assignee) read one index entry per open lead: 882 ms a batch on
-- PostgreSQL at 1.4M leads, growing with the leads. Each owner's count is now kept in a row of its
-- own, moved by the database itself whenever a lead's open_assignee_id changes (insert, update,
-- delete: a trigger, V98 in db/migration-h2 and db/migration-postgresql), in the changing
-- transaction, whoever changes it. open_assignee_id stays the one definition (Lead#updateOpenAssignee).
CREATE TABLE open_lead_count (
    assignee_id BIGINT NOT NULL,
    open_leads  BIGINT NOT NULL,
    CONSTRAINT pk_open_lead_count PRIMARY KEY (assignee_id)
);
INSERT INTO open_lead_count (assignee_id, open_leads)
    SELECT open_assignee_id, COUNT(*) FROM lead WHERE open_assignee_id IS NOT NULL GROUP BY open_assignee_id;
-- nothing reads open leads by owner from the lead table any more
DROP INDEX ix_lead_open_assignee;

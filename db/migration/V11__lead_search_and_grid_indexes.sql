-- What the staff grid filters, sorts and searches on. The search columns hold lower-cased copies
-- so a prefix search ("LIKE 'ana%'") can use an index instead of scanning every row.
ALTER TABLE lead ADD COLUMN source_label VARCHAR(200);
ALTER TABLE lead ADD COLUMN search_name VARCHAR(201);
ALTER TABLE lead ADD COLUMN search_last_name VARCHAR(100);
ALTER TABLE lead ADD COLUMN search_email VARCHAR(254);
ALTER TABLE lead ADD COLUMN search_company VARCHAR(200);

UPDATE lead SET
    source_label = COALESCE(utm_source, 'direct'),
    search_name = LOWER(first_name || ' ' || last_name),
    search_last_name = LOWER(last_name),
    search_email = LOWER(email),
    search_company = LOWER(company);

ALTER TABLE lead ALTER COLUMN source_label SET NOT NULL;
ALTER TABLE lead ALTER COLUMN search_name SET NOT NULL;
ALTER TABLE lead ALTER COLUMN search_last_name SET NOT NULL;
ALTER TABLE lead ALTER COLUMN search_email SET NOT NULL;

-- The search indexes also carry what a search alone needs to count and order its matches, so
-- LeadSearch answers "q" without reading the matching rows (only the page's 50).
CREATE INDEX ix_lead_search_name ON lead (search_name, created_at, suspected_spam, assignee_id);
CREATE INDEX ix_lead_search_last_name ON lead (search_last_name, created_at, suspected_spam, assignee_id);
CREATE INDEX ix_lead_search_email ON lead (search_email, created_at, suspected_spam, assignee_id);
CREATE INDEX ix_lead_search_company ON lead (search_company, created_at, suspected_spam, assignee_id);

-- Newest first is the grid's default order: every index ends in created_at DESC after its
-- equality columns, so the first page is read in index order and the scan stops after 50 rows
-- (LeadSql puts the equality columns in front of the ORDER BY so H2 sees that). suspected_spam
-- rides along at the end, so counts are answered from the index without reading the rows. The
-- grid writes "suspected_spam <> TRUE", which no index serves on purpose: an index led by that
-- near-constant column would otherwise win and force a sort of every row.
DROP INDEX ix_lead_created_at;
CREATE INDEX ix_lead_newest ON lead (created_at DESC, suspected_spam, assignee_id, status, stack, source_label, first_response_at);
CREATE INDEX ix_lead_status_stack ON lead (status, stack, created_at DESC, suspected_spam);
CREATE INDEX ix_lead_assignee ON lead (assignee_id, created_at DESC, suspected_spam);
CREATE INDEX ix_lead_source ON lead (source_label, created_at DESC, suspected_spam);
CREATE INDEX ix_lead_spam ON lead (suspected_spam);

-- The dashboard: its figures come from index entries alone. ix_lead_newest above also carries
-- what the charts group by over a period; these two answer "who holds how many open leads" and
-- "who is still waiting for a first response".
CREATE INDEX ix_lead_open_load ON lead (status, assignee_id, suspected_spam);
CREATE INDEX ix_lead_waiting ON lead (status, first_response_at, created_at, suspected_spam, assignee_id);

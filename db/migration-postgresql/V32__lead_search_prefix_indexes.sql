-- PostgreSQL only. Its B-tree indexes answer "LIKE 'ana%'" only in C collation order, so under any
-- other collation the V11 search indexes (still used there to sort by name, email and company)
-- never serve LeadSql's prefix search: these do, one per searched column, with the same trailing
-- columns so a search's matches are counted and ordered from the index.
CREATE INDEX ix_lead_search_name_prefix ON lead (search_name varchar_pattern_ops, created_at, suspected_spam, assignee_id);
CREATE INDEX ix_lead_search_last_name_prefix ON lead (search_last_name varchar_pattern_ops, created_at, suspected_spam, assignee_id);
CREATE INDEX ix_lead_search_email_prefix ON lead (search_email varchar_pattern_ops, created_at, suspected_spam, assignee_id);
CREATE INDEX ix_lead_search_company_prefix ON lead (search_company varchar_pattern_ops, created_at, suspected_spam, assignee_id);

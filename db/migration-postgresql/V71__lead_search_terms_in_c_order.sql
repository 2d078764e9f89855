-- PostgreSQL only. A B-tree serves "LIKE 'abc%'" only in C collation order: the search terms are
-- compared byte by byte (they are folded to lower case without accents anyway). The pattern
-- indexes of V32 served the search that lead_search_term replaces.
ALTER TABLE lead_search_term ALTER COLUMN term TYPE VARCHAR(254) COLLATE "C";
DROP INDEX ix_lead_search_name_prefix;
DROP INDEX ix_lead_search_last_name_prefix;
DROP INDEX ix_lead_search_email_prefix;
DROP INDEX ix_lead_search_company_prefix;

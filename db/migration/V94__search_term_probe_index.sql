-- A search of several words reads the rarest word's range of lead_search_term's key and checks
-- each lead in it for the other words (LeadSql#searchIds): one entry of this index per check, where
-- the lead_id index alone made it read every term of the lead. It also serves rewriting a lead's
-- terms and the foreign key, as the index it replaces did.
CREATE INDEX ix_lead_search_term_lead_term ON lead_search_term (lead_id, term);
DROP INDEX ix_lead_search_term_lead;

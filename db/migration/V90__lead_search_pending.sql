-- A new lead's search terms are written right after the lead's own transaction, with other
-- leads' in one transaction, by LeadSearchIndex's worker: the submission stores one small row here
-- instead of a dozen in lead_search_term's large index. A row stays until its lead is indexed,
-- so a crash in between leaves the work to the next sweep.
CREATE TABLE lead_search_pending (
    lead_id BIGINT NOT NULL,
    CONSTRAINT pk_lead_search_pending PRIMARY KEY (lead_id)
);

-- The grid's search by any word: each lead's search terms (see LeadSearchTerms: the words of its
-- name and company, folded to lower case without accents, its email and the email's pieces, its
-- reference, its phone number's digits reversed), written with the lead. A query's word is one
-- indexed prefix range of the primary key; the lead_id index serves rewriting a lead's terms.
CREATE TABLE lead_search_term (
    term    VARCHAR(254) NOT NULL,
    lead_id BIGINT       NOT NULL,
    CONSTRAINT pk_lead_search_term PRIMARY KEY (term, lead_id),
    CONSTRAINT fk_lead_search_term_lead FOREIGN KEY (lead_id) REFERENCES lead (id) ON DELETE CASCADE
);
CREATE INDEX ix_lead_search_term_lead ON lead_search_term (lead_id);

-- The leads stored before this migration get their terms after the next start, a chunk at a time
-- (LeadSearchIndex#backfill), from next_lead_id up to last_lead_id; the row goes when it is done.
CREATE TABLE lead_search_backfill (
    id           INT    NOT NULL PRIMARY KEY,
    next_lead_id BIGINT NOT NULL,
    last_lead_id BIGINT NOT NULL
);
INSERT INTO lead_search_backfill (id, next_lead_id, last_lead_id) SELECT 1, 0, COALESCE(MAX(id), 0) FROM lead;

-- Only the search read the last name's own index; the name, email and company ones stay for
-- sorting (and the email's for recognizing a returning visitor).
DROP INDEX ix_lead_search_last_name;

-- Sources are normalized from now on (LeadSource#normalize: "Google", "google.com" and
-- "https://www.google.com/" are all "google"); source_label holds the normalized value, the raw
-- UTM source and referrer stay in their own columns. The leads stored before this migration are
-- relabelled after the next start, a chunk per transaction (LeadSourceBackfill), from next_lead_id
-- up to last_lead_id; the row goes when it is done. An UPDATE of every row here would hold the
-- migration (and the start) for minutes on a million leads, and the rule lives in Java anyway.
CREATE TABLE lead_source_backfill (
    id           INT    NOT NULL PRIMARY KEY,
    next_lead_id BIGINT NOT NULL,
    last_lead_id BIGINT NOT NULL
);
INSERT INTO lead_source_backfill (id, next_lead_id, last_lead_id) SELECT 1, 0, COALESCE(MAX(id), 0) FROM lead;

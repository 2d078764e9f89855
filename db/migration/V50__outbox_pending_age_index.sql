-- Operations read the outbox's oldest pending email for a gauge on every metrics scrape: with
-- (status, created_at) that is the first index entry after 'PENDING', however many emails were
-- sent before. Counting the pending ones reads only their entries of this index.
CREATE INDEX ix_outbound_email_pending_age ON outbound_email (status, created_at);

-- The start of a lead's booked consultation call (null without one), kept by the booking module
-- through the lead module; the leads grid filters "call booked" on it.
ALTER TABLE lead ADD COLUMN call_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_lead_call_at ON lead (call_at);

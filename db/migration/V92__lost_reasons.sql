-- Why leads are lost, from a list managers and admins edit (plus "Other" with the rep's own words,
-- which is not a row here). A lost lead keeps the label it was lost with in lost_reason_label, so
-- the dashboard counts lost leads per reason even after a label leaves the list; lost_reason
-- keeps the full text ("Budget", or the rep's words for "Other").
CREATE TABLE lost_reason (
    label    VARCHAR(100) NOT NULL,
    position INT          NOT NULL,
    CONSTRAINT pk_lost_reason PRIMARY KEY (label)
);
INSERT INTO lost_reason (label, position) VALUES ('Budget', 1);
INSERT INTO lost_reason (label, position) VALUES ('Chose another vendor', 2);
INSERT INTO lost_reason (label, position) VALUES ('No response', 3);
INSERT INTO lost_reason (label, position) VALUES ('Timing', 4);
INSERT INTO lost_reason (label, position) VALUES ('Not a fit', 5);

ALTER TABLE lead ADD COLUMN lost_reason_label VARCHAR(100);
UPDATE lead SET lost_reason_label = CASE
        WHEN lost_reason IN ('Budget', 'Chose another vendor', 'No response', 'Timing', 'Not a fit') THEN lost_reason
        ELSE 'Other' END
    WHERE status = 'LOST';

-- The dashboard's "lost per reason" is one range of this index, answered from its entries.
CREATE INDEX ix_lead_lost_reason ON lead (status, lost_reason_label, suspected_spam, assignee_id);

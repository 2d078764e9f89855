-- open_lead_count (V97) follows every change of a lead's open_assignee_id: H2 calls this class for
-- each row inserted, updated or deleted, in the changing statement's transaction. The class's name
-- is stored in the database: it must not be renamed or moved.
CREATE TRIGGER tr_lead_open_lead_count AFTER INSERT, UPDATE, DELETE ON lead FOR EACH ROW
    CALL 'com.stackdesk.lead.internal.OpenLeadCountTrigger';

-- open_lead_count (V97) follows every change of a lead's open_assignee_id, in the changing
-- statement's transaction. Of two owners, the lower id's row is changed first, so two transactions
-- moving leads between the same two owners lock their rows in one order.
CREATE FUNCTION count_open_leads() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was BIGINT;
    now_owner BIGINT;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        was := OLD.open_assignee_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        now_owner := NEW.open_assignee_id;
    END IF;
    IF was IS NOT DISTINCT FROM now_owner THEN
        RETURN NULL;
    END IF;
    IF was IS NOT NULL AND (now_owner IS NULL OR was < now_owner) THEN
        UPDATE open_lead_count SET open_leads = open_leads - 1 WHERE assignee_id = was;
        was := NULL;
    END IF;
    IF now_owner IS NOT NULL THEN
        INSERT INTO open_lead_count (assignee_id, open_leads) VALUES (now_owner, 1)
            ON CONFLICT (assignee_id) DO UPDATE SET open_leads = open_lead_count.open_leads + 1;
    END IF;
    IF was IS NOT NULL THEN
        UPDATE open_lead_count SET open_leads = open_leads - 1 WHERE assignee_id = was;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER tr_lead_open_lead_count AFTER INSERT OR DELETE OR UPDATE OF open_assignee_id ON lead
    FOR EACH ROW EXECUTE FUNCTION count_open_leads();

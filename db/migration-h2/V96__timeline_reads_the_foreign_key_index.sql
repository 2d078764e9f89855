-- H2 gave fk_lead_activity_lead an index of its own on lead_id (it makes one for every foreign key
-- whose columns no index matches exactly), so each timeline row was entered in two indexes led by
-- lead_id. A lead's timeline (LeadActivities, its few rows sorted by time) reads the foreign key's
-- index as well; PostgreSQL makes no index for a foreign key and keeps ix_lead_activity_lead.
DROP INDEX IF EXISTS ix_lead_activity_lead;

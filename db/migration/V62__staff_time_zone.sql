-- Each staff member reads times in their own zone (profile page); null means the team's zone
-- (response settings).
ALTER TABLE staff ADD COLUMN time_zone VARCHAR(64);

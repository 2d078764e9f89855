-- One time zone per staff member: a rep's call hours are kept in the zone the staff member reads
-- times in (staff.time_zone, null for the team's), no longer in a zone of their own.
--
-- Carrying the call hours' zone over:
-- * a member who never chose a zone takes their call hours' zone, so the slots visitors are
--   offered stay exactly where they were (and the workspace now shows their times in that zone);
-- * a member who chose a zone keeps it, and their call hours keep their clock times in it; where
--   the two zones differed, the staff audit trail says so, so an admin can check those hours.

INSERT INTO staff_audit (staff_id, occurred_at, actor, field, old_value, new_value)
SELECT m.id, CURRENT_TIMESTAMP, 'migration V85', 'time zone', NULL, s.time_zone
  FROM staff m JOIN call_schedule s ON s.staff_id = m.id
 WHERE m.time_zone IS NULL;

INSERT INTO staff_audit (staff_id, occurred_at, actor, field, old_value, new_value)
SELECT m.id, CURRENT_TIMESTAMP, 'migration V85', 'call hours time zone', s.time_zone, m.time_zone
  FROM staff m JOIN call_schedule s ON s.staff_id = m.id
 WHERE m.time_zone IS NOT NULL AND m.time_zone <> s.time_zone;

UPDATE staff SET time_zone = (SELECT s.time_zone FROM call_schedule s WHERE s.staff_id = staff.id)
 WHERE time_zone IS NULL AND EXISTS (SELECT 1 FROM call_schedule s WHERE s.staff_id = staff.id);

ALTER TABLE call_schedule DROP COLUMN time_zone;

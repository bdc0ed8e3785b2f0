-- name: DaySchedule :many
-- Appointments starting in [from, to), optionally for one department and one provider. No patient details:
-- a schedule is shown to anyone with report access. A null department or staffId means any.
-- @notnull id, starts_at, ends_at, status, reason, department, provider
SELECT a.id, a.starts_at, a.ends_at, a.status, a.reason, COALESCE(d.name, 'not recorded') AS department,
  COALESCE(CONCAT(s.first_name, ' ', s.last_name), 'not recorded') AS provider, COUNT(*) OVER () AS total
FROM appointment a LEFT JOIN department d ON d.id = a.department_id LEFT JOIN staff s ON s.id = a.staff_id
WHERE a.starts_at >= :from AND a.starts_at < :to
  AND (:department IS NULL OR d.name = :department)
  AND (:staffId IS NULL OR a.staff_id = :staffId)
ORDER BY a.starts_at, provider, a.id
LIMIT :limit;

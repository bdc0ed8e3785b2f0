-- name: DayCounts :many
-- Appointments starting in [from, to) counted by start, status, department and provider, optionally for one
-- department and one provider (a null department or staffId means any). No appointment on its own, no
-- reason and no patient: counts for anyone with report access.
-- @notnull starts_at, status, department, provider, n
SELECT a.starts_at, a.status, COALESCE(d.name, 'not recorded') AS department,
  COALESCE(CONCAT(s.first_name, ' ', s.last_name), 'not recorded') AS provider, COUNT(*) AS n
FROM appointment a LEFT JOIN department d ON d.id = a.department_id LEFT JOIN staff s ON s.id = a.staff_id
WHERE a.starts_at >= :from AND a.starts_at < :to
  AND (:department IS NULL OR d.name = :department)
  AND (:staffId IS NULL OR a.staff_id = :staffId)
GROUP BY a.starts_at, provider, department, a.status
ORDER BY a.starts_at, provider, department, a.status;

-- name: DaySchedule :many
-- Appointments starting in [from, to), each with its patient and reason, optionally for one department and
-- one provider (a null department or staffId means any): patient data, for the patient-records role only.
-- @notnull id, starts_at, ends_at, status, reason, provider, patient_id, mrn, first_name, last_name
SELECT a.id, a.starts_at, a.ends_at, a.status, a.reason,
  COALESCE(CONCAT(s.first_name, ' ', s.last_name), 'not recorded') AS provider,
  p.id AS patient_id, p.mrn, p.first_name, p.last_name, COUNT(*) OVER () AS total
FROM appointment a JOIN patient p ON p.id = a.patient_id
  LEFT JOIN department d ON d.id = a.department_id LEFT JOIN staff s ON s.id = a.staff_id
WHERE a.starts_at >= :from AND a.starts_at < :to
  AND (:department IS NULL OR d.name = :department)
  AND (:staffId IS NULL OR a.staff_id = :staffId)
ORDER BY a.starts_at, provider, a.id
LIMIT :limit;

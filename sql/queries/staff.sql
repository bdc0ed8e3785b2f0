-- name: PhysicianSpecialties :many
SELECT ph.specialty, COUNT(*) AS physicians FROM physician ph JOIN staff s ON s.id = ph.staff_id
WHERE s.active GROUP BY ph.specialty ORDER BY physicians DESC, ph.specialty;

-- name: PhysicianWorkload :many
-- Per physician: distinct patients and treatments in [from, to). The window's treatments are read first
-- (STRAIGHT_JOIN: not every treatment of every staff member), counted per person, then named.
SELECT s.id, s.first_name, s.last_name, w.patients, w.treatments
FROM (
  SELECT x.staff_id, COUNT(DISTINCT t.patient_id) AS patients, COUNT(*) AS treatments
  FROM er_treatment t STRAIGHT_JOIN treatment_physician x ON x.treatment_id = t.id
  WHERE t.performed_at >= :from AND t.performed_at < :to
  GROUP BY x.staff_id
) w
JOIN staff s ON s.id = w.staff_id
ORDER BY w.patients DESC, w.treatments DESC, s.last_name, s.id;

-- name: NurseWorkload :many
-- The same per nurse.
SELECT s.id, s.first_name, s.last_name, w.patients, w.treatments
FROM (
  SELECT x.staff_id, COUNT(DISTINCT t.patient_id) AS patients, COUNT(*) AS treatments
  FROM er_treatment t STRAIGHT_JOIN treatment_nurse x ON x.treatment_id = t.id
  WHERE t.performed_at >= :from AND t.performed_at < :to
  GROUP BY x.staff_id
) w
JOIN staff s ON s.id = w.staff_id
ORDER BY w.patients DESC, w.treatments DESC, s.last_name, s.id;

-- name: OnShift :many
-- Staff whose shift covers the instant, optionally in one department (null: all).
SELECT s.id, s.first_name, s.last_name, s.staff_type, d.name AS department, sh.starts_at, sh.ends_at,
  COALESCE(ph.specialty, n.qualification, pm.certification) AS detail
FROM shift sh
JOIN staff s ON s.id = sh.staff_id
JOIN department d ON d.id = sh.department_id
LEFT JOIN physician ph ON ph.staff_id = s.id
LEFT JOIN nurse n ON n.staff_id = s.id
LEFT JOIN paramedic pm ON pm.staff_id = s.id
WHERE sh.starts_at <= :at AND sh.ends_at > :at AND s.active AND (:department IS NULL OR d.name = :department)
-- staff_type is an ENUM: it sorts physician, nurse, paramedic as declared.
ORDER BY d.name, s.staff_type, s.last_name, s.first_name;

-- name: Departments :many
SELECT id, name FROM department ORDER BY name;

-- name: StaffByName :many
-- Active staff whose first, last or full name contains the text. The pattern is a LIKE pattern.
SELECT id, first_name, last_name, staff_type FROM staff
WHERE active AND (first_name LIKE :pattern OR last_name LIKE :pattern
  OR CONCAT(first_name, ' ', last_name) LIKE :pattern)
ORDER BY last_name, first_name LIMIT 25;

-- name: StaffById :one
SELECT id, first_name, last_name, staff_type FROM staff WHERE id = :id;

-- name: Fleet :many
-- Every unit with its crew and the call it is on at the instant, if any.
SELECT a.id, a.unit_code, a.type, a.status,
  (SELECT GROUP_CONCAT(CONCAT(s.first_name, ' ', s.last_name) ORDER BY s.last_name, s.first_name SEPARATOR ', ')
   FROM ambulance_crew c JOIN staff s ON s.id = c.staff_id WHERE c.ambulance_id = a.id) AS crew,
  cur.dispatch_id, cur.assigned_at, d.severity, d.nature
FROM ambulance a
LEFT JOIN dispatch_unit cur ON cur.ambulance_id = a.id AND cur.cleared_at IS NULL AND cur.assigned_at <= :at
LEFT JOIN ambulance_dispatch d ON d.id = cur.dispatch_id
-- ambulance.type is an ENUM: it sorts ALS, BLS, PT as declared.
ORDER BY a.type, a.unit_code;

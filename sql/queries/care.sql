-- name: DischargeFollowUps :many
-- ER visits arriving in [from, to) and discharged, each with its first follow-up: an appointment of the same
-- patient starting in (departed, departed + 7 days], not cancelled (docs/domain.md); NULLs when there is none.
-- @notnull departed_at
SELECT v.id AS visit_id, v.patient_id, v.condition_on_arrival AS `condition`, v.departed_at,
  fu.starts_at AS follow_up_at, dp.name AS follow_up_department
FROM er_visit v
JOIN disposition_decision d ON d.visit_id = v.id AND d.decision = 'Discharge'
LEFT JOIN appointment fu ON fu.id = (
  SELECT a.id FROM appointment a
  WHERE a.patient_id = v.patient_id AND a.status <> 'cancelled'
    AND a.starts_at > v.departed_at AND a.starts_at <= v.departed_at + INTERVAL 7 DAY
  ORDER BY a.starts_at, a.id LIMIT 1)
LEFT JOIN department dp ON dp.id = fu.department_id
WHERE v.arrived_at >= :from AND v.arrived_at < :to AND v.departed_at IS NOT NULL
ORDER BY v.departed_at, v.id;

-- name: CareGaps :many
-- Discharged ER visits arriving in [from, to) whose 7 days after departure have passed by :now with no
-- follow-up appointment (not cancelled) in them; oldest first, with the patient's phone.
-- @param now: Date
-- @notnull visit_id, patient_id, mrn, first_name, last_name, arrived_at, departed_at, reason
SELECT v.id AS visit_id, v.patient_id, p.mrn, p.first_name, p.last_name, p.phone,
  v.arrived_at, v.departed_at, v.reason, v.condition_on_arrival AS `condition`, COUNT(*) OVER () AS total
FROM er_visit v
JOIN disposition_decision d ON d.visit_id = v.id AND d.decision = 'Discharge'
JOIN patient p ON p.id = v.patient_id
WHERE v.arrived_at >= :from AND v.arrived_at < :to
  AND v.departed_at + INTERVAL 7 DAY <= :now
  AND NOT EXISTS (
    SELECT 1 FROM appointment a
    WHERE a.patient_id = v.patient_id AND a.status <> 'cancelled'
      AND a.starts_at > v.departed_at AND a.starts_at <= v.departed_at + INTERVAL 7 DAY)
ORDER BY v.departed_at, v.id
LIMIT :limit;

-- name: AppointmentOutcomes :many
-- Appointments starting in [from, to) and no later than :now, counted per department, start time and
-- status (weekday and local hour are worked out from the start in TypeScript).
SELECT dp.name AS department, a.starts_at, a.status, COUNT(*) AS n
FROM appointment a
JOIN department dp ON dp.id = a.department_id
WHERE a.starts_at >= :from AND a.starts_at < :to AND a.starts_at <= :now
GROUP BY dp.name, a.starts_at, a.status
ORDER BY dp.name, a.starts_at, a.status;

-- name: PrescriptionsEnding :many
-- Active prescriptions ending on local dates today..lastDay (inclusive), by end date and patient, with
-- the medication, its full dose and frequency.
-- @notnull id, patient_id, mrn, first_name, last_name, medication, form, strength, dose, frequency, starts_on, ends_on
SELECT r.id, r.patient_id, p.mrn, p.first_name, p.last_name, m.name AS medication, m.form, m.strength,
  r.dose, r.frequency, r.starts_on, r.ends_on, COUNT(*) OVER () AS total
FROM prescription r
JOIN patient p ON p.id = r.patient_id
JOIN medication m ON m.id = r.medication_id
WHERE r.status = 'active' AND r.ends_on >= :today AND r.ends_on <= :lastDay
ORDER BY r.ends_on, p.last_name, p.first_name, r.patient_id, r.id
LIMIT :limit;

-- name: SearchPatients :many
-- Patients whose first or last name contains the text, or, for a full name, whose first name contains
-- :first and last name :last (or the other way round when :eitherOrder): identifiers only, with how many
-- matched. The collation ignores case; the patterns are LIKE patterns, :first and :last NULL for one word.
-- @param first: string | null
-- @param last: string | null
-- @param eitherOrder: boolean
-- @notnull id, mrn, first_name, last_name, date_of_birth
SELECT p.id, p.mrn, p.first_name, p.last_name, p.date_of_birth, COUNT(*) OVER () AS total
FROM patient p
WHERE p.first_name LIKE :pattern OR p.last_name LIKE :pattern
  OR (p.first_name LIKE :first AND p.last_name LIKE :last)
  OR (:eitherOrder AND p.first_name LIKE :last AND p.last_name LIKE :first)
ORDER BY p.last_name, p.first_name, p.id
LIMIT :limit;

-- name: PatientNamePrefix :many
-- Autocomplete: an indexed prefix search on last name, then first name. The prefix is a LIKE pattern.
SELECT id, mrn, first_name, last_name, date_of_birth FROM (
  (SELECT id, mrn, first_name, last_name, date_of_birth FROM patient WHERE last_name LIKE :prefix
   ORDER BY last_name, first_name, id LIMIT 25)
  UNION
  (SELECT id, mrn, first_name, last_name, date_of_birth FROM patient WHERE first_name LIKE :prefix
   ORDER BY first_name, last_name, id LIMIT 25)
) m
ORDER BY last_name, first_name, id
LIMIT 25;

-- name: PatientMrnPrefix :many
SELECT id, mrn, first_name, last_name, date_of_birth FROM patient WHERE mrn LIKE :prefix ORDER BY mrn LIMIT 25;

-- name: PatientById :one
SELECT id, mrn, first_name, last_name, date_of_birth, sex, phone FROM patient WHERE id = :id;

-- name: PatientByMrn :one
SELECT id, mrn, first_name, last_name, date_of_birth, sex, phone FROM patient WHERE mrn = :mrn;

-- name: PatientsByFullName :many
-- Exact "first last" or "last, first" matches, for resolving a typed name.
SELECT id, mrn, first_name, last_name, date_of_birth, sex, phone FROM patient
WHERE first_name = :first AND last_name = :last ORDER BY id LIMIT :limit;

-- name: PatientContacts :many
SELECT name, relationship, phone FROM patient_contact WHERE patient_id = :patient ORDER BY id;

-- name: PatientAllergies :many
SELECT substance, severity, reaction, criticality FROM allergy WHERE patient_id = :patient
-- allergy.severity is ENUM('mild', 'moderate', 'severe'): descending puts severe first.
ORDER BY severity DESC, substance;

-- name: PatientLatestTreatment :one
SELECT t.id, t.type, t.performed_at, t.outcome FROM er_treatment t
WHERE t.patient_id = :patient ORDER BY t.performed_at DESC, t.id DESC LIMIT 1;

-- name: PatientLastVisit :one
SELECT v.id, v.arrived_at, v.arrival_mode, v.condition_on_arrival, v.triage_level, v.reason, v.departed_at,
  d.decision, d.patient_status
FROM er_visit v LEFT JOIN disposition_decision d ON d.visit_id = v.id
WHERE v.patient_id = :patient ORDER BY v.arrived_at DESC, v.id DESC LIMIT 1;

-- name: PatientActivePrescriptions :many
-- Active on a local date (YYYY-MM-DD): status active and the date within starts_on..ends_on.
SELECT r.id, m.name, m.form, m.strength, r.dose, r.frequency, r.starts_on, r.ends_on,
  COALESCE(CONCAT(s.first_name, ' ', s.last_name), 'not recorded') AS prescriber
FROM prescription r
JOIN medication m ON m.id = r.medication_id
LEFT JOIN staff s ON s.id = r.staff_id
WHERE r.patient_id = :patient AND r.status = 'active' AND r.starts_on <= :date
  AND (r.ends_on IS NULL OR r.ends_on >= :date)
ORDER BY r.starts_on DESC, r.id DESC;

-- name: PatientUpcomingAppointments :many
SELECT a.id, a.starts_at, a.ends_at, a.status, a.reason, COALESCE(d.name, 'not recorded') AS department,
  COALESCE(CONCAT(s.first_name, ' ', s.last_name), 'not recorded') AS provider
FROM appointment a LEFT JOIN department d ON d.id = a.department_id LEFT JOIN staff s ON s.id = a.staff_id
WHERE a.patient_id = :patient AND a.starts_at >= :from
ORDER BY a.starts_at, a.id LIMIT :limit;

-- name: PatientRecentAppointments :many
SELECT a.id, a.starts_at, a.ends_at, a.status, a.reason, COALESCE(d.name, 'not recorded') AS department,
  COALESCE(CONCAT(s.first_name, ' ', s.last_name), 'not recorded') AS provider
FROM appointment a LEFT JOIN department d ON d.id = a.department_id LEFT JOIN staff s ON s.id = a.staff_id
WHERE a.patient_id = :patient AND a.starts_at < :before
ORDER BY a.starts_at DESC, a.id DESC LIMIT :limit;

-- name: PatientHistory :many
-- One patient's path through the system, each event at its own time.
SELECT at, event, detail FROM (
  SELECT c.received_at AS at, 1 AS seq, 'emergency call' AS event,
    CONCAT(c.nature, ', reported by ', c.caller_name, ' from ', c.location) AS detail
  FROM call_patient cp JOIN emergency_call c ON c.id = cp.call_id WHERE cp.patient_id = :patient
  UNION ALL
  SELECT d.dispatched_at, 2, 'dispatch', CONCAT(d.severity, ' severity, ', d.nature, ' (dispatch ', d.id, ')')
  FROM ambulance_dispatch d
  WHERE d.id IN (SELECT c.dispatch_id FROM call_patient cp JOIN emergency_call c ON c.id = cp.call_id WHERE cp.patient_id = :patient)
  UNION ALL
  SELECT a.assessed_at, 3, 'paramedic assessment',
    CONCAT(a.observations, '; ', a.initial_treatment, '; HR ', COALESCE(a.heart_rate, '-'), ', BP ',
      COALESCE(a.systolic_bp, '-'), ', SpO2 ', COALESCE(a.spo2, '-'), ', RR ', COALESCE(a.resp_rate, '-'))
  FROM paramedic_assessment a WHERE a.patient_id = :patient
  UNION ALL
  SELECT t.pickup_at, 4, 'transport pick-up', CONCAT('unit ', am.unit_code, ' (', am.type, ')')
  FROM transport t JOIN ambulance am ON am.id = t.ambulance_id WHERE t.patient_id = :patient
  UNION ALL
  SELECT t.dropoff_at, 5, 'transport drop-off', CONCAT('unit ', am.unit_code)
  FROM transport t JOIN ambulance am ON am.id = t.ambulance_id WHERE t.patient_id = :patient
  UNION ALL
  SELECT v.arrived_at, 6, 'ER arrival',
    -- CONCAT_WS leaves out what a hospital feed did not record (arrival mode, condition, triage level).
    CONCAT_WS(', ', REPLACE(v.arrival_mode, '_', '-'), v.condition_on_arrival, CONCAT('ESI ', v.triage_level), v.reason)
  FROM er_visit v WHERE v.patient_id = :patient
  UNION ALL
  SELECT t.performed_at, 7, 'ER treatment', CONCAT(t.type, ': ', t.outcome)
  FROM er_treatment t WHERE t.patient_id = :patient
  UNION ALL
  SELECT d.decided_at, 8, 'disposition', CONCAT(d.decision, COALESCE(CONCAT(' (', d.patient_status, ')'), ''))
  FROM disposition_decision d WHERE d.patient_id = :patient
) h
ORDER BY at, seq
LIMIT 500;

-- name: FrequentlyTreatedPatients :many
-- Patients with more ER treatments in [from, to) than the average treated patient: one pass counts each
-- patient's treatments (window functions over the counts give the average and how many were treated). Only
-- patients that can be among the first :limit are looked up: those whose count ranks within :limit (every
-- patient tied with the :limit-th is kept, so the order by name among ties is the same as over them all).
-- @notnull treatments, average, treated
SELECT p.id, p.mrn, p.first_name, p.last_name, f.treatments, f.average, f.treated, f.total
FROM (
  SELECT patient_id, treatments, average, treated, COUNT(*) OVER () AS total,
    RANK() OVER (ORDER BY treatments DESC) AS place
  FROM (
    SELECT patient_id, COUNT(*) AS treatments, AVG(COUNT(*)) OVER () AS average, COUNT(*) OVER () AS treated
    FROM er_treatment
    WHERE performed_at >= :from AND performed_at < :to
    GROUP BY patient_id
  ) pp
  WHERE pp.treatments > pp.average
) f
JOIN patient p ON p.id = f.patient_id
WHERE f.place <= :limit
ORDER BY f.treatments DESC, p.last_name, p.first_name, p.id
LIMIT :limit;

-- name: PatientsNeverTreatedWith :many
-- Patients with an ER visit in [from, to) who have never had a treatment of the type: the window's visits
-- per patient first, and only the patients returned are looked up (the total counts them all).
-- @notnull last_arrival
SELECT p.id, p.mrn, p.first_name, p.last_name, w.visits, w.last_arrival, w.total
FROM (
  SELECT v.patient_id, COUNT(*) AS visits, MAX(v.arrived_at) AS last_arrival, COUNT(*) OVER () AS total
  FROM er_visit v
  WHERE v.arrived_at >= :from AND v.arrived_at < :to
    AND NOT EXISTS (SELECT 1 FROM er_treatment t WHERE t.patient_id = v.patient_id AND t.type = :type)
  GROUP BY v.patient_id
  ORDER BY last_arrival DESC, v.patient_id
  LIMIT :limit
) w
JOIN patient p ON p.id = w.patient_id
ORDER BY w.last_arrival DESC, p.id;

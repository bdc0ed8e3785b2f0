-- The ADT listener's statements for a whole group commit (src/data/hl7-batch.queries.ts): one lookup per
-- kind of key, locking the rows it finds, and one write per table. A write's VALUES holds one row; the
-- module repeats that row's placeholders for each row of the group.

-- name: Hl7BatchOutcomes :many
-- Every earlier answer to the group's messages (a superset when a group mixes senders: the caller keeps
-- the pairs it asked for).
SELECT sender, control_id, outcome FROM hl7_message
WHERE sender IN (:senders) AND control_id IN (:controlIds) FOR UPDATE;

-- name: Hl7BatchPatients :many
SELECT p.id, p.mrn, p.first_name, p.last_name, p.date_of_birth, p.sex, p.phone, h.field_times
FROM patient p LEFT JOIN hl7_patient h ON h.patient_id = p.id
WHERE p.mrn IN (:mrns) FOR UPDATE;

-- name: Hl7BatchVisits :many
-- A superset when a group mixes assigning authorities: the caller keeps the pairs it asked for.
SELECT h.authority, h.visit_number, h.visit_id, h.field_times, h.cancelled_at, v.patient_id, v.arrived_at,
  v.departed_at, v.reason
FROM hl7_visit h LEFT JOIN er_visit v ON v.id = h.visit_id
WHERE h.authority IN (:authorities) AND h.visit_number IN (:visitNumbers) FOR UPDATE;

-- name: Hl7BatchInsertPatients :exec
-- The ids made, in the order of the rows.
-- @param mrn: string
-- @param firstName: string
-- @param lastName: string
-- @param dateOfBirth: string
-- @param sex: 'female' | 'male' | 'other' | 'unknown'
-- @param phone: string | null
INSERT INTO patient (mrn, first_name, last_name, date_of_birth, sex, phone)
VALUES (:mrn, :firstName, :lastName, :dateOfBirth, :sex, :phone)
RETURNING id;

-- name: Hl7BatchSavePatients :exec
-- Whole rows of patients that exist (by id): every column as the group left it.
INSERT INTO patient (id, mrn, first_name, last_name, date_of_birth, sex, phone)
VALUES (:id, :mrn, :firstName, :lastName, :dateOfBirth, :sex, :phone)
ON DUPLICATE KEY UPDATE first_name = VALUES(first_name), last_name = VALUES(last_name),
  date_of_birth = VALUES(date_of_birth), sex = VALUES(sex), phone = VALUES(phone);

-- name: Hl7BatchSavePatientTimes :exec
INSERT INTO hl7_patient (patient_id, field_times) VALUES (:patientId, :fieldTimes)
ON DUPLICATE KEY UPDATE field_times = VALUES(field_times);

-- name: Hl7BatchInsertVisits :exec
-- The ids made, in the order of the rows. No arrival mode, condition on arrival or triage level: NULL.
-- @param patientId: number
-- @param arrivedAt: Date
-- @param reason: string
-- @param departedAt: Date | null
INSERT INTO er_visit (patient_id, arrived_at, reason, departed_at)
VALUES (:patientId, :arrivedAt, :reason, :departedAt)
RETURNING id;

-- name: Hl7BatchSaveVisits :exec
INSERT INTO er_visit (id, patient_id, arrived_at, reason, departed_at)
VALUES (:id, :patientId, :arrivedAt, :reason, :departedAt)
ON DUPLICATE KEY UPDATE patient_id = VALUES(patient_id), arrived_at = VALUES(arrived_at),
  reason = VALUES(reason), departed_at = VALUES(departed_at);

-- name: Hl7BatchSaveVisitKeys :exec
INSERT INTO hl7_visit (authority, visit_number, visit_id, field_times, cancelled_at)
VALUES (:authority, :visitNumber, :visitId, :fieldTimes, :cancelledAt)
ON DUPLICATE KEY UPDATE visit_id = VALUES(visit_id), field_times = VALUES(field_times),
  cancelled_at = VALUES(cancelled_at);

-- name: Hl7BatchSaveDecisions :exec
INSERT INTO disposition_decision (visit_id, patient_id, staff_id, decided_at, patient_status, decision)
VALUES (:visitId, :patientId, NULL, :decidedAt, NULL, :decision)
ON DUPLICATE KEY UPDATE decided_at = VALUES(decided_at), decision = VALUES(decision),
  patient_id = VALUES(patient_id);

-- name: Hl7BatchDeleteDecisions :exec
DELETE FROM disposition_decision WHERE visit_id IN (:visitIds);

-- name: Hl7BatchSaveMessages :exec
-- Two rows with the same sender and control id: the later one stays, as if written one after the other.
INSERT INTO hl7_message
  (sender, control_id, message_type, event_at, received_at, outcome, error_field, error_reason, raw)
VALUES (:sender, :controlId, :messageType, :eventAt, :receivedAt, :outcome, :errorField, :errorReason, :raw)
ON DUPLICATE KEY UPDATE message_type = VALUES(message_type), event_at = VALUES(event_at),
  received_at = VALUES(received_at), outcome = VALUES(outcome), error_field = VALUES(error_field),
  error_reason = VALUES(error_reason), raw = VALUES(raw);

-- name: Hl7MessageOutcome :one
-- How a message from this sender with this control id was answered before, if it was; locked, so a resend
-- arriving on another connection waits for this one.
SELECT outcome FROM hl7_message WHERE sender = :sender AND control_id = :controlId FOR UPDATE;

-- name: SaveHl7Message :exec
-- The raw message and how it was answered. A message answered AE or AR before and sent again is stored again.
INSERT INTO hl7_message
  (sender, control_id, message_type, event_at, received_at, outcome, error_field, error_reason, raw)
VALUES (:sender, :controlId, :messageType, :eventAt, :receivedAt, :outcome, :errorField, :errorReason, :raw)
ON DUPLICATE KEY UPDATE message_type = VALUES(message_type), event_at = VALUES(event_at),
  received_at = VALUES(received_at), outcome = VALUES(outcome), error_field = VALUES(error_field),
  error_reason = VALUES(error_reason), raw = VALUES(raw);

-- name: PurgeHl7Messages :execrows
-- Raw messages past their retention, a bounded number at a time.
DELETE FROM hl7_message WHERE received_at < :before ORDER BY received_at LIMIT 5000;

-- name: Hl7PatientByMrn :one
SELECT p.id, p.first_name, p.last_name, p.date_of_birth, p.sex, p.phone, h.field_times
FROM patient p LEFT JOIN hl7_patient h ON h.patient_id = p.id
WHERE p.mrn = :mrn FOR UPDATE;

-- name: Hl7InsertPatient :execlastid
INSERT INTO patient (mrn, first_name, last_name, date_of_birth, sex, phone)
VALUES (:mrn, :firstName, :lastName, :dateOfBirth, :sex, :phone);

-- name: Hl7UpdatePatient :exec
-- NULL leaves a column as it is.
-- @param firstName: string | null
-- @param lastName: string | null
-- @param dateOfBirth: string | null
-- @param sex: 'female' | 'male' | 'other' | 'unknown' | null
-- @param phone: string | null
UPDATE patient SET first_name = COALESCE(:firstName, first_name), last_name = COALESCE(:lastName, last_name),
  date_of_birth = COALESCE(:dateOfBirth, date_of_birth), sex = COALESCE(:sex, sex),
  phone = COALESCE(:phone, phone)
WHERE id = :id;

-- name: Hl7ChangeMrn :exec
UPDATE patient SET mrn = :mrn WHERE id = :id;

-- name: Hl7SavePatientTimes :exec
INSERT INTO hl7_patient (patient_id, field_times) VALUES (:patientId, :fieldTimes)
ON DUPLICATE KEY UPDATE field_times = VALUES(field_times);

-- name: Hl7VisitByNumber :one
SELECT h.visit_id, h.field_times, h.cancelled_at, v.patient_id, v.arrived_at, v.departed_at, v.reason
FROM hl7_visit h LEFT JOIN er_visit v ON v.id = h.visit_id
WHERE h.authority = :authority AND h.visit_number = :visitNumber FOR UPDATE;

-- name: Hl7SaveVisitKey :exec
INSERT INTO hl7_visit (authority, visit_number, visit_id, field_times, cancelled_at)
VALUES (:authority, :visitNumber, :visitId, :fieldTimes, :cancelledAt)
ON DUPLICATE KEY UPDATE visit_id = VALUES(visit_id), field_times = VALUES(field_times),
  cancelled_at = VALUES(cancelled_at);

-- name: Hl7InsertVisit :execlastid
-- A visit from ADT carries no arrival mode, condition on arrival or triage level: NULL, "not recorded".
INSERT INTO er_visit (patient_id, arrived_at, reason, departed_at)
VALUES (:patientId, :arrivedAt, :reason, :departedAt);

-- name: Hl7UpdateVisit :exec
UPDATE er_visit SET patient_id = :patientId, arrived_at = :arrivedAt, reason = :reason,
  departed_at = :departedAt
WHERE id = :id;

-- name: Hl7SaveDecision :exec
INSERT INTO disposition_decision (visit_id, patient_id, staff_id, decided_at, patient_status, decision)
VALUES (:visitId, :patientId, NULL, :decidedAt, NULL, :decision)
ON DUPLICATE KEY UPDATE decided_at = VALUES(decided_at), decision = VALUES(decision),
  patient_id = VALUES(patient_id);

-- name: Hl7DeleteDecision :exec
DELETE FROM disposition_decision WHERE visit_id = :visitId;

-- name: Hl7AddDiagnosis :exec
-- A code the visit has already is not added twice.
-- @param description: string
INSERT INTO diagnosis (visit_id, code, description)
SELECT :visitId, :code, :description FROM DUAL
WHERE NOT EXISTS (SELECT 1 FROM diagnosis WHERE visit_id = :visitId AND code = :code);

-- name: Hl7DeleteDiagnoses :exec
DELETE FROM diagnosis WHERE visit_id = :visitId;

-- name: Hl7DeleteVisit :exec
DELETE FROM er_visit WHERE id = :id;

-- name: Hl7UpdateAllergy :execrows
UPDATE allergy SET severity = :severity, reaction = :reaction
WHERE patient_id = :patientId AND substance = :substance;

-- name: Hl7InsertAllergy :exec
INSERT INTO allergy (patient_id, substance, severity, reaction)
VALUES (:patientId, :substance, :severity, :reaction);

-- A40 merge: every row of the prior patient moves to the surviving one, then the prior patient row goes
-- (its hl7_patient row with it). A call already linked to both keeps one link.

-- name: Hl7MoveContacts :exec
UPDATE patient_contact SET patient_id = :survivor WHERE patient_id = :prior;

-- name: Hl7MoveAllergies :exec
UPDATE allergy SET patient_id = :survivor WHERE patient_id = :prior;

-- name: Hl7MoveTransports :exec
UPDATE transport SET patient_id = :survivor WHERE patient_id = :prior;

-- name: Hl7MoveAssessments :exec
UPDATE paramedic_assessment SET patient_id = :survivor WHERE patient_id = :prior;

-- name: Hl7MoveVisits :exec
UPDATE er_visit SET patient_id = :survivor WHERE patient_id = :prior;

-- name: Hl7MoveTreatments :exec
UPDATE er_treatment SET patient_id = :survivor WHERE patient_id = :prior;

-- name: Hl7MoveDecisions :exec
UPDATE disposition_decision SET patient_id = :survivor WHERE patient_id = :prior;

-- name: Hl7MoveAppointments :exec
UPDATE appointment SET patient_id = :survivor WHERE patient_id = :prior;

-- name: Hl7MovePrescriptions :exec
UPDATE prescription SET patient_id = :survivor WHERE patient_id = :prior;

-- name: Hl7MoveCalls :exec
UPDATE IGNORE call_patient SET patient_id = :survivor WHERE patient_id = :prior;

-- name: Hl7DropCalls :exec
DELETE FROM call_patient WHERE patient_id = :prior;

-- name: Hl7DeletePatient :exec
DELETE FROM patient WHERE id = :id;

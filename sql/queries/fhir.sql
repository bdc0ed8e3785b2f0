-- name: FhirStartRun :execrows
INSERT INTO fhir_import_run (started_at, since, files) VALUES (:startedAt, :since, :files);

-- name: FhirLastRunId :one
SELECT LAST_INSERT_ID() AS id;

-- name: FhirFinishRun :exec
UPDATE fhir_import_run SET finished_at = :finishedAt, counts = :counts WHERE id = :id;

-- name: FhirDecideDispositions :exec
-- Each imported ER visit's disposition: admitted (Transfer to another department) when an inpatient stay of
-- the same patient starts after its arrival and no later than an hour after it ends; else what its
-- hospitalization.dischargeDisposition says (NUBC codes, or the FHIR discharge-disposition codes: 07 and
-- aadvice left against medical advice); else NULL.
UPDATE fhir_encounter e
LEFT JOIN fhir_encounter i ON i.patient_id = e.patient_id AND i.class = 'IMP'
  AND i.starts_at > e.starts_at AND e.ends_at IS NOT NULL AND i.starts_at <= e.ends_at + INTERVAL 1 HOUR
SET e.decision = CASE
  WHEN i.fhir_id IS NOT NULL THEN 'Transfer to another department'
  WHEN e.discharge_code IN ('1', '01', '6', '06', '8', '08', 'home', 'alt-home') THEN 'Discharge'
  WHEN e.discharge_code IN ('9', '09') THEN 'Transfer to another department'
  WHEN e.discharge_code IN ('7', '07', 'aadvice') THEN 'Left against medical advice'
  WHEN e.discharge_code IN ('2', '02', '5', '05', '43', '65', '66', 'hosp', 'psy') THEN 'Transfer to a higher-level hospital'
  ELSE NULL END
WHERE e.class = 'EMER';

-- name: FhirWriteDispositions :exec
-- The decision, at the visit's departure (an export carries no separate decision time).
INSERT INTO disposition_decision (visit_id, patient_id, staff_id, decided_at, patient_status, decision)
SELECT v.id, v.patient_id, NULL, COALESCE(v.departed_at, v.arrived_at), NULL, e.decision
FROM fhir_encounter e JOIN er_visit v ON v.id = e.visit_id
WHERE e.class = 'EMER' AND e.decision IS NOT NULL
ON DUPLICATE KEY UPDATE decision = VALUES(decision), decided_at = VALUES(decided_at),
  patient_id = VALUES(patient_id);

-- name: FhirDropDispositions :exec
-- An imported visit whose export no longer says how it ended loses the decision an earlier import made.
DELETE d FROM disposition_decision d JOIN fhir_encounter e ON e.visit_id = d.visit_id
WHERE e.class = 'EMER' AND e.decision IS NULL;

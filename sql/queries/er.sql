-- name: ArrivalsByCondition :many
-- ER arrivals in [from, to) by condition on arrival, most severe first, with triage levels 1-5 as columns.
SELECT
  -- Visits from a hospital feed may carry no condition or triage level: counted as "not recorded".
  COALESCE(condition_on_arrival, 'not recorded') AS `condition`,
  COUNT(*) AS arrivals,
  COUNT(CASE WHEN triage_level = 1 THEN 1 END) AS esi1,
  COUNT(CASE WHEN triage_level = 2 THEN 1 END) AS esi2,
  COUNT(CASE WHEN triage_level = 3 THEN 1 END) AS esi3,
  COUNT(CASE WHEN triage_level = 4 THEN 1 END) AS esi4,
  COUNT(CASE WHEN triage_level = 5 THEN 1 END) AS esi5
FROM er_visit
WHERE arrived_at >= :from AND arrived_at < :to
GROUP BY condition_on_arrival
-- An ENUM sorts in its declared order (src/core/vocabulary.ts): most severe first; not recorded last.
ORDER BY condition_on_arrival IS NULL, condition_on_arrival;

-- name: LatestTreatmentPerPatient :many
-- Each patient's latest ER treatment in [from, to), newest first. Patients are looked up only for the rows
-- returned; the total counts every patient treated in the window.
-- @notnull patient_id, type, performed_at, outcome
SELECT x.patient_id, p.mrn, p.first_name, p.last_name, x.type, x.performed_at, x.outcome, x.total
FROM (
  SELECT patient_id, type, performed_at, outcome, COUNT(*) OVER () AS total
  FROM (
    SELECT t.patient_id, t.type, t.performed_at, t.outcome,
      ROW_NUMBER() OVER (PARTITION BY t.patient_id ORDER BY t.performed_at DESC, t.id DESC) AS rn
    FROM er_treatment t
    WHERE t.performed_at >= :from AND t.performed_at < :to
  ) ranked
  WHERE rn = 1
  ORDER BY performed_at DESC, patient_id
  LIMIT :limit
) x
JOIN patient p ON p.id = x.patient_id
ORDER BY x.performed_at DESC, x.patient_id;

-- name: DispatchesBetween :many
-- The dispatches in [from, to), from the index alone. Their calls, units and transports are then read as one
-- range of dispatch ids each (the queries below) and put together in TypeScript: index range reads instead
-- of a lookup per dispatch in each table. Times come as seconds since the epoch (a year holds some 150,000
-- of them: numbers cost far less to read than dates).
SELECT id, severity FROM ambulance_dispatch
WHERE dispatched_at >= :from AND dispatched_at < :to;

-- name: FirstCallsOfDispatches :many
-- Each dispatch's first call, for dispatch ids in [lo, hi] (rows of dispatches outside the window are
-- dropped by the caller).
-- @notnull dispatch_id, received_s
SELECT dispatch_id, TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', MIN(received_at)) AS received_s
FROM emergency_call
WHERE dispatch_id BETWEEN :lo AND :hi
GROUP BY dispatch_id;

-- name: UnitsOnSceneOfDispatches :many
-- The units that reached the scene of dispatches with ids in [lo, hi] (a range of the primary key; joining
-- ambulance here made the optimizer read every unit's whole history from the ambulance side).
-- @notnull on_scene_s
SELECT dispatch_id, ambulance_id, TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', on_scene_at) AS on_scene_s
FROM dispatch_unit
WHERE dispatch_id BETWEEN :lo AND :hi AND on_scene_at IS NOT NULL;

-- name: AmbulanceTypes :many
SELECT id, type FROM ambulance;

-- name: TransportsOfDispatches :many
-- The transports of dispatches with ids in [lo, hi].
-- @notnull pickup_s, dropoff_s
SELECT id, dispatch_id, ambulance_id,
  TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', pickup_at) AS pickup_s,
  TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', dropoff_at) AS dropoff_s
FROM transport
WHERE dispatch_id BETWEEN :lo AND :hi;

-- name: ArrivalsOfTransports :many
-- The ER arrivals that transports with ids in [lo, hi] led to, from the index alone.
-- @notnull transport_id, arrived_s
SELECT transport_id, TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', arrived_at) AS arrived_s
FROM er_visit WHERE transport_id BETWEEN :lo AND :hi;

-- name: DispositionCounts :many
SELECT decision, patient_status, COUNT(*) AS n FROM disposition_decision
WHERE decided_at >= :from AND decided_at < :to GROUP BY decision, patient_status;

-- name: ArrivalBuckets :many
-- ER arrivals per 15-minute bucket (minutes since 1970 DIV 15, UTC); grouped into local days in TypeScript.
-- @notnull bucket
SELECT TIMESTAMPDIFF(MINUTE, '1970-01-01 00:00:00', arrived_at) DIV 15 AS bucket, COUNT(*) AS n
FROM er_visit WHERE arrived_at >= :from AND arrived_at < :to GROUP BY bucket;

-- name: TreatmentBuckets :many
-- @notnull bucket
SELECT TIMESTAMPDIFF(MINUTE, '1970-01-01 00:00:00', performed_at) DIV 15 AS bucket, COUNT(*) AS n
FROM er_treatment WHERE performed_at >= :from AND performed_at < :to GROUP BY bucket;

-- name: DispositionBuckets :many
-- @notnull bucket
SELECT TIMESTAMPDIFF(MINUTE, '1970-01-01 00:00:00', decided_at) DIV 15 AS bucket, COUNT(*) AS n
FROM disposition_decision WHERE decided_at >= :from AND decided_at < :to GROUP BY bucket;

-- name: CensusByCondition :many
-- Who is in the ER at an instant, by condition and triage level.
-- @notnull earliest
SELECT condition_on_arrival AS `condition`, triage_level, COUNT(*) AS patients, MIN(arrived_at) AS earliest
FROM er_visit WHERE arrived_at <= :at AND (departed_at IS NULL OR departed_at > :at)
GROUP BY condition_on_arrival, triage_level;

-- name: CensusLongestWaits :many
-- The longest-staying visits at an instant, without identifying the patient.
SELECT v.arrived_at, v.condition_on_arrival, v.triage_level, v.reason
FROM er_visit v WHERE v.arrived_at <= :at AND (v.departed_at IS NULL OR v.departed_at > :at)
ORDER BY v.arrived_at, v.id LIMIT 5;

-- name: LengthOfStay :many
-- Completed visits that arrived in [from, to): age at arrival and minutes in the ER.
-- @notnull age, minutes
SELECT TIMESTAMPDIFF(YEAR, p.date_of_birth, v.arrived_at) AS age,
  TIMESTAMPDIFF(MINUTE, v.arrived_at, v.departed_at) AS minutes
FROM er_visit v JOIN patient p ON p.id = v.patient_id
WHERE v.departed_at IS NOT NULL AND v.arrived_at >= :from AND v.arrived_at < :to
ORDER BY v.id;

-- name: SymptomMatches :many
-- Patients whose paramedic assessment mentions the term, and callers whose reported emergency matches it,
-- in [from, to). The pattern is a LIKE pattern.
-- @column kind: 'patient' | 'caller'
-- @notnull name, at, matched
SELECT kind, patient_id, name, phone, at, matched, COUNT(*) OVER () AS total FROM (
  SELECT 'patient' AS kind, p.id AS patient_id, CONCAT(p.first_name, ' ', p.last_name) AS name, p.phone,
    a.assessed_at AS at, a.observations AS matched
  FROM paramedic_assessment a JOIN patient p ON p.id = a.patient_id
  WHERE a.observations LIKE :pattern AND a.assessed_at >= :from AND a.assessed_at < :to
  UNION ALL
  SELECT 'caller', NULL, c.caller_name, c.caller_phone, c.received_at, c.nature
  FROM emergency_call c
  WHERE c.nature LIKE :pattern AND c.received_at >= :from AND c.received_at < :to
) m
ORDER BY at DESC, kind
LIMIT :limit;

-- name: AssessmentsPerPatient :many
-- How many patients had 1, 2, 3, ... paramedic assessments in [from, to).
SELECT assessments, COUNT(*) AS patients FROM (
  SELECT patient_id, COUNT(*) AS assessments FROM paramedic_assessment
  WHERE assessed_at >= :from AND assessed_at < :to GROUP BY patient_id
) x GROUP BY assessments ORDER BY assessments;

-- name: TreatmentsByType :many
SELECT type, COUNT(*) AS n FROM er_treatment WHERE performed_at >= :from AND performed_at < :to
GROUP BY type ORDER BY n DESC, type;

-- name: CallCount :one
SELECT COUNT(*) AS n FROM emergency_call WHERE received_at >= :from AND received_at < :to;

-- name: DispatchesBySeverity :many
SELECT severity, COUNT(*) AS n FROM ambulance_dispatch WHERE dispatched_at >= :from AND dispatched_at < :to
-- An ENUM sorts in its declared order: high, medium, low.
GROUP BY severity ORDER BY severity;

-- name: PatientNamesByIds :many
-- Names for patient ids found in MongoDB. The driver expands the id list (a non-empty array).
SELECT id, mrn, first_name, last_name FROM patient WHERE id IN (:ids);

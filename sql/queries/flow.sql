-- name: FlowVisits :many
-- Each ER visit arriving in [from, to): its arrival, first treatment, disposition decision and departure.
-- A visit with a departure, no provider contact, no treatment and no decision left without being seen
-- (docs/domain.md).
SELECT v.id, v.arrived_at, v.arrival_mode, v.condition_on_arrival AS `condition`, v.triage_level,
  v.departed_at, v.provider_seen_at,
  (SELECT MIN(t.performed_at) FROM er_treatment t WHERE t.visit_id = v.id) AS first_treatment_at,
  d.decided_at, d.decision
FROM er_visit v
LEFT JOIN disposition_decision d ON d.visit_id = v.id
WHERE v.arrived_at >= :from AND v.arrived_at < :to
ORDER BY v.arrived_at, v.id;

-- name: ReturnVisits :many
-- 72-hour returns arriving in [from, to): a visit that arrives within 72 hours after the same patient's
-- previous visit departed, where that visit was discharged or left without being seen; both visits.
-- @notnull first_departed_at
SELECT r.id AS return_id, r.patient_id, p.mrn, p.first_name, p.last_name,
  f.id AS first_id, f.arrived_at AS first_arrived_at, f.departed_at AS first_departed_at,
  f.condition_on_arrival AS first_condition, f.reason AS first_reason,
  COALESCE(d.decision, 'Left without being seen') AS first_decision,
  r.arrived_at AS return_arrived_at, r.condition_on_arrival AS return_condition, r.reason AS return_reason,
  r.triage_level AS return_triage
FROM er_visit r
JOIN er_visit f ON f.id = (
  SELECT f2.id FROM er_visit f2
  WHERE f2.patient_id = r.patient_id AND f2.arrived_at < r.arrived_at
  ORDER BY f2.arrived_at DESC, f2.id DESC LIMIT 1)
JOIN patient p ON p.id = r.patient_id
LEFT JOIN disposition_decision d ON d.visit_id = f.id
WHERE r.arrived_at >= :from AND r.arrived_at < :to
  AND f.departed_at IS NOT NULL
  AND r.arrived_at <= f.departed_at + INTERVAL 72 HOUR
  AND (d.decision = 'Discharge'
    OR (d.id IS NULL AND NOT EXISTS (SELECT 1 FROM er_treatment t WHERE t.visit_id = f.id)))
ORDER BY r.arrived_at, r.id;

-- name: ReturnCandidates :many
-- Visits that could lead to a 72-hour return, by condition on arrival and how they ended: discharged or
-- left without being seen, departed in [from, to).
SELECT v.condition_on_arrival AS `condition`, COALESCE(d.decision, 'Left without being seen') AS decision,
  COUNT(*) AS n
FROM er_visit v
LEFT JOIN disposition_decision d ON d.visit_id = v.id
WHERE v.departed_at >= :from AND v.departed_at < :to
  AND (d.decision = 'Discharge'
    OR (d.id IS NULL AND NOT EXISTS (SELECT 1 FROM er_treatment t WHERE t.visit_id = v.id)))
GROUP BY v.condition_on_arrival, COALESCE(d.decision, 'Left without being seen')
ORDER BY v.condition_on_arrival, decision;

-- name: MeasureVisits :many
-- Each ER visit arriving in [from, to), by arrival, with what the standard ED measures need (docs/domain.md,
-- section 4): seconds from its arrival to placement in a treatment space, first provider contact, the
-- decision and departure (NULL when not recorded), the decision, an observation stay, a mental-health
-- diagnosis, any treatment, age at arrival in whole years. One range of er_visit_fact (migration 019),
-- which triggers keep in step with the visits, decisions, diagnoses, treatments and patients.
-- @notnull observation, mental_health, treated
SELECT visit_id AS id, patient_id, arrived_s, roomed_s, provider_s, decided_s, departed_s, decision,
  observation, mental_health, treated, age
FROM er_visit_fact
WHERE arrived_at >= :from AND arrived_at < :to
ORDER BY arrived_at, visit_id;

-- name: ReturnPredecessors :many
-- The visits arriving in [from, to) (the 30 days before a window): the previous visits its 72-hour returns
-- can follow, with whether each was discharged or left without being seen.
-- @notnull treated
SELECT visit_id AS id, patient_id, arrived_s, departed_s, decision, treated
FROM er_visit_fact
WHERE arrived_at >= :from AND arrived_at < :to;

-- name: BoardersAt :one
-- Admitted patients (decision :admitted, not an observation stay) still in the department at :at, and how
-- many of them had been decided on more than 240 minutes before; read from the visits present at :at.
SELECT COUNT(*) AS boarders,
  COUNT(CASE WHEN d.decided_at < :at - INTERVAL 240 MINUTE THEN 1 END) AS over_4h
FROM er_visit v
JOIN disposition_decision d ON d.visit_id = v.id
WHERE (v.departed_at IS NULL OR v.departed_at > :at) AND v.arrived_at <= :at
  AND d.decision = :admitted AND d.decided_at <= :at AND v.observation = FALSE;

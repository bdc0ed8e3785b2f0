// Generated from sql/queries/flow.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).
import { many, one, type Db, type Statement } from '../queries.ts';

export const flowVisitsQuery: Statement = {
  name: 'FlowVisits',
  sql: `SELECT v.id, v.arrived_at, v.arrival_mode, v.condition_on_arrival AS \`condition\`, v.triage_level,
  v.departed_at, v.provider_seen_at,
  (SELECT MIN(t.performed_at) FROM er_treatment t WHERE t.visit_id = v.id) AS first_treatment_at,
  d.decided_at, d.decision
FROM er_visit v
LEFT JOIN disposition_decision d ON d.visit_id = v.id
WHERE v.arrived_at >= ? AND v.arrived_at < ?
ORDER BY v.arrived_at, v.id`,
  params: ['from', 'to'],
};

export interface FlowVisitsArgs {
  from: Date;
  to: Date;
}

export interface FlowVisitsRow {
  id: number;
  arrived_at: Date;
  arrival_mode: 'ambulance' | 'walk_in' | 'transfer' | null;
  condition: 'critical' | 'serious' | 'moderate' | 'minor' | 'stable' | null;
  triage_level: number | null;
  departed_at: Date | null;
  provider_seen_at: Date | null;
  first_treatment_at: Date | null;
  decided_at: Date | null;
  decision:
    | 'Discharge'
    | 'Continue Observation'
    | 'Transfer to another department'
    | 'Transfer to a higher-level hospital'
    | 'Left against medical advice'
    | 'Eloped'
    | null;
}

/**
 * Each ER visit arriving in [from, to): its arrival, first treatment, disposition decision and departure.
 * A visit with a departure, no provider contact, no treatment and no decision left without being seen
 * (docs/domain.md).
 */
export function flowVisits(db: Db, args: FlowVisitsArgs): Promise<FlowVisitsRow[]> {
  return many<FlowVisitsRow>(db, flowVisitsQuery, args);
}

export const returnVisitsQuery: Statement = {
  name: 'ReturnVisits',
  sql: `SELECT r.id AS return_id, r.patient_id, p.mrn, p.first_name, p.last_name,
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
WHERE r.arrived_at >= ? AND r.arrived_at < ?
  AND f.departed_at IS NOT NULL
  AND r.arrived_at <= f.departed_at + INTERVAL 72 HOUR
  AND (d.decision = 'Discharge'
    OR (d.id IS NULL AND NOT EXISTS (SELECT 1 FROM er_treatment t WHERE t.visit_id = f.id)))
ORDER BY r.arrived_at, r.id`,
  params: ['from', 'to'],
};

export interface ReturnVisitsArgs {
  from: Date;
  to: Date;
}

export interface ReturnVisitsRow {
  return_id: number;
  patient_id: number;
  mrn: string;
  first_name: string;
  last_name: string;
  first_id: number;
  first_arrived_at: Date;
  first_departed_at: Date;
  first_condition: 'critical' | 'serious' | 'moderate' | 'minor' | 'stable' | null;
  first_reason: string;
  first_decision: string;
  return_arrived_at: Date;
  return_condition: 'critical' | 'serious' | 'moderate' | 'minor' | 'stable' | null;
  return_reason: string;
  return_triage: number | null;
}

/**
 * 72-hour returns arriving in [from, to): a visit that arrives within 72 hours after the same patient's
 * previous visit departed, where that visit was discharged or left without being seen; both visits.
 */
export function returnVisits(db: Db, args: ReturnVisitsArgs): Promise<ReturnVisitsRow[]> {
  return many<ReturnVisitsRow>(db, returnVisitsQuery, args);
}

export const returnCandidatesQuery: Statement = {
  name: 'ReturnCandidates',
  sql: `SELECT v.condition_on_arrival AS \`condition\`, COALESCE(d.decision, 'Left without being seen') AS decision,
  COUNT(*) AS n
FROM er_visit v
LEFT JOIN disposition_decision d ON d.visit_id = v.id
WHERE v.departed_at >= ? AND v.departed_at < ?
  AND (d.decision = 'Discharge'
    OR (d.id IS NULL AND NOT EXISTS (SELECT 1 FROM er_treatment t WHERE t.visit_id = v.id)))
GROUP BY v.condition_on_arrival, COALESCE(d.decision, 'Left without being seen')
ORDER BY v.condition_on_arrival, decision`,
  params: ['from', 'to'],
};

export interface ReturnCandidatesArgs {
  from: Date;
  to: Date;
}

export interface ReturnCandidatesRow {
  condition: 'critical' | 'serious' | 'moderate' | 'minor' | 'stable' | null;
  decision: string;
  n: number;
}

/**
 * Visits that could lead to a 72-hour return, by condition on arrival and how they ended: discharged or
 * left without being seen, departed in [from, to).
 */
export function returnCandidates(db: Db, args: ReturnCandidatesArgs): Promise<ReturnCandidatesRow[]> {
  return many<ReturnCandidatesRow>(db, returnCandidatesQuery, args);
}

export const measureVisitsQuery: Statement = {
  name: 'MeasureVisits',
  sql: `SELECT visit_id AS id, patient_id, arrived_s, roomed_s, provider_s, decided_s, departed_s, decision,
  observation, mental_health, treated, age
FROM er_visit_fact
WHERE arrived_at >= ? AND arrived_at < ?
ORDER BY arrived_at, visit_id`,
  params: ['from', 'to'],
};

export interface MeasureVisitsArgs {
  from: Date;
  to: Date;
}

export interface MeasureVisitsRow {
  id: number;
  patient_id: number;
  arrived_s: number;
  roomed_s: number | null;
  provider_s: number | null;
  decided_s: number | null;
  departed_s: number | null;
  decision:
    | 'Discharge'
    | 'Continue Observation'
    | 'Transfer to another department'
    | 'Transfer to a higher-level hospital'
    | 'Left against medical advice'
    | 'Eloped'
    | null;
  observation: number;
  mental_health: number;
  treated: number;
  age: number | null;
}

/**
 * Each ER visit arriving in [from, to), by arrival, with what the standard ED measures need (docs/domain.md,
 * section 4): seconds from its arrival to placement in a treatment space, first provider contact, the
 * decision and departure (NULL when not recorded), the decision, an observation stay, a mental-health
 * diagnosis, any treatment, age at arrival in whole years. One range of er_visit_fact (migration 019),
 * which triggers keep in step with the visits, decisions, diagnoses, treatments and patients.
 */
export function measureVisits(db: Db, args: MeasureVisitsArgs): Promise<MeasureVisitsRow[]> {
  return many<MeasureVisitsRow>(db, measureVisitsQuery, args);
}

export const returnPredecessorsQuery: Statement = {
  name: 'ReturnPredecessors',
  sql: `SELECT visit_id AS id, patient_id, arrived_s, departed_s, decision, treated
FROM er_visit_fact
WHERE arrived_at >= ? AND arrived_at < ?`,
  params: ['from', 'to'],
};

export interface ReturnPredecessorsArgs {
  from: Date;
  to: Date;
}

export interface ReturnPredecessorsRow {
  id: number;
  patient_id: number;
  arrived_s: number;
  departed_s: number | null;
  decision:
    | 'Discharge'
    | 'Continue Observation'
    | 'Transfer to another department'
    | 'Transfer to a higher-level hospital'
    | 'Left against medical advice'
    | 'Eloped'
    | null;
  treated: number;
}

/**
 * The visits arriving in [from, to) (the 30 days before a window): the previous visits its 72-hour returns
 * can follow, with whether each was discharged or left without being seen.
 */
export function returnPredecessors(db: Db, args: ReturnPredecessorsArgs): Promise<ReturnPredecessorsRow[]> {
  return many<ReturnPredecessorsRow>(db, returnPredecessorsQuery, args);
}

export const boardersAtQuery: Statement = {
  name: 'BoardersAt',
  sql: `SELECT COUNT(*) AS boarders,
  COUNT(CASE WHEN d.decided_at < ? - INTERVAL 240 MINUTE THEN 1 END) AS over_4h
FROM er_visit v
JOIN disposition_decision d ON d.visit_id = v.id
WHERE (v.departed_at IS NULL OR v.departed_at > ?) AND v.arrived_at <= ?
  AND d.decision = ? AND d.decided_at <= ? AND v.observation = FALSE`,
  params: ['at', 'at', 'at', 'admitted', 'at'],
};

export interface BoardersAtArgs {
  at: Date;
  admitted: string;
}

export interface BoardersAtRow {
  boarders: number;
  over_4h: number;
}

/**
 * Admitted patients (decision :admitted, not an observation stay) still in the department at :at, and how
 * many of them had been decided on more than 240 minutes before; read from the visits present at :at.
 */
export function boardersAt(db: Db, args: BoardersAtArgs): Promise<BoardersAtRow | undefined> {
  return one<BoardersAtRow>(db, boardersAtQuery, args);
}

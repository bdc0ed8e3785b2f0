// Generated from sql/queries/er.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).
import { many, one, type Db, type Statement } from '../queries.ts';

export const arrivalsByConditionQuery: Statement = {
  name: 'ArrivalsByCondition',
  sql: `SELECT
  COALESCE(condition_on_arrival, 'not recorded') AS \`condition\`,
  COUNT(*) AS arrivals,
  COUNT(CASE WHEN triage_level = 1 THEN 1 END) AS esi1,
  COUNT(CASE WHEN triage_level = 2 THEN 1 END) AS esi2,
  COUNT(CASE WHEN triage_level = 3 THEN 1 END) AS esi3,
  COUNT(CASE WHEN triage_level = 4 THEN 1 END) AS esi4,
  COUNT(CASE WHEN triage_level = 5 THEN 1 END) AS esi5
FROM er_visit
WHERE arrived_at >= ? AND arrived_at < ?
GROUP BY condition_on_arrival
ORDER BY condition_on_arrival IS NULL, condition_on_arrival`,
  params: ['from', 'to'],
};

export interface ArrivalsByConditionArgs {
  from: Date;
  to: Date;
}

export interface ArrivalsByConditionRow {
  condition: string;
  arrivals: number;
  esi1: number;
  esi2: number;
  esi3: number;
  esi4: number;
  esi5: number;
}

/**
 * ER arrivals in [from, to) by condition on arrival, most severe first, with triage levels 1-5 as columns.
 */
export function arrivalsByCondition(
  db: Db,
  args: ArrivalsByConditionArgs,
): Promise<ArrivalsByConditionRow[]> {
  return many<ArrivalsByConditionRow>(db, arrivalsByConditionQuery, args);
}

export const latestTreatmentPerPatientQuery: Statement = {
  name: 'LatestTreatmentPerPatient',
  sql: `SELECT x.patient_id, p.mrn, p.first_name, p.last_name, x.type, x.performed_at, x.outcome, x.total
FROM (
  SELECT patient_id, type, performed_at, outcome, COUNT(*) OVER () AS total
  FROM (
    SELECT t.patient_id, t.type, t.performed_at, t.outcome,
      ROW_NUMBER() OVER (PARTITION BY t.patient_id ORDER BY t.performed_at DESC, t.id DESC) AS rn
    FROM er_treatment t
    WHERE t.performed_at >= ? AND t.performed_at < ?
  ) ranked
  WHERE rn = 1
  ORDER BY performed_at DESC, patient_id
  LIMIT ?
) x
JOIN patient p ON p.id = x.patient_id
ORDER BY x.performed_at DESC, x.patient_id`,
  params: ['from', 'to', 'limit'],
};

export interface LatestTreatmentPerPatientArgs {
  from: Date;
  to: Date;
  limit: number;
}

export interface LatestTreatmentPerPatientRow {
  patient_id: number;
  mrn: string;
  first_name: string;
  last_name: string;
  type:
    | 'Medication'
    | 'Surgery'
    | 'Physical Therapy'
    | 'Casting'
    | 'Stitching'
    | 'Oxygen Therapy'
    | 'Burn Treatment';
  performed_at: Date;
  outcome: 'Stabilized' | 'Recovering' | 'Improved' | 'Healing';
  total: number;
}

/**
 * Each patient's latest ER treatment in [from, to), newest first. Patients are looked up only for the rows
 * returned; the total counts every patient treated in the window.
 */
export function latestTreatmentPerPatient(
  db: Db,
  args: LatestTreatmentPerPatientArgs,
): Promise<LatestTreatmentPerPatientRow[]> {
  return many<LatestTreatmentPerPatientRow>(db, latestTreatmentPerPatientQuery, args);
}

export const dispatchesBetweenQuery: Statement = {
  name: 'DispatchesBetween',
  sql: `SELECT id, severity FROM ambulance_dispatch
WHERE dispatched_at >= ? AND dispatched_at < ?`,
  params: ['from', 'to'],
};

export interface DispatchesBetweenArgs {
  from: Date;
  to: Date;
}

export interface DispatchesBetweenRow {
  id: number;
  severity: 'high' | 'medium' | 'low';
}

/**
 * The dispatches in [from, to), from the index alone. Their calls, units and transports are then read as one
 * range of dispatch ids each (the queries below) and put together in TypeScript: index range reads instead
 * of a lookup per dispatch in each table. Times come as seconds since the epoch (a year holds some 150,000
 * of them: numbers cost far less to read than dates).
 */
export function dispatchesBetween(db: Db, args: DispatchesBetweenArgs): Promise<DispatchesBetweenRow[]> {
  return many<DispatchesBetweenRow>(db, dispatchesBetweenQuery, args);
}

export const firstCallsOfDispatchesQuery: Statement = {
  name: 'FirstCallsOfDispatches',
  sql: `SELECT dispatch_id, TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', MIN(received_at)) AS received_s
FROM emergency_call
WHERE dispatch_id BETWEEN ? AND ?
GROUP BY dispatch_id`,
  params: ['lo', 'hi'],
};

export interface FirstCallsOfDispatchesArgs {
  lo: number;
  hi: number;
}

export interface FirstCallsOfDispatchesRow {
  dispatch_id: number;
  received_s: number;
}

/**
 * Each dispatch's first call, for dispatch ids in [lo, hi] (rows of dispatches outside the window are
 * dropped by the caller).
 */
export function firstCallsOfDispatches(
  db: Db,
  args: FirstCallsOfDispatchesArgs,
): Promise<FirstCallsOfDispatchesRow[]> {
  return many<FirstCallsOfDispatchesRow>(db, firstCallsOfDispatchesQuery, args);
}

export const unitsOnSceneOfDispatchesQuery: Statement = {
  name: 'UnitsOnSceneOfDispatches',
  sql: `SELECT dispatch_id, ambulance_id, TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', on_scene_at) AS on_scene_s
FROM dispatch_unit
WHERE dispatch_id BETWEEN ? AND ? AND on_scene_at IS NOT NULL`,
  params: ['lo', 'hi'],
};

export interface UnitsOnSceneOfDispatchesArgs {
  lo: number;
  hi: number;
}

export interface UnitsOnSceneOfDispatchesRow {
  dispatch_id: number;
  ambulance_id: number;
  on_scene_s: number;
}

/**
 * The units that reached the scene of dispatches with ids in [lo, hi] (a range of the primary key; joining
 * ambulance here made the optimizer read every unit's whole history from the ambulance side).
 */
export function unitsOnSceneOfDispatches(
  db: Db,
  args: UnitsOnSceneOfDispatchesArgs,
): Promise<UnitsOnSceneOfDispatchesRow[]> {
  return many<UnitsOnSceneOfDispatchesRow>(db, unitsOnSceneOfDispatchesQuery, args);
}

export const ambulanceTypesQuery: Statement = {
  name: 'AmbulanceTypes',
  sql: `SELECT id, type FROM ambulance`,
  params: [],
};

export interface AmbulanceTypesRow {
  id: number;
  type: 'ALS' | 'BLS' | 'PT';
}

export function ambulanceTypes(db: Db): Promise<AmbulanceTypesRow[]> {
  return many<AmbulanceTypesRow>(db, ambulanceTypesQuery);
}

export const transportsOfDispatchesQuery: Statement = {
  name: 'TransportsOfDispatches',
  sql: `SELECT id, dispatch_id, ambulance_id,
  TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', pickup_at) AS pickup_s,
  TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', dropoff_at) AS dropoff_s
FROM transport
WHERE dispatch_id BETWEEN ? AND ?`,
  params: ['lo', 'hi'],
};

export interface TransportsOfDispatchesArgs {
  lo: number;
  hi: number;
}

export interface TransportsOfDispatchesRow {
  id: number;
  dispatch_id: number;
  ambulance_id: number;
  pickup_s: number;
  dropoff_s: number;
}

/**
 * The transports of dispatches with ids in [lo, hi].
 */
export function transportsOfDispatches(
  db: Db,
  args: TransportsOfDispatchesArgs,
): Promise<TransportsOfDispatchesRow[]> {
  return many<TransportsOfDispatchesRow>(db, transportsOfDispatchesQuery, args);
}

export const arrivalsOfTransportsQuery: Statement = {
  name: 'ArrivalsOfTransports',
  sql: `SELECT transport_id, TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', arrived_at) AS arrived_s
FROM er_visit WHERE transport_id BETWEEN ? AND ?`,
  params: ['lo', 'hi'],
};

export interface ArrivalsOfTransportsArgs {
  lo: number;
  hi: number;
}

export interface ArrivalsOfTransportsRow {
  transport_id: number;
  arrived_s: number;
}

/**
 * The ER arrivals that transports with ids in [lo, hi] led to, from the index alone.
 */
export function arrivalsOfTransports(
  db: Db,
  args: ArrivalsOfTransportsArgs,
): Promise<ArrivalsOfTransportsRow[]> {
  return many<ArrivalsOfTransportsRow>(db, arrivalsOfTransportsQuery, args);
}

export const dispositionCountsQuery: Statement = {
  name: 'DispositionCounts',
  sql: `SELECT decision, patient_status, COUNT(*) AS n FROM disposition_decision
WHERE decided_at >= ? AND decided_at < ? GROUP BY decision, patient_status`,
  params: ['from', 'to'],
};

export interface DispositionCountsArgs {
  from: Date;
  to: Date;
}

export interface DispositionCountsRow {
  decision:
    | 'Discharge'
    | 'Continue Observation'
    | 'Transfer to another department'
    | 'Transfer to a higher-level hospital'
    | 'Left against medical advice'
    | 'Eloped';
  patient_status: 'Recovered' | 'Improved' | 'Unchanged' | 'Worsened' | null;
  n: number;
}

export function dispositionCounts(db: Db, args: DispositionCountsArgs): Promise<DispositionCountsRow[]> {
  return many<DispositionCountsRow>(db, dispositionCountsQuery, args);
}

export const arrivalBucketsQuery: Statement = {
  name: 'ArrivalBuckets',
  sql: `SELECT TIMESTAMPDIFF(MINUTE, '1970-01-01 00:00:00', arrived_at) DIV 15 AS bucket, COUNT(*) AS n
FROM er_visit WHERE arrived_at >= ? AND arrived_at < ? GROUP BY bucket`,
  params: ['from', 'to'],
};

export interface ArrivalBucketsArgs {
  from: Date;
  to: Date;
}

export interface ArrivalBucketsRow {
  bucket: number;
  n: number;
}

/**
 * ER arrivals per 15-minute bucket (minutes since 1970 DIV 15, UTC); grouped into local days in TypeScript.
 */
export function arrivalBuckets(db: Db, args: ArrivalBucketsArgs): Promise<ArrivalBucketsRow[]> {
  return many<ArrivalBucketsRow>(db, arrivalBucketsQuery, args);
}

export const treatmentBucketsQuery: Statement = {
  name: 'TreatmentBuckets',
  sql: `SELECT TIMESTAMPDIFF(MINUTE, '1970-01-01 00:00:00', performed_at) DIV 15 AS bucket, COUNT(*) AS n
FROM er_treatment WHERE performed_at >= ? AND performed_at < ? GROUP BY bucket`,
  params: ['from', 'to'],
};

export interface TreatmentBucketsArgs {
  from: Date;
  to: Date;
}

export interface TreatmentBucketsRow {
  bucket: number;
  n: number;
}

export function treatmentBuckets(db: Db, args: TreatmentBucketsArgs): Promise<TreatmentBucketsRow[]> {
  return many<TreatmentBucketsRow>(db, treatmentBucketsQuery, args);
}

export const dispositionBucketsQuery: Statement = {
  name: 'DispositionBuckets',
  sql: `SELECT TIMESTAMPDIFF(MINUTE, '1970-01-01 00:00:00', decided_at) DIV 15 AS bucket, COUNT(*) AS n
FROM disposition_decision WHERE decided_at >= ? AND decided_at < ? GROUP BY bucket`,
  params: ['from', 'to'],
};

export interface DispositionBucketsArgs {
  from: Date;
  to: Date;
}

export interface DispositionBucketsRow {
  bucket: number;
  n: number;
}

export function dispositionBuckets(db: Db, args: DispositionBucketsArgs): Promise<DispositionBucketsRow[]> {
  return many<DispositionBucketsRow>(db, dispositionBucketsQuery, args);
}

export const censusByConditionQuery: Statement = {
  name: 'CensusByCondition',
  sql: `SELECT condition_on_arrival AS \`condition\`, triage_level, COUNT(*) AS patients, MIN(arrived_at) AS earliest
FROM er_visit WHERE arrived_at <= ? AND (departed_at IS NULL OR departed_at > ?)
GROUP BY condition_on_arrival, triage_level`,
  params: ['at', 'at'],
};

export interface CensusByConditionArgs {
  at: Date;
}

export interface CensusByConditionRow {
  condition: 'critical' | 'serious' | 'moderate' | 'minor' | 'stable' | null;
  triage_level: number | null;
  patients: number;
  earliest: Date;
}

/**
 * Who is in the ER at an instant, by condition and triage level.
 */
export function censusByCondition(db: Db, args: CensusByConditionArgs): Promise<CensusByConditionRow[]> {
  return many<CensusByConditionRow>(db, censusByConditionQuery, args);
}

export const censusLongestWaitsQuery: Statement = {
  name: 'CensusLongestWaits',
  sql: `SELECT v.arrived_at, v.condition_on_arrival, v.triage_level, v.reason
FROM er_visit v WHERE v.arrived_at <= ? AND (v.departed_at IS NULL OR v.departed_at > ?)
ORDER BY v.arrived_at, v.id LIMIT 5`,
  params: ['at', 'at'],
};

export interface CensusLongestWaitsArgs {
  at: Date;
}

export interface CensusLongestWaitsRow {
  arrived_at: Date;
  condition_on_arrival: 'critical' | 'serious' | 'moderate' | 'minor' | 'stable' | null;
  triage_level: number | null;
  reason: string;
}

/**
 * The longest-staying visits at an instant, without identifying the patient.
 */
export function censusLongestWaits(db: Db, args: CensusLongestWaitsArgs): Promise<CensusLongestWaitsRow[]> {
  return many<CensusLongestWaitsRow>(db, censusLongestWaitsQuery, args);
}

export const lengthOfStayQuery: Statement = {
  name: 'LengthOfStay',
  sql: `SELECT TIMESTAMPDIFF(YEAR, p.date_of_birth, v.arrived_at) AS age,
  TIMESTAMPDIFF(MINUTE, v.arrived_at, v.departed_at) AS minutes
FROM er_visit v JOIN patient p ON p.id = v.patient_id
WHERE v.departed_at IS NOT NULL AND v.arrived_at >= ? AND v.arrived_at < ?
ORDER BY v.id`,
  params: ['from', 'to'],
};

export interface LengthOfStayArgs {
  from: Date;
  to: Date;
}

export interface LengthOfStayRow {
  age: number;
  minutes: number;
}

/**
 * Completed visits that arrived in [from, to): age at arrival and minutes in the ER.
 */
export function lengthOfStay(db: Db, args: LengthOfStayArgs): Promise<LengthOfStayRow[]> {
  return many<LengthOfStayRow>(db, lengthOfStayQuery, args);
}

export const symptomMatchesQuery: Statement = {
  name: 'SymptomMatches',
  sql: `SELECT kind, patient_id, name, phone, at, matched, COUNT(*) OVER () AS total FROM (
  SELECT 'patient' AS kind, p.id AS patient_id, CONCAT(p.first_name, ' ', p.last_name) AS name, p.phone,
    a.assessed_at AS at, a.observations AS matched
  FROM paramedic_assessment a JOIN patient p ON p.id = a.patient_id
  WHERE a.observations LIKE ? AND a.assessed_at >= ? AND a.assessed_at < ?
  UNION ALL
  SELECT 'caller', NULL, c.caller_name, c.caller_phone, c.received_at, c.nature
  FROM emergency_call c
  WHERE c.nature LIKE ? AND c.received_at >= ? AND c.received_at < ?
) m
ORDER BY at DESC, kind
LIMIT ?`,
  params: ['pattern', 'from', 'to', 'pattern', 'from', 'to', 'limit'],
};

export interface SymptomMatchesArgs {
  pattern: string;
  from: Date;
  to: Date;
  limit: number;
}

export interface SymptomMatchesRow {
  kind: 'patient' | 'caller';
  patient_id: number | null;
  name: string;
  phone: string | null;
  at: Date;
  matched: string;
  total: number;
}

/**
 * Patients whose paramedic assessment mentions the term, and callers whose reported emergency matches it,
 * in [from, to). The pattern is a LIKE pattern.
 */
export function symptomMatches(db: Db, args: SymptomMatchesArgs): Promise<SymptomMatchesRow[]> {
  return many<SymptomMatchesRow>(db, symptomMatchesQuery, args);
}

export const assessmentsPerPatientQuery: Statement = {
  name: 'AssessmentsPerPatient',
  sql: `SELECT assessments, COUNT(*) AS patients FROM (
  SELECT patient_id, COUNT(*) AS assessments FROM paramedic_assessment
  WHERE assessed_at >= ? AND assessed_at < ? GROUP BY patient_id
) x GROUP BY assessments ORDER BY assessments`,
  params: ['from', 'to'],
};

export interface AssessmentsPerPatientArgs {
  from: Date;
  to: Date;
}

export interface AssessmentsPerPatientRow {
  assessments: number;
  patients: number;
}

/**
 * How many patients had 1, 2, 3, ... paramedic assessments in [from, to).
 */
export function assessmentsPerPatient(
  db: Db,
  args: AssessmentsPerPatientArgs,
): Promise<AssessmentsPerPatientRow[]> {
  return many<AssessmentsPerPatientRow>(db, assessmentsPerPatientQuery, args);
}

export const treatmentsByTypeQuery: Statement = {
  name: 'TreatmentsByType',
  sql: `SELECT type, COUNT(*) AS n FROM er_treatment WHERE performed_at >= ? AND performed_at < ?
GROUP BY type ORDER BY n DESC, type`,
  params: ['from', 'to'],
};

export interface TreatmentsByTypeArgs {
  from: Date;
  to: Date;
}

export interface TreatmentsByTypeRow {
  type:
    | 'Medication'
    | 'Surgery'
    | 'Physical Therapy'
    | 'Casting'
    | 'Stitching'
    | 'Oxygen Therapy'
    | 'Burn Treatment';
  n: number;
}

export function treatmentsByType(db: Db, args: TreatmentsByTypeArgs): Promise<TreatmentsByTypeRow[]> {
  return many<TreatmentsByTypeRow>(db, treatmentsByTypeQuery, args);
}

export const callCountQuery: Statement = {
  name: 'CallCount',
  sql: `SELECT COUNT(*) AS n FROM emergency_call WHERE received_at >= ? AND received_at < ?`,
  params: ['from', 'to'],
};

export interface CallCountArgs {
  from: Date;
  to: Date;
}

export interface CallCountRow {
  n: number;
}

export function callCount(db: Db, args: CallCountArgs): Promise<CallCountRow | undefined> {
  return one<CallCountRow>(db, callCountQuery, args);
}

export const dispatchesBySeverityQuery: Statement = {
  name: 'DispatchesBySeverity',
  sql: `SELECT severity, COUNT(*) AS n FROM ambulance_dispatch WHERE dispatched_at >= ? AND dispatched_at < ?
GROUP BY severity ORDER BY severity`,
  params: ['from', 'to'],
};

export interface DispatchesBySeverityArgs {
  from: Date;
  to: Date;
}

export interface DispatchesBySeverityRow {
  severity: 'high' | 'medium' | 'low';
  n: number;
}

export function dispatchesBySeverity(
  db: Db,
  args: DispatchesBySeverityArgs,
): Promise<DispatchesBySeverityRow[]> {
  return many<DispatchesBySeverityRow>(db, dispatchesBySeverityQuery, args);
}

export const patientNamesByIdsQuery: Statement = {
  name: 'PatientNamesByIds',
  sql: `SELECT id, mrn, first_name, last_name FROM patient WHERE id IN (?)`,
  params: ['ids'],
};

export interface PatientNamesByIdsArgs {
  ids: readonly number[];
}

export interface PatientNamesByIdsRow {
  id: number;
  mrn: string;
  first_name: string;
  last_name: string;
}

/**
 * Names for patient ids found in MongoDB. The driver expands the id list (a non-empty array).
 */
export function patientNamesByIds(db: Db, args: PatientNamesByIdsArgs): Promise<PatientNamesByIdsRow[]> {
  return many<PatientNamesByIdsRow>(db, patientNamesByIdsQuery, args);
}

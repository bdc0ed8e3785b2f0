// Generated from sql/queries/patient.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).
import { many, one, type Db, type Statement } from '../queries.ts';

export const searchPatientsQuery: Statement = {
  name: 'SearchPatients',
  sql: `SELECT p.id, p.mrn, p.first_name, p.last_name, p.date_of_birth, COUNT(*) OVER () AS total
FROM patient p
WHERE p.first_name LIKE ? OR p.last_name LIKE ?
  OR (p.first_name LIKE ? AND p.last_name LIKE ?)
  OR (? AND p.first_name LIKE ? AND p.last_name LIKE ?)
ORDER BY p.last_name, p.first_name, p.id
LIMIT ?`,
  params: ['pattern', 'pattern', 'first', 'last', 'eitherOrder', 'last', 'first', 'limit'],
};

export interface SearchPatientsArgs {
  pattern: string;
  first: string | null;
  last: string | null;
  eitherOrder: boolean;
  limit: number;
}

export interface SearchPatientsRow {
  id: number;
  mrn: string;
  first_name: string;
  last_name: string;
  date_of_birth: Date;
  total: number;
}

/**
 * Patients whose first or last name contains the text, or, for a full name, whose first name contains
 * :first and last name :last (or the other way round when :eitherOrder): identifiers only, with how many
 * matched. The collation ignores case; the patterns are LIKE patterns, :first and :last NULL for one word.
 */
export function searchPatients(db: Db, args: SearchPatientsArgs): Promise<SearchPatientsRow[]> {
  return many<SearchPatientsRow>(db, searchPatientsQuery, args);
}

export const patientNamePrefixQuery: Statement = {
  name: 'PatientNamePrefix',
  sql: `SELECT id, mrn, first_name, last_name, date_of_birth FROM (
  (SELECT id, mrn, first_name, last_name, date_of_birth FROM patient WHERE last_name LIKE ?
   ORDER BY last_name, first_name, id LIMIT 25)
  UNION
  (SELECT id, mrn, first_name, last_name, date_of_birth FROM patient WHERE first_name LIKE ?
   ORDER BY first_name, last_name, id LIMIT 25)
) m
ORDER BY last_name, first_name, id
LIMIT 25`,
  params: ['prefix', 'prefix'],
};

export interface PatientNamePrefixArgs {
  prefix: string;
}

export interface PatientNamePrefixRow {
  id: number;
  mrn: string;
  first_name: string;
  last_name: string;
  date_of_birth: Date;
}

/**
 * Autocomplete: an indexed prefix search on last name, then first name. The prefix is a LIKE pattern.
 */
export function patientNamePrefix(db: Db, args: PatientNamePrefixArgs): Promise<PatientNamePrefixRow[]> {
  return many<PatientNamePrefixRow>(db, patientNamePrefixQuery, args);
}

export const patientMrnPrefixQuery: Statement = {
  name: 'PatientMrnPrefix',
  sql: `SELECT id, mrn, first_name, last_name, date_of_birth FROM patient WHERE mrn LIKE ? ORDER BY mrn LIMIT 25`,
  params: ['prefix'],
};

export interface PatientMrnPrefixArgs {
  prefix: string;
}

export interface PatientMrnPrefixRow {
  id: number;
  mrn: string;
  first_name: string;
  last_name: string;
  date_of_birth: Date;
}

export function patientMrnPrefix(db: Db, args: PatientMrnPrefixArgs): Promise<PatientMrnPrefixRow[]> {
  return many<PatientMrnPrefixRow>(db, patientMrnPrefixQuery, args);
}

export const patientByIdQuery: Statement = {
  name: 'PatientById',
  sql: `SELECT id, mrn, first_name, last_name, date_of_birth, sex, phone FROM patient WHERE id = ?`,
  params: ['id'],
};

export interface PatientByIdArgs {
  id: number;
}

export interface PatientByIdRow {
  id: number;
  mrn: string;
  first_name: string;
  last_name: string;
  date_of_birth: Date;
  sex: 'female' | 'male' | 'other' | 'unknown';
  phone: string | null;
}

export function patientById(db: Db, args: PatientByIdArgs): Promise<PatientByIdRow | undefined> {
  return one<PatientByIdRow>(db, patientByIdQuery, args);
}

export const patientByMrnQuery: Statement = {
  name: 'PatientByMrn',
  sql: `SELECT id, mrn, first_name, last_name, date_of_birth, sex, phone FROM patient WHERE mrn = ?`,
  params: ['mrn'],
};

export interface PatientByMrnArgs {
  mrn: string;
}

export interface PatientByMrnRow {
  id: number;
  mrn: string;
  first_name: string;
  last_name: string;
  date_of_birth: Date;
  sex: 'female' | 'male' | 'other' | 'unknown';
  phone: string | null;
}

export function patientByMrn(db: Db, args: PatientByMrnArgs): Promise<PatientByMrnRow | undefined> {
  return one<PatientByMrnRow>(db, patientByMrnQuery, args);
}

export const patientsByFullNameQuery: Statement = {
  name: 'PatientsByFullName',
  sql: `SELECT id, mrn, first_name, last_name, date_of_birth, sex, phone FROM patient
WHERE first_name = ? AND last_name = ? ORDER BY id LIMIT ?`,
  params: ['first', 'last', 'limit'],
};

export interface PatientsByFullNameArgs {
  first: string;
  last: string;
  limit: number;
}

export interface PatientsByFullNameRow {
  id: number;
  mrn: string;
  first_name: string;
  last_name: string;
  date_of_birth: Date;
  sex: 'female' | 'male' | 'other' | 'unknown';
  phone: string | null;
}

/**
 * Exact "first last" or "last, first" matches, for resolving a typed name.
 */
export function patientsByFullName(db: Db, args: PatientsByFullNameArgs): Promise<PatientsByFullNameRow[]> {
  return many<PatientsByFullNameRow>(db, patientsByFullNameQuery, args);
}

export const patientContactsQuery: Statement = {
  name: 'PatientContacts',
  sql: `SELECT name, relationship, phone FROM patient_contact WHERE patient_id = ? ORDER BY id`,
  params: ['patient'],
};

export interface PatientContactsArgs {
  patient: number;
}

export interface PatientContactsRow {
  name: string;
  relationship: string;
  phone: string;
}

export function patientContacts(db: Db, args: PatientContactsArgs): Promise<PatientContactsRow[]> {
  return many<PatientContactsRow>(db, patientContactsQuery, args);
}

export const patientAllergiesQuery: Statement = {
  name: 'PatientAllergies',
  sql: `SELECT substance, severity, reaction, criticality FROM allergy WHERE patient_id = ?
ORDER BY severity DESC, substance`,
  params: ['patient'],
};

export interface PatientAllergiesArgs {
  patient: number;
}

export interface PatientAllergiesRow {
  substance: string;
  severity: 'mild' | 'moderate' | 'severe' | null;
  reaction: string;
  criticality: 'low' | 'high' | 'unable-to-assess' | null;
}

export function patientAllergies(db: Db, args: PatientAllergiesArgs): Promise<PatientAllergiesRow[]> {
  return many<PatientAllergiesRow>(db, patientAllergiesQuery, args);
}

export const patientLatestTreatmentQuery: Statement = {
  name: 'PatientLatestTreatment',
  sql: `SELECT t.id, t.type, t.performed_at, t.outcome FROM er_treatment t
WHERE t.patient_id = ? ORDER BY t.performed_at DESC, t.id DESC LIMIT 1`,
  params: ['patient'],
};

export interface PatientLatestTreatmentArgs {
  patient: number;
}

export interface PatientLatestTreatmentRow {
  id: number;
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
}

export function patientLatestTreatment(
  db: Db,
  args: PatientLatestTreatmentArgs,
): Promise<PatientLatestTreatmentRow | undefined> {
  return one<PatientLatestTreatmentRow>(db, patientLatestTreatmentQuery, args);
}

export const patientLastVisitQuery: Statement = {
  name: 'PatientLastVisit',
  sql: `SELECT v.id, v.arrived_at, v.arrival_mode, v.condition_on_arrival, v.triage_level, v.reason, v.departed_at,
  d.decision, d.patient_status
FROM er_visit v LEFT JOIN disposition_decision d ON d.visit_id = v.id
WHERE v.patient_id = ? ORDER BY v.arrived_at DESC, v.id DESC LIMIT 1`,
  params: ['patient'],
};

export interface PatientLastVisitArgs {
  patient: number;
}

export interface PatientLastVisitRow {
  id: number;
  arrived_at: Date;
  arrival_mode: 'ambulance' | 'walk_in' | 'transfer' | null;
  condition_on_arrival: 'critical' | 'serious' | 'moderate' | 'minor' | 'stable' | null;
  triage_level: number | null;
  reason: string;
  departed_at: Date | null;
  decision:
    | 'Discharge'
    | 'Continue Observation'
    | 'Transfer to another department'
    | 'Transfer to a higher-level hospital'
    | 'Left against medical advice'
    | 'Eloped'
    | null;
  patient_status: 'Recovered' | 'Improved' | 'Unchanged' | 'Worsened' | null;
}

export function patientLastVisit(
  db: Db,
  args: PatientLastVisitArgs,
): Promise<PatientLastVisitRow | undefined> {
  return one<PatientLastVisitRow>(db, patientLastVisitQuery, args);
}

export const patientActivePrescriptionsQuery: Statement = {
  name: 'PatientActivePrescriptions',
  sql: `SELECT r.id, m.name, m.form, m.strength, r.dose, r.frequency, r.starts_on, r.ends_on,
  COALESCE(CONCAT(s.first_name, ' ', s.last_name), 'not recorded') AS prescriber
FROM prescription r
JOIN medication m ON m.id = r.medication_id
LEFT JOIN staff s ON s.id = r.staff_id
WHERE r.patient_id = ? AND r.status = 'active' AND r.starts_on <= ?
  AND (r.ends_on IS NULL OR r.ends_on >= ?)
ORDER BY r.starts_on DESC, r.id DESC`,
  params: ['patient', 'date', 'date'],
};

export interface PatientActivePrescriptionsArgs {
  patient: number;
  date: string;
}

export interface PatientActivePrescriptionsRow {
  id: number;
  name: string;
  form: string;
  strength: string;
  dose: string;
  frequency: string;
  starts_on: Date;
  ends_on: Date | null;
  prescriber: string;
}

/**
 * Active on a local date (YYYY-MM-DD): status active and the date within starts_on..ends_on.
 */
export function patientActivePrescriptions(
  db: Db,
  args: PatientActivePrescriptionsArgs,
): Promise<PatientActivePrescriptionsRow[]> {
  return many<PatientActivePrescriptionsRow>(db, patientActivePrescriptionsQuery, args);
}

export const patientUpcomingAppointmentsQuery: Statement = {
  name: 'PatientUpcomingAppointments',
  sql: `SELECT a.id, a.starts_at, a.ends_at, a.status, a.reason, COALESCE(d.name, 'not recorded') AS department,
  COALESCE(CONCAT(s.first_name, ' ', s.last_name), 'not recorded') AS provider
FROM appointment a LEFT JOIN department d ON d.id = a.department_id LEFT JOIN staff s ON s.id = a.staff_id
WHERE a.patient_id = ? AND a.starts_at >= ?
ORDER BY a.starts_at, a.id LIMIT ?`,
  params: ['patient', 'from', 'limit'],
};

export interface PatientUpcomingAppointmentsArgs {
  patient: number;
  from: Date;
  limit: number;
}

export interface PatientUpcomingAppointmentsRow {
  id: number;
  starts_at: Date;
  ends_at: Date;
  status: 'scheduled' | 'checked_in' | 'completed' | 'cancelled' | 'no_show';
  reason: string;
  department: string;
  provider: string;
}

export function patientUpcomingAppointments(
  db: Db,
  args: PatientUpcomingAppointmentsArgs,
): Promise<PatientUpcomingAppointmentsRow[]> {
  return many<PatientUpcomingAppointmentsRow>(db, patientUpcomingAppointmentsQuery, args);
}

export const patientRecentAppointmentsQuery: Statement = {
  name: 'PatientRecentAppointments',
  sql: `SELECT a.id, a.starts_at, a.ends_at, a.status, a.reason, COALESCE(d.name, 'not recorded') AS department,
  COALESCE(CONCAT(s.first_name, ' ', s.last_name), 'not recorded') AS provider
FROM appointment a LEFT JOIN department d ON d.id = a.department_id LEFT JOIN staff s ON s.id = a.staff_id
WHERE a.patient_id = ? AND a.starts_at < ?
ORDER BY a.starts_at DESC, a.id DESC LIMIT ?`,
  params: ['patient', 'before', 'limit'],
};

export interface PatientRecentAppointmentsArgs {
  patient: number;
  before: Date;
  limit: number;
}

export interface PatientRecentAppointmentsRow {
  id: number;
  starts_at: Date;
  ends_at: Date;
  status: 'scheduled' | 'checked_in' | 'completed' | 'cancelled' | 'no_show';
  reason: string;
  department: string;
  provider: string;
}

export function patientRecentAppointments(
  db: Db,
  args: PatientRecentAppointmentsArgs,
): Promise<PatientRecentAppointmentsRow[]> {
  return many<PatientRecentAppointmentsRow>(db, patientRecentAppointmentsQuery, args);
}

export const patientHistoryQuery: Statement = {
  name: 'PatientHistory',
  sql: `SELECT at, event, detail FROM (
  SELECT c.received_at AS at, 1 AS seq, 'emergency call' AS event,
    CONCAT(c.nature, ', reported by ', c.caller_name, ' from ', c.location) AS detail
  FROM call_patient cp JOIN emergency_call c ON c.id = cp.call_id WHERE cp.patient_id = ?
  UNION ALL
  SELECT d.dispatched_at, 2, 'dispatch', CONCAT(d.severity, ' severity, ', d.nature, ' (dispatch ', d.id, ')')
  FROM ambulance_dispatch d
  WHERE d.id IN (SELECT c.dispatch_id FROM call_patient cp JOIN emergency_call c ON c.id = cp.call_id WHERE cp.patient_id = ?)
  UNION ALL
  SELECT a.assessed_at, 3, 'paramedic assessment',
    CONCAT(a.observations, '; ', a.initial_treatment, '; HR ', COALESCE(a.heart_rate, '-'), ', BP ',
      COALESCE(a.systolic_bp, '-'), ', SpO2 ', COALESCE(a.spo2, '-'), ', RR ', COALESCE(a.resp_rate, '-'))
  FROM paramedic_assessment a WHERE a.patient_id = ?
  UNION ALL
  SELECT t.pickup_at, 4, 'transport pick-up', CONCAT('unit ', am.unit_code, ' (', am.type, ')')
  FROM transport t JOIN ambulance am ON am.id = t.ambulance_id WHERE t.patient_id = ?
  UNION ALL
  SELECT t.dropoff_at, 5, 'transport drop-off', CONCAT('unit ', am.unit_code)
  FROM transport t JOIN ambulance am ON am.id = t.ambulance_id WHERE t.patient_id = ?
  UNION ALL
  SELECT v.arrived_at, 6, 'ER arrival',
    CONCAT_WS(', ', REPLACE(v.arrival_mode, '_', '-'), v.condition_on_arrival, CONCAT('ESI ', v.triage_level), v.reason)
  FROM er_visit v WHERE v.patient_id = ?
  UNION ALL
  SELECT t.performed_at, 7, 'ER treatment', CONCAT(t.type, ': ', t.outcome)
  FROM er_treatment t WHERE t.patient_id = ?
  UNION ALL
  SELECT d.decided_at, 8, 'disposition', CONCAT(d.decision, COALESCE(CONCAT(' (', d.patient_status, ')'), ''))
  FROM disposition_decision d WHERE d.patient_id = ?
) h
ORDER BY at, seq
LIMIT 500`,
  params: ['patient', 'patient', 'patient', 'patient', 'patient', 'patient', 'patient', 'patient'],
};

export interface PatientHistoryArgs {
  patient: number;
}

export interface PatientHistoryRow {
  at: Date;
  event: string;
  detail: string | null;
}

/**
 * One patient's path through the system, each event at its own time.
 */
export function patientHistory(db: Db, args: PatientHistoryArgs): Promise<PatientHistoryRow[]> {
  return many<PatientHistoryRow>(db, patientHistoryQuery, args);
}

export const frequentlyTreatedPatientsQuery: Statement = {
  name: 'FrequentlyTreatedPatients',
  sql: `SELECT p.id, p.mrn, p.first_name, p.last_name, f.treatments, f.average, f.treated, f.total
FROM (
  SELECT patient_id, treatments, average, treated, COUNT(*) OVER () AS total,
    RANK() OVER (ORDER BY treatments DESC) AS place
  FROM (
    SELECT patient_id, COUNT(*) AS treatments, AVG(COUNT(*)) OVER () AS average, COUNT(*) OVER () AS treated
    FROM er_treatment
    WHERE performed_at >= ? AND performed_at < ?
    GROUP BY patient_id
  ) pp
  WHERE pp.treatments > pp.average
) f
JOIN patient p ON p.id = f.patient_id
WHERE f.place <= ?
ORDER BY f.treatments DESC, p.last_name, p.first_name, p.id
LIMIT ?`,
  params: ['from', 'to', 'limit', 'limit'],
};

export interface FrequentlyTreatedPatientsArgs {
  from: Date;
  to: Date;
  limit: number;
}

export interface FrequentlyTreatedPatientsRow {
  id: number;
  mrn: string;
  first_name: string;
  last_name: string;
  treatments: number;
  average: number;
  treated: number;
  total: number;
}

/**
 * Patients with more ER treatments in [from, to) than the average treated patient: one pass counts each
 * patient's treatments (window functions over the counts give the average and how many were treated). Only
 * patients that can be among the first :limit are looked up: those whose count ranks within :limit (every
 * patient tied with the :limit-th is kept, so the order by name among ties is the same as over them all).
 */
export function frequentlyTreatedPatients(
  db: Db,
  args: FrequentlyTreatedPatientsArgs,
): Promise<FrequentlyTreatedPatientsRow[]> {
  return many<FrequentlyTreatedPatientsRow>(db, frequentlyTreatedPatientsQuery, args);
}

export const patientsNeverTreatedWithQuery: Statement = {
  name: 'PatientsNeverTreatedWith',
  sql: `SELECT p.id, p.mrn, p.first_name, p.last_name, w.visits, w.last_arrival, w.total
FROM (
  SELECT v.patient_id, COUNT(*) AS visits, MAX(v.arrived_at) AS last_arrival, COUNT(*) OVER () AS total
  FROM er_visit v
  WHERE v.arrived_at >= ? AND v.arrived_at < ?
    AND NOT EXISTS (SELECT 1 FROM er_treatment t WHERE t.patient_id = v.patient_id AND t.type = ?)
  GROUP BY v.patient_id
  ORDER BY last_arrival DESC, v.patient_id
  LIMIT ?
) w
JOIN patient p ON p.id = w.patient_id
ORDER BY w.last_arrival DESC, p.id`,
  params: ['from', 'to', 'type', 'limit'],
};

export interface PatientsNeverTreatedWithArgs {
  from: Date;
  to: Date;
  type: string;
  limit: number;
}

export interface PatientsNeverTreatedWithRow {
  id: number;
  mrn: string;
  first_name: string;
  last_name: string;
  visits: number;
  last_arrival: Date;
  total: number;
}

/**
 * Patients with an ER visit in [from, to) who have never had a treatment of the type: the window's visits
 * per patient first, and only the patients returned are looked up (the total counts them all).
 */
export function patientsNeverTreatedWith(
  db: Db,
  args: PatientsNeverTreatedWithArgs,
): Promise<PatientsNeverTreatedWithRow[]> {
  return many<PatientsNeverTreatedWithRow>(db, patientsNeverTreatedWithQuery, args);
}

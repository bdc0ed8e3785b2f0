// Generated from sql/queries/hl7.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).
import { exec, execLastId, execRows, one, type Db, type Statement } from '../queries.ts';

export const hl7MessageOutcomeQuery: Statement = {
  name: 'Hl7MessageOutcome',
  sql: `SELECT outcome FROM hl7_message WHERE sender = ? AND control_id = ? FOR UPDATE`,
  params: ['sender', 'controlId'],
};

export interface Hl7MessageOutcomeArgs {
  sender: string;
  controlId: string;
}

export interface Hl7MessageOutcomeRow {
  outcome: 'AA' | 'AE' | 'AR';
}

/**
 * How a message from this sender with this control id was answered before, if it was; locked, so a resend
 * arriving on another connection waits for this one.
 */
export function hl7MessageOutcome(
  db: Db,
  args: Hl7MessageOutcomeArgs,
): Promise<Hl7MessageOutcomeRow | undefined> {
  return one<Hl7MessageOutcomeRow>(db, hl7MessageOutcomeQuery, args);
}

export const saveHl7MessageQuery: Statement = {
  name: 'SaveHl7Message',
  sql: `INSERT INTO hl7_message
  (sender, control_id, message_type, event_at, received_at, outcome, error_field, error_reason, raw)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON DUPLICATE KEY UPDATE message_type = VALUES(message_type), event_at = VALUES(event_at),
  received_at = VALUES(received_at), outcome = VALUES(outcome), error_field = VALUES(error_field),
  error_reason = VALUES(error_reason), raw = VALUES(raw)`,
  params: [
    'sender',
    'controlId',
    'messageType',
    'eventAt',
    'receivedAt',
    'outcome',
    'errorField',
    'errorReason',
    'raw',
  ],
};

export interface SaveHl7MessageArgs {
  sender: string;
  controlId: string;
  messageType: string;
  eventAt: Date | null;
  receivedAt: Date;
  outcome: string;
  errorField: string | null;
  errorReason: string | null;
  raw: string;
}

/**
 * The raw message and how it was answered. A message answered AE or AR before and sent again is stored again.
 */
export function saveHl7Message(db: Db, args: SaveHl7MessageArgs): Promise<void> {
  return exec(db, saveHl7MessageQuery, args);
}

export const purgeHl7MessagesQuery: Statement = {
  name: 'PurgeHl7Messages',
  sql: `DELETE FROM hl7_message WHERE received_at < ? ORDER BY received_at LIMIT 5000`,
  params: ['before'],
};

export interface PurgeHl7MessagesArgs {
  before: Date;
}

/**
 * Raw messages past their retention, a bounded number at a time.
 */
export function purgeHl7Messages(db: Db, args: PurgeHl7MessagesArgs): Promise<number> {
  return execRows(db, purgeHl7MessagesQuery, args);
}

export const hl7PatientByMrnQuery: Statement = {
  name: 'Hl7PatientByMrn',
  sql: `SELECT p.id, p.first_name, p.last_name, p.date_of_birth, p.sex, p.phone, h.field_times
FROM patient p LEFT JOIN hl7_patient h ON h.patient_id = p.id
WHERE p.mrn = ? FOR UPDATE`,
  params: ['mrn'],
};

export interface Hl7PatientByMrnArgs {
  mrn: string;
}

export interface Hl7PatientByMrnRow {
  id: number;
  first_name: string;
  last_name: string;
  date_of_birth: Date;
  sex: 'female' | 'male' | 'other' | 'unknown';
  phone: string | null;
  field_times: string | null;
}

export function hl7PatientByMrn(db: Db, args: Hl7PatientByMrnArgs): Promise<Hl7PatientByMrnRow | undefined> {
  return one<Hl7PatientByMrnRow>(db, hl7PatientByMrnQuery, args);
}

export const hl7InsertPatientQuery: Statement = {
  name: 'Hl7InsertPatient',
  sql: `INSERT INTO patient (mrn, first_name, last_name, date_of_birth, sex, phone)
VALUES (?, ?, ?, ?, ?, ?)`,
  params: ['mrn', 'firstName', 'lastName', 'dateOfBirth', 'sex', 'phone'],
};

export interface Hl7InsertPatientArgs {
  mrn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: string;
  phone: string | null;
}

export function hl7InsertPatient(db: Db, args: Hl7InsertPatientArgs): Promise<number> {
  return execLastId(db, hl7InsertPatientQuery, args);
}

export const hl7UpdatePatientQuery: Statement = {
  name: 'Hl7UpdatePatient',
  sql: `UPDATE patient SET first_name = COALESCE(?, first_name), last_name = COALESCE(?, last_name),
  date_of_birth = COALESCE(?, date_of_birth), sex = COALESCE(?, sex),
  phone = COALESCE(?, phone)
WHERE id = ?`,
  params: ['firstName', 'lastName', 'dateOfBirth', 'sex', 'phone', 'id'],
};

export interface Hl7UpdatePatientArgs {
  firstName: string | null;
  lastName: string | null;
  dateOfBirth: string | null;
  sex: 'female' | 'male' | 'other' | 'unknown' | null;
  phone: string | null;
  id: number;
}

/**
 * NULL leaves a column as it is.
 */
export function hl7UpdatePatient(db: Db, args: Hl7UpdatePatientArgs): Promise<void> {
  return exec(db, hl7UpdatePatientQuery, args);
}

export const hl7ChangeMrnQuery: Statement = {
  name: 'Hl7ChangeMrn',
  sql: `UPDATE patient SET mrn = ? WHERE id = ?`,
  params: ['mrn', 'id'],
};

export interface Hl7ChangeMrnArgs {
  mrn: string;
  id: number;
}

export function hl7ChangeMrn(db: Db, args: Hl7ChangeMrnArgs): Promise<void> {
  return exec(db, hl7ChangeMrnQuery, args);
}

export const hl7SavePatientTimesQuery: Statement = {
  name: 'Hl7SavePatientTimes',
  sql: `INSERT INTO hl7_patient (patient_id, field_times) VALUES (?, ?)
ON DUPLICATE KEY UPDATE field_times = VALUES(field_times)`,
  params: ['patientId', 'fieldTimes'],
};

export interface Hl7SavePatientTimesArgs {
  patientId: number;
  fieldTimes: string;
}

export function hl7SavePatientTimes(db: Db, args: Hl7SavePatientTimesArgs): Promise<void> {
  return exec(db, hl7SavePatientTimesQuery, args);
}

export const hl7VisitByNumberQuery: Statement = {
  name: 'Hl7VisitByNumber',
  sql: `SELECT h.visit_id, h.field_times, h.cancelled_at, v.patient_id, v.arrived_at, v.departed_at, v.reason
FROM hl7_visit h LEFT JOIN er_visit v ON v.id = h.visit_id
WHERE h.authority = ? AND h.visit_number = ? FOR UPDATE`,
  params: ['authority', 'visitNumber'],
};

export interface Hl7VisitByNumberArgs {
  authority: string;
  visitNumber: string;
}

export interface Hl7VisitByNumberRow {
  visit_id: number | null;
  field_times: string;
  cancelled_at: Date | null;
  patient_id: number | null;
  arrived_at: Date | null;
  departed_at: Date | null;
  reason: string | null;
}

export function hl7VisitByNumber(
  db: Db,
  args: Hl7VisitByNumberArgs,
): Promise<Hl7VisitByNumberRow | undefined> {
  return one<Hl7VisitByNumberRow>(db, hl7VisitByNumberQuery, args);
}

export const hl7SaveVisitKeyQuery: Statement = {
  name: 'Hl7SaveVisitKey',
  sql: `INSERT INTO hl7_visit (authority, visit_number, visit_id, field_times, cancelled_at)
VALUES (?, ?, ?, ?, ?)
ON DUPLICATE KEY UPDATE visit_id = VALUES(visit_id), field_times = VALUES(field_times),
  cancelled_at = VALUES(cancelled_at)`,
  params: ['authority', 'visitNumber', 'visitId', 'fieldTimes', 'cancelledAt'],
};

export interface Hl7SaveVisitKeyArgs {
  authority: string;
  visitNumber: string;
  visitId: number | null;
  fieldTimes: string;
  cancelledAt: Date | null;
}

export function hl7SaveVisitKey(db: Db, args: Hl7SaveVisitKeyArgs): Promise<void> {
  return exec(db, hl7SaveVisitKeyQuery, args);
}

export const hl7InsertVisitQuery: Statement = {
  name: 'Hl7InsertVisit',
  sql: `INSERT INTO er_visit (patient_id, arrived_at, reason, departed_at)
VALUES (?, ?, ?, ?)`,
  params: ['patientId', 'arrivedAt', 'reason', 'departedAt'],
};

export interface Hl7InsertVisitArgs {
  patientId: number;
  arrivedAt: Date;
  reason: string;
  departedAt: Date | null;
}

/**
 * A visit from ADT carries no arrival mode, condition on arrival or triage level: NULL, "not recorded".
 */
export function hl7InsertVisit(db: Db, args: Hl7InsertVisitArgs): Promise<number> {
  return execLastId(db, hl7InsertVisitQuery, args);
}

export const hl7UpdateVisitQuery: Statement = {
  name: 'Hl7UpdateVisit',
  sql: `UPDATE er_visit SET patient_id = ?, arrived_at = ?, reason = ?,
  departed_at = ?
WHERE id = ?`,
  params: ['patientId', 'arrivedAt', 'reason', 'departedAt', 'id'],
};

export interface Hl7UpdateVisitArgs {
  patientId: number;
  arrivedAt: Date;
  reason: string;
  departedAt: Date | null;
  id: number;
}

export function hl7UpdateVisit(db: Db, args: Hl7UpdateVisitArgs): Promise<void> {
  return exec(db, hl7UpdateVisitQuery, args);
}

export const hl7SaveDecisionQuery: Statement = {
  name: 'Hl7SaveDecision',
  sql: `INSERT INTO disposition_decision (visit_id, patient_id, staff_id, decided_at, patient_status, decision)
VALUES (?, ?, NULL, ?, NULL, ?)
ON DUPLICATE KEY UPDATE decided_at = VALUES(decided_at), decision = VALUES(decision),
  patient_id = VALUES(patient_id)`,
  params: ['visitId', 'patientId', 'decidedAt', 'decision'],
};

export interface Hl7SaveDecisionArgs {
  visitId: number;
  patientId: number;
  decidedAt: Date;
  decision: string;
}

export function hl7SaveDecision(db: Db, args: Hl7SaveDecisionArgs): Promise<void> {
  return exec(db, hl7SaveDecisionQuery, args);
}

export const hl7DeleteDecisionQuery: Statement = {
  name: 'Hl7DeleteDecision',
  sql: `DELETE FROM disposition_decision WHERE visit_id = ?`,
  params: ['visitId'],
};

export interface Hl7DeleteDecisionArgs {
  visitId: number;
}

export function hl7DeleteDecision(db: Db, args: Hl7DeleteDecisionArgs): Promise<void> {
  return exec(db, hl7DeleteDecisionQuery, args);
}

export const hl7AddDiagnosisQuery: Statement = {
  name: 'Hl7AddDiagnosis',
  sql: `INSERT INTO diagnosis (visit_id, code, description)
SELECT ?, ?, ? FROM DUAL
WHERE NOT EXISTS (SELECT 1 FROM diagnosis WHERE visit_id = ? AND code = ?)`,
  params: ['visitId', 'code', 'description', 'visitId', 'code'],
};

export interface Hl7AddDiagnosisArgs {
  visitId: number;
  code: string;
  description: string;
}

/**
 * A code the visit has already is not added twice.
 */
export function hl7AddDiagnosis(db: Db, args: Hl7AddDiagnosisArgs): Promise<void> {
  return exec(db, hl7AddDiagnosisQuery, args);
}

export const hl7DeleteDiagnosesQuery: Statement = {
  name: 'Hl7DeleteDiagnoses',
  sql: `DELETE FROM diagnosis WHERE visit_id = ?`,
  params: ['visitId'],
};

export interface Hl7DeleteDiagnosesArgs {
  visitId: number;
}

export function hl7DeleteDiagnoses(db: Db, args: Hl7DeleteDiagnosesArgs): Promise<void> {
  return exec(db, hl7DeleteDiagnosesQuery, args);
}

export const hl7DeleteVisitQuery: Statement = {
  name: 'Hl7DeleteVisit',
  sql: `DELETE FROM er_visit WHERE id = ?`,
  params: ['id'],
};

export interface Hl7DeleteVisitArgs {
  id: number;
}

export function hl7DeleteVisit(db: Db, args: Hl7DeleteVisitArgs): Promise<void> {
  return exec(db, hl7DeleteVisitQuery, args);
}

export const hl7UpdateAllergyQuery: Statement = {
  name: 'Hl7UpdateAllergy',
  sql: `UPDATE allergy SET severity = ?, reaction = ?
WHERE patient_id = ? AND substance = ?`,
  params: ['severity', 'reaction', 'patientId', 'substance'],
};

export interface Hl7UpdateAllergyArgs {
  severity: string | null;
  reaction: string;
  patientId: number;
  substance: string;
}

export function hl7UpdateAllergy(db: Db, args: Hl7UpdateAllergyArgs): Promise<number> {
  return execRows(db, hl7UpdateAllergyQuery, args);
}

export const hl7InsertAllergyQuery: Statement = {
  name: 'Hl7InsertAllergy',
  sql: `INSERT INTO allergy (patient_id, substance, severity, reaction)
VALUES (?, ?, ?, ?)`,
  params: ['patientId', 'substance', 'severity', 'reaction'],
};

export interface Hl7InsertAllergyArgs {
  patientId: number;
  substance: string;
  severity: string | null;
  reaction: string;
}

export function hl7InsertAllergy(db: Db, args: Hl7InsertAllergyArgs): Promise<void> {
  return exec(db, hl7InsertAllergyQuery, args);
}

export const hl7MoveContactsQuery: Statement = {
  name: 'Hl7MoveContacts',
  sql: `UPDATE patient_contact SET patient_id = ? WHERE patient_id = ?`,
  params: ['survivor', 'prior'],
};

export interface Hl7MoveContactsArgs {
  survivor: number;
  prior: number;
}

export function hl7MoveContacts(db: Db, args: Hl7MoveContactsArgs): Promise<void> {
  return exec(db, hl7MoveContactsQuery, args);
}

export const hl7MoveAllergiesQuery: Statement = {
  name: 'Hl7MoveAllergies',
  sql: `UPDATE allergy SET patient_id = ? WHERE patient_id = ?`,
  params: ['survivor', 'prior'],
};

export interface Hl7MoveAllergiesArgs {
  survivor: number;
  prior: number;
}

export function hl7MoveAllergies(db: Db, args: Hl7MoveAllergiesArgs): Promise<void> {
  return exec(db, hl7MoveAllergiesQuery, args);
}

export const hl7MoveTransportsQuery: Statement = {
  name: 'Hl7MoveTransports',
  sql: `UPDATE transport SET patient_id = ? WHERE patient_id = ?`,
  params: ['survivor', 'prior'],
};

export interface Hl7MoveTransportsArgs {
  survivor: number;
  prior: number;
}

export function hl7MoveTransports(db: Db, args: Hl7MoveTransportsArgs): Promise<void> {
  return exec(db, hl7MoveTransportsQuery, args);
}

export const hl7MoveAssessmentsQuery: Statement = {
  name: 'Hl7MoveAssessments',
  sql: `UPDATE paramedic_assessment SET patient_id = ? WHERE patient_id = ?`,
  params: ['survivor', 'prior'],
};

export interface Hl7MoveAssessmentsArgs {
  survivor: number;
  prior: number;
}

export function hl7MoveAssessments(db: Db, args: Hl7MoveAssessmentsArgs): Promise<void> {
  return exec(db, hl7MoveAssessmentsQuery, args);
}

export const hl7MoveVisitsQuery: Statement = {
  name: 'Hl7MoveVisits',
  sql: `UPDATE er_visit SET patient_id = ? WHERE patient_id = ?`,
  params: ['survivor', 'prior'],
};

export interface Hl7MoveVisitsArgs {
  survivor: number;
  prior: number;
}

export function hl7MoveVisits(db: Db, args: Hl7MoveVisitsArgs): Promise<void> {
  return exec(db, hl7MoveVisitsQuery, args);
}

export const hl7MoveTreatmentsQuery: Statement = {
  name: 'Hl7MoveTreatments',
  sql: `UPDATE er_treatment SET patient_id = ? WHERE patient_id = ?`,
  params: ['survivor', 'prior'],
};

export interface Hl7MoveTreatmentsArgs {
  survivor: number;
  prior: number;
}

export function hl7MoveTreatments(db: Db, args: Hl7MoveTreatmentsArgs): Promise<void> {
  return exec(db, hl7MoveTreatmentsQuery, args);
}

export const hl7MoveDecisionsQuery: Statement = {
  name: 'Hl7MoveDecisions',
  sql: `UPDATE disposition_decision SET patient_id = ? WHERE patient_id = ?`,
  params: ['survivor', 'prior'],
};

export interface Hl7MoveDecisionsArgs {
  survivor: number;
  prior: number;
}

export function hl7MoveDecisions(db: Db, args: Hl7MoveDecisionsArgs): Promise<void> {
  return exec(db, hl7MoveDecisionsQuery, args);
}

export const hl7MoveAppointmentsQuery: Statement = {
  name: 'Hl7MoveAppointments',
  sql: `UPDATE appointment SET patient_id = ? WHERE patient_id = ?`,
  params: ['survivor', 'prior'],
};

export interface Hl7MoveAppointmentsArgs {
  survivor: number;
  prior: number;
}

export function hl7MoveAppointments(db: Db, args: Hl7MoveAppointmentsArgs): Promise<void> {
  return exec(db, hl7MoveAppointmentsQuery, args);
}

export const hl7MovePrescriptionsQuery: Statement = {
  name: 'Hl7MovePrescriptions',
  sql: `UPDATE prescription SET patient_id = ? WHERE patient_id = ?`,
  params: ['survivor', 'prior'],
};

export interface Hl7MovePrescriptionsArgs {
  survivor: number;
  prior: number;
}

export function hl7MovePrescriptions(db: Db, args: Hl7MovePrescriptionsArgs): Promise<void> {
  return exec(db, hl7MovePrescriptionsQuery, args);
}

export const hl7MoveCallsQuery: Statement = {
  name: 'Hl7MoveCalls',
  sql: `UPDATE IGNORE call_patient SET patient_id = ? WHERE patient_id = ?`,
  params: ['survivor', 'prior'],
};

export interface Hl7MoveCallsArgs {
  survivor: number;
  prior: number;
}

export function hl7MoveCalls(db: Db, args: Hl7MoveCallsArgs): Promise<void> {
  return exec(db, hl7MoveCallsQuery, args);
}

export const hl7DropCallsQuery: Statement = {
  name: 'Hl7DropCalls',
  sql: `DELETE FROM call_patient WHERE patient_id = ?`,
  params: ['prior'],
};

export interface Hl7DropCallsArgs {
  prior: number;
}

export function hl7DropCalls(db: Db, args: Hl7DropCallsArgs): Promise<void> {
  return exec(db, hl7DropCallsQuery, args);
}

export const hl7DeletePatientQuery: Statement = {
  name: 'Hl7DeletePatient',
  sql: `DELETE FROM patient WHERE id = ?`,
  params: ['id'],
};

export interface Hl7DeletePatientArgs {
  id: number;
}

export function hl7DeletePatient(db: Db, args: Hl7DeletePatientArgs): Promise<void> {
  return exec(db, hl7DeletePatientQuery, args);
}

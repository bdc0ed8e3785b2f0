// Generated from sql/queries/hl7-batch.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).
import { exec, many, type Db, type Statement } from '../queries.ts';

export const hl7BatchOutcomesQuery: Statement = {
  name: 'Hl7BatchOutcomes',
  sql: `SELECT sender, control_id, outcome FROM hl7_message
WHERE sender IN (?) AND control_id IN (?) FOR UPDATE`,
  params: ['senders', 'controlIds'],
};

export interface Hl7BatchOutcomesArgs {
  senders: readonly string[];
  controlIds: readonly string[];
}

export interface Hl7BatchOutcomesRow {
  sender: string;
  control_id: string;
  outcome: 'AA' | 'AE' | 'AR';
}

/**
 * Every earlier answer to the group's messages (a superset when a group mixes senders: the caller keeps
 * the pairs it asked for).
 */
export function hl7BatchOutcomes(db: Db, args: Hl7BatchOutcomesArgs): Promise<Hl7BatchOutcomesRow[]> {
  return many<Hl7BatchOutcomesRow>(db, hl7BatchOutcomesQuery, args);
}

export const hl7BatchPatientsQuery: Statement = {
  name: 'Hl7BatchPatients',
  sql: `SELECT p.id, p.mrn, p.first_name, p.last_name, p.date_of_birth, p.sex, p.phone, h.field_times
FROM patient p LEFT JOIN hl7_patient h ON h.patient_id = p.id
WHERE p.mrn IN (?) FOR UPDATE`,
  params: ['mrns'],
};

export interface Hl7BatchPatientsArgs {
  mrns: readonly string[];
}

export interface Hl7BatchPatientsRow {
  id: number;
  mrn: string;
  first_name: string;
  last_name: string;
  date_of_birth: Date;
  sex: 'female' | 'male' | 'other' | 'unknown';
  phone: string | null;
  field_times: string | null;
}

export function hl7BatchPatients(db: Db, args: Hl7BatchPatientsArgs): Promise<Hl7BatchPatientsRow[]> {
  return many<Hl7BatchPatientsRow>(db, hl7BatchPatientsQuery, args);
}

export const hl7BatchVisitsQuery: Statement = {
  name: 'Hl7BatchVisits',
  sql: `SELECT h.authority, h.visit_number, h.visit_id, h.field_times, h.cancelled_at, v.patient_id, v.arrived_at,
  v.departed_at, v.reason
FROM hl7_visit h LEFT JOIN er_visit v ON v.id = h.visit_id
WHERE h.authority IN (?) AND h.visit_number IN (?) FOR UPDATE`,
  params: ['authorities', 'visitNumbers'],
};

export interface Hl7BatchVisitsArgs {
  authorities: readonly string[];
  visitNumbers: readonly string[];
}

export interface Hl7BatchVisitsRow {
  authority: string;
  visit_number: string;
  visit_id: number | null;
  field_times: string;
  cancelled_at: Date | null;
  patient_id: number | null;
  arrived_at: Date | null;
  departed_at: Date | null;
  reason: string | null;
}

/**
 * A superset when a group mixes assigning authorities: the caller keeps the pairs it asked for.
 */
export function hl7BatchVisits(db: Db, args: Hl7BatchVisitsArgs): Promise<Hl7BatchVisitsRow[]> {
  return many<Hl7BatchVisitsRow>(db, hl7BatchVisitsQuery, args);
}

export const hl7BatchInsertPatientsQuery: Statement = {
  name: 'Hl7BatchInsertPatients',
  sql: `INSERT INTO patient (mrn, first_name, last_name, date_of_birth, sex, phone)
VALUES (?, ?, ?, ?, ?, ?)
RETURNING id`,
  params: ['mrn', 'firstName', 'lastName', 'dateOfBirth', 'sex', 'phone'],
};

export interface Hl7BatchInsertPatientsArgs {
  mrn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  phone: string | null;
}

/**
 * The ids made, in the order of the rows.
 */
export function hl7BatchInsertPatients(db: Db, args: Hl7BatchInsertPatientsArgs): Promise<void> {
  return exec(db, hl7BatchInsertPatientsQuery, args);
}

export const hl7BatchSavePatientsQuery: Statement = {
  name: 'Hl7BatchSavePatients',
  sql: `INSERT INTO patient (id, mrn, first_name, last_name, date_of_birth, sex, phone)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON DUPLICATE KEY UPDATE first_name = VALUES(first_name), last_name = VALUES(last_name),
  date_of_birth = VALUES(date_of_birth), sex = VALUES(sex), phone = VALUES(phone)`,
  params: ['id', 'mrn', 'firstName', 'lastName', 'dateOfBirth', 'sex', 'phone'],
};

export interface Hl7BatchSavePatientsArgs {
  id: number;
  mrn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: string;
  phone: string | null;
}

/**
 * Whole rows of patients that exist (by id): every column as the group left it.
 */
export function hl7BatchSavePatients(db: Db, args: Hl7BatchSavePatientsArgs): Promise<void> {
  return exec(db, hl7BatchSavePatientsQuery, args);
}

export const hl7BatchSavePatientTimesQuery: Statement = {
  name: 'Hl7BatchSavePatientTimes',
  sql: `INSERT INTO hl7_patient (patient_id, field_times) VALUES (?, ?)
ON DUPLICATE KEY UPDATE field_times = VALUES(field_times)`,
  params: ['patientId', 'fieldTimes'],
};

export interface Hl7BatchSavePatientTimesArgs {
  patientId: number;
  fieldTimes: string;
}

export function hl7BatchSavePatientTimes(db: Db, args: Hl7BatchSavePatientTimesArgs): Promise<void> {
  return exec(db, hl7BatchSavePatientTimesQuery, args);
}

export const hl7BatchInsertVisitsQuery: Statement = {
  name: 'Hl7BatchInsertVisits',
  sql: `INSERT INTO er_visit (patient_id, arrived_at, reason, departed_at)
VALUES (?, ?, ?, ?)
RETURNING id`,
  params: ['patientId', 'arrivedAt', 'reason', 'departedAt'],
};

export interface Hl7BatchInsertVisitsArgs {
  patientId: number;
  arrivedAt: Date;
  reason: string;
  departedAt: Date | null;
}

/**
 * The ids made, in the order of the rows. No arrival mode, condition on arrival or triage level: NULL.
 */
export function hl7BatchInsertVisits(db: Db, args: Hl7BatchInsertVisitsArgs): Promise<void> {
  return exec(db, hl7BatchInsertVisitsQuery, args);
}

export const hl7BatchSaveVisitsQuery: Statement = {
  name: 'Hl7BatchSaveVisits',
  sql: `INSERT INTO er_visit (id, patient_id, arrived_at, reason, departed_at)
VALUES (?, ?, ?, ?, ?)
ON DUPLICATE KEY UPDATE patient_id = VALUES(patient_id), arrived_at = VALUES(arrived_at),
  reason = VALUES(reason), departed_at = VALUES(departed_at)`,
  params: ['id', 'patientId', 'arrivedAt', 'reason', 'departedAt'],
};

export interface Hl7BatchSaveVisitsArgs {
  id: number;
  patientId: number;
  arrivedAt: Date;
  reason: string;
  departedAt: Date | null;
}

export function hl7BatchSaveVisits(db: Db, args: Hl7BatchSaveVisitsArgs): Promise<void> {
  return exec(db, hl7BatchSaveVisitsQuery, args);
}

export const hl7BatchSaveVisitKeysQuery: Statement = {
  name: 'Hl7BatchSaveVisitKeys',
  sql: `INSERT INTO hl7_visit (authority, visit_number, visit_id, field_times, cancelled_at)
VALUES (?, ?, ?, ?, ?)
ON DUPLICATE KEY UPDATE visit_id = VALUES(visit_id), field_times = VALUES(field_times),
  cancelled_at = VALUES(cancelled_at)`,
  params: ['authority', 'visitNumber', 'visitId', 'fieldTimes', 'cancelledAt'],
};

export interface Hl7BatchSaveVisitKeysArgs {
  authority: string;
  visitNumber: string;
  visitId: number | null;
  fieldTimes: string;
  cancelledAt: Date | null;
}

export function hl7BatchSaveVisitKeys(db: Db, args: Hl7BatchSaveVisitKeysArgs): Promise<void> {
  return exec(db, hl7BatchSaveVisitKeysQuery, args);
}

export const hl7BatchSaveDecisionsQuery: Statement = {
  name: 'Hl7BatchSaveDecisions',
  sql: `INSERT INTO disposition_decision (visit_id, patient_id, staff_id, decided_at, patient_status, decision)
VALUES (?, ?, NULL, ?, NULL, ?)
ON DUPLICATE KEY UPDATE decided_at = VALUES(decided_at), decision = VALUES(decision),
  patient_id = VALUES(patient_id)`,
  params: ['visitId', 'patientId', 'decidedAt', 'decision'],
};

export interface Hl7BatchSaveDecisionsArgs {
  visitId: number;
  patientId: number;
  decidedAt: Date;
  decision: string;
}

export function hl7BatchSaveDecisions(db: Db, args: Hl7BatchSaveDecisionsArgs): Promise<void> {
  return exec(db, hl7BatchSaveDecisionsQuery, args);
}

export const hl7BatchDeleteDecisionsQuery: Statement = {
  name: 'Hl7BatchDeleteDecisions',
  sql: `DELETE FROM disposition_decision WHERE visit_id IN (?)`,
  params: ['visitIds'],
};

export interface Hl7BatchDeleteDecisionsArgs {
  visitIds: readonly number[];
}

export function hl7BatchDeleteDecisions(db: Db, args: Hl7BatchDeleteDecisionsArgs): Promise<void> {
  return exec(db, hl7BatchDeleteDecisionsQuery, args);
}

export const hl7BatchSaveMessagesQuery: Statement = {
  name: 'Hl7BatchSaveMessages',
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

export interface Hl7BatchSaveMessagesArgs {
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
 * Two rows with the same sender and control id: the later one stays, as if written one after the other.
 */
export function hl7BatchSaveMessages(db: Db, args: Hl7BatchSaveMessagesArgs): Promise<void> {
  return exec(db, hl7BatchSaveMessagesQuery, args);
}

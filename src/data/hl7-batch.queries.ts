import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import type { Connection } from './mysql.ts';
import type { SqlValue } from './sql-source.ts';
import type { FieldTimes, MessageRow } from './hl7.queries.ts';

/**
 * The ADT listener's statements for a whole group commit: one lookup per kind of key and one multi-row write
 * per table, so a group of a hundred messages costs a dozen round trips instead of a thousand. The number of
 * rows varies, so the statements are built here (placeholders only: every value goes as a parameter; the
 * table and column names are fixed text). Each lookup locks the rows it finds (FOR UPDATE), like the
 * single-row lookups of hl7.queries.ts.
 */

type Row = SqlValue[];

const tuples = (rows: readonly Row[]) => rows.map((r) => `(${r.map(() => '?').join(', ')})`).join(', ');
const times = (v: unknown): FieldTimes =>
  v == null ? {} : ((typeof v === 'string' ? JSON.parse(v) : v) as FieldTimes);

async function select<T>(c: Connection, sql: string, values: SqlValue[]): Promise<T[]> {
  const [rows] = await c.query<RowDataPacket[]>(sql, values);
  return rows as T[];
}

/** Every earlier answer to these (sender, control id) pairs: key `sender\ncontrolId`. */
export async function previousOutcomes(
  c: Connection,
  keys: readonly { sender: string; controlId: string }[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (keys.length === 0) return found;
  const rows = await select<{ sender: string; control_id: string; outcome: string }>(
    c,
    `SELECT sender, control_id, outcome FROM hl7_message WHERE ${keys.map(() => '(sender = ? AND control_id = ?)').join(' OR ')} FOR UPDATE`,
    keys.flatMap((k) => [k.sender, k.controlId]),
  );
  for (const r of rows) found.set(`${r.sender}\n${r.control_id}`, r.outcome);
  return found;
}

export interface PatientRow {
  id: number;
  mrn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: Date | string;
  sex: string;
  phone: string | null;
  fieldTimes: FieldTimes;
}

export async function patientsByMrn(c: Connection, mrns: readonly string[]): Promise<PatientRow[]> {
  if (mrns.length === 0) return [];
  const rows = await select<Record<string, unknown>>(
    c,
    `SELECT p.id, p.mrn, p.first_name, p.last_name, p.date_of_birth, p.sex, p.phone, h.field_times
     FROM patient p LEFT JOIN hl7_patient h ON h.patient_id = p.id WHERE p.mrn IN (?) FOR UPDATE`,
    [mrns as unknown as SqlValue],
  );
  return rows.map((r) => ({
    id: r.id as number,
    mrn: r.mrn as string,
    firstName: r.first_name as string,
    lastName: r.last_name as string,
    dateOfBirth: r.date_of_birth as Date,
    sex: r.sex as string,
    phone: r.phone as string | null,
    fieldTimes: times(r.field_times),
  }));
}

export interface VisitRow {
  authority: string;
  visitNumber: string;
  visitId: number | null;
  fieldTimes: FieldTimes;
  cancelledAt: Date | null;
  patientId: number | null;
  arrivedAt: Date | null;
  departedAt: Date | null;
  reason: string | null;
}

export async function visitsByNumber(
  c: Connection,
  keys: readonly { authority: string; number: string }[],
): Promise<VisitRow[]> {
  if (keys.length === 0) return [];
  const rows = await select<Record<string, unknown>>(
    c,
    `SELECT h.authority, h.visit_number, h.visit_id, h.field_times, h.cancelled_at, v.patient_id,
       v.arrived_at, v.departed_at, v.reason
     FROM hl7_visit h LEFT JOIN er_visit v ON v.id = h.visit_id
     WHERE ${keys.map(() => '(h.authority = ? AND h.visit_number = ?)').join(' OR ')} FOR UPDATE`,
    keys.flatMap((k) => [k.authority, k.number]),
  );
  return rows.map((r) => ({
    authority: r.authority as string,
    visitNumber: r.visit_number as string,
    visitId: r.visit_id as number | null,
    fieldTimes: times(r.field_times),
    cancelledAt: r.cancelled_at as Date | null,
    patientId: r.patient_id as number | null,
    arrivedAt: r.arrived_at as Date | null,
    departedAt: r.departed_at as Date | null,
    reason: r.reason as string | null,
  }));
}

/** Inserts rows and returns the ids made, in the order of the rows (INSERT ... RETURNING keeps it). */
export async function insertReturningIds(c: Connection, table: 'patient' | 'er_visit', rows: Row[]) {
  if (rows.length === 0) return [];
  const cols =
    table === 'patient'
      ? 'mrn, first_name, last_name, date_of_birth, sex, phone'
      : 'patient_id, arrived_at, reason, departed_at';
  const [result] = await c.query<RowDataPacket[]>(
    `INSERT INTO ${table} (${cols}) VALUES ${tuples(rows)} RETURNING id`,
    rows.flat(),
  );
  return result.map((r) => r.id as number);
}

/** The statements that write whole rows by key, each taking any number of rows. */
const UPSERTS = {
  patient: `INSERT INTO patient (id, mrn, first_name, last_name, date_of_birth, sex, phone) VALUES %
    ON DUPLICATE KEY UPDATE first_name = VALUES(first_name), last_name = VALUES(last_name),
    date_of_birth = VALUES(date_of_birth), sex = VALUES(sex), phone = VALUES(phone)`,
  patientTimes: `INSERT INTO hl7_patient (patient_id, field_times) VALUES %
    ON DUPLICATE KEY UPDATE field_times = VALUES(field_times)`,
  visit: `INSERT INTO er_visit (id, patient_id, arrived_at, reason, departed_at) VALUES %
    ON DUPLICATE KEY UPDATE patient_id = VALUES(patient_id), arrived_at = VALUES(arrived_at),
    reason = VALUES(reason), departed_at = VALUES(departed_at)`,
  visitKey: `INSERT INTO hl7_visit (authority, visit_number, visit_id, field_times, cancelled_at) VALUES %
    ON DUPLICATE KEY UPDATE visit_id = VALUES(visit_id), field_times = VALUES(field_times),
    cancelled_at = VALUES(cancelled_at)`,
  decision: `INSERT INTO disposition_decision (visit_id, patient_id, staff_id, decided_at, patient_status,
    decision) VALUES % ON DUPLICATE KEY UPDATE decided_at = VALUES(decided_at), decision = VALUES(decision),
    patient_id = VALUES(patient_id)`,
  message: `INSERT INTO hl7_message (sender, control_id, message_type, event_at, received_at, outcome,
    error_field, error_reason, raw) VALUES % ON DUPLICATE KEY UPDATE message_type = VALUES(message_type),
    event_at = VALUES(event_at), received_at = VALUES(received_at), outcome = VALUES(outcome),
    error_field = VALUES(error_field), error_reason = VALUES(error_reason), raw = VALUES(raw)`,
} as const;

/** Writes rows by key; a key met twice in `rows` ends with its last row, as if written one by one. */
export async function upsert(c: Connection, kind: keyof typeof UPSERTS, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  await c.query<ResultSetHeader>(UPSERTS[kind].replace('%', tuples(rows)), rows.flat());
}

export const decisionRow = (visitId: number, patientId: number, decidedAt: Date, decision: string): Row => [
  visitId,
  patientId,
  null,
  decidedAt,
  null,
  decision,
];

export async function deleteDecisions(c: Connection, visitIds: readonly number[]): Promise<void> {
  if (visitIds.length === 0) return;
  await c.query('DELETE FROM disposition_decision WHERE visit_id IN (?)', [visitIds]);
}

export const messageRow = (m: MessageRow): Row => [
  m.sender,
  m.controlId,
  m.messageType,
  m.eventAt,
  m.receivedAt,
  m.outcome,
  m.errorField,
  m.errorReason,
  m.raw,
];

export const fieldTimes = (t: FieldTimes) => JSON.stringify(t);

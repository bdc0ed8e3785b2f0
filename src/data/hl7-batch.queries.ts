import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import type { Connection } from './mysql.ts';
import { exec, many, query, type SqlValue } from './queries.ts';
import type { FieldTimes, MessageRow } from './hl7.queries.ts';

/**
 * The ADT listener's statements for a whole group commit (sql/queries/hl7-batch.sql): one lookup per kind
 * of key and one multi-row write per table, so a group of a hundred messages costs a dozen round trips
 * instead of a thousand. A write's VALUES in the .sql file holds one row of named parameters; `rowsOf`
 * repeats it once per row, every value going as a parameter. Each lookup locks the rows it finds.
 */

type Row = SqlValue[];
/** The group's writes, each a query whose VALUES holds one row. */
const WRITES = {
  newPatients: 'Hl7BatchInsertPatients',
  patients: 'Hl7BatchSavePatients',
  patientTimes: 'Hl7BatchSavePatientTimes',
  newVisits: 'Hl7BatchInsertVisits',
  visits: 'Hl7BatchSaveVisits',
  visitKeys: 'Hl7BatchSaveVisitKeys',
  decisions: 'Hl7BatchSaveDecisions',
  messages: 'Hl7BatchSaveMessages',
} as const;
type WriteName = (typeof WRITES)[keyof typeof WRITES];

/** The query's SQL with its VALUES row repeated for `rows` (each row's values in the order of the row). */
function rowsOf(name: WriteName, rows: readonly Row[]): { sql: string; values: SqlValue[] } {
  const { sql } = query(name);
  const m = /VALUES\s*\(([^)]*)\)/.exec(sql);
  if (!m) throw new Error(`${name} has no VALUES row`);
  const tuple = `(${(m[1] ?? '')
    .split(',')
    .map((e) => (e.trim().startsWith(':') ? '?' : e.trim()))
    .join(', ')})`;
  const repeated = `VALUES ${rows.map(() => tuple).join(', ')}`;
  return { sql: sql.slice(0, m.index) + repeated + sql.slice(m.index + m[0].length), values: rows.flat() };
}

const times = (v: unknown): FieldTimes =>
  v == null ? {} : ((typeof v === 'string' ? JSON.parse(v) : v) as FieldTimes);

/** Every earlier answer to these (sender, control id) pairs: key `sender\ncontrolId`. */
export async function previousOutcomes(
  c: Connection,
  keys: readonly { sender: string; controlId: string }[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (keys.length === 0) return found;
  const rows = await many<{ sender: string; control_id: string; outcome: string }>(c, 'Hl7BatchOutcomes', {
    senders: [...new Set(keys.map((k) => k.sender))],
    controlIds: [...new Set(keys.map((k) => k.controlId))],
  });
  const asked = new Set(keys.map((k) => `${k.sender}\n${k.controlId}`));
  for (const r of rows) {
    const key = `${r.sender}\n${r.control_id}`;
    if (asked.has(key)) found.set(key, r.outcome);
  }
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
  const rows = await many<Record<string, unknown>>(c, 'Hl7BatchPatients', { mrns: [...mrns] });
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
  const rows = await many<Record<string, unknown>>(c, 'Hl7BatchVisits', {
    authorities: [...new Set(keys.map((k) => k.authority))],
    visitNumbers: [...new Set(keys.map((k) => k.number))],
  });
  const asked = new Set(keys.map((k) => `${k.authority}\n${k.number}`));
  const kept = rows.filter((r) => asked.has(`${String(r.authority)}\n${String(r.visit_number)}`));
  return kept.map((r) => ({
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
export async function insertReturningIds(
  c: Connection,
  kind: 'newPatients' | 'newVisits',
  rows: Row[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const { sql, values } = rowsOf(WRITES[kind], rows);
  const [result] = await c.query<RowDataPacket[]>(sql, values);
  return result.map((r) => r.id as number);
}

/** Writes rows by key; a key met twice in `rows` ends with its last row, as if written one by one. */
export async function upsert(
  c: Connection,
  kind: Exclude<keyof typeof WRITES, 'newPatients' | 'newVisits'>,
  rows: Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const { sql, values } = rowsOf(WRITES[kind], rows);
  await c.query<ResultSetHeader>(sql, values);
}

export const decisionRow = (visitId: number, patientId: number, decidedAt: Date, decision: string): Row => [
  visitId,
  patientId,
  decidedAt,
  decision,
];

export async function deleteDecisions(c: Connection, visitIds: readonly number[]): Promise<void> {
  if (visitIds.length > 0) await exec(c, 'Hl7BatchDeleteDecisions', { visitIds: [...visitIds] });
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

import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { timeQuery } from '../ops/metrics.ts';
import type { FieldTimes, MessageRow } from './hl7.queries.ts';
import type { Connection } from './mysql.ts';
import type { Statement } from './queries.ts';
import * as sql from './sql/hl7-batch.generated.ts';

/**
 * The ADT listener's statements for a whole group commit (sql/queries/hl7-batch.sql): one lookup per kind
 * of key and one multi-row write per table, so a group of a hundred messages costs a dozen round trips
 * instead of a thousand. A write's VALUES in the .sql file holds one row of named parameters; `rowsOf`
 * repeats it once per row, every value going as a parameter. Each lookup locks the rows it finds.
 */

type Row = (string | number | Date | null)[];
/** The group's writes, each a generated statement whose VALUES holds one row. */
const WRITES = {
  newPatients: sql.hl7BatchInsertPatientsQuery,
  patients: sql.hl7BatchSavePatientsQuery,
  patientTimes: sql.hl7BatchSavePatientTimesQuery,
  newVisits: sql.hl7BatchInsertVisitsQuery,
  visits: sql.hl7BatchSaveVisitsQuery,
  visitKeys: sql.hl7BatchSaveVisitKeysQuery,
  decisions: sql.hl7BatchSaveDecisionsQuery,
  messages: sql.hl7BatchSaveMessagesQuery,
} as const;

/** Runs the statement with its VALUES row repeated for `rows` (each row's values in the order of its ?s). */
function runRows<R extends RowDataPacket[] | ResultSetHeader>(
  c: Connection,
  q: Statement,
  rows: readonly Row[],
) {
  const m = /VALUES\s*(\([^)]*\))/.exec(q.sql);
  if (!m?.[1]) throw new Error(`${q.name} has no VALUES row`);
  const tuple = m[1];
  const text =
    q.sql.slice(0, m.index) +
    `VALUES ${rows.map(() => tuple).join(', ')}` +
    q.sql.slice(m.index + m[0].length);
  return timeQuery(q.name, async () => (await c.query<R>(text, rows.flat()))[0]);
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
  const rows = await sql.hl7BatchOutcomes(c, {
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
  const rows = await sql.hl7BatchPatients(c, { mrns: [...mrns] });
  return rows.map((r) => ({
    id: r.id,
    mrn: r.mrn,
    firstName: r.first_name,
    lastName: r.last_name,
    dateOfBirth: r.date_of_birth,
    sex: r.sex,
    phone: r.phone,
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
  const rows = await sql.hl7BatchVisits(c, {
    authorities: [...new Set(keys.map((k) => k.authority))],
    visitNumbers: [...new Set(keys.map((k) => k.number))],
  });
  const asked = new Set(keys.map((k) => `${k.authority}\n${k.number}`));
  const kept = rows.filter((r) => asked.has(`${r.authority}\n${r.visit_number}`));
  return kept.map((r) => ({
    authority: r.authority,
    visitNumber: r.visit_number,
    visitId: r.visit_id,
    fieldTimes: times(r.field_times),
    cancelledAt: r.cancelled_at,
    patientId: r.patient_id,
    arrivedAt: r.arrived_at,
    departedAt: r.departed_at,
    reason: r.reason,
  }));
}

/** Inserts rows and returns the ids made, in the order of the rows (INSERT ... RETURNING keeps it). */
export async function insertReturningIds(
  c: Connection,
  kind: 'newPatients' | 'newVisits',
  rows: Row[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const result = await runRows<RowDataPacket[]>(c, WRITES[kind], rows);
  return result.map((r) => r.id as number);
}

/** Writes rows by key; a key met twice in `rows` ends with its last row, as if written one by one. */
export async function upsert(
  c: Connection,
  kind: Exclude<keyof typeof WRITES, 'newPatients' | 'newVisits'>,
  rows: Row[],
): Promise<void> {
  if (rows.length === 0) return;
  await runRows<ResultSetHeader>(c, WRITES[kind], rows);
}

export const decisionRow = (visitId: number, patientId: number, decidedAt: Date, decision: string): Row => [
  visitId,
  patientId,
  decidedAt,
  decision,
];

export async function deleteDecisions(c: Connection, visitIds: readonly number[]): Promise<void> {
  if (visitIds.length > 0) await sql.hl7BatchDeleteDecisions(c, { visitIds: [...visitIds] });
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

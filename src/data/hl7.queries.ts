import type { Connection } from './mysql.ts';
import type { QueryValues, ResultSetHeader } from 'mysql2/promise';
import { exec, execRows, one, query, type Db, type SqlValue } from './queries.ts';
import type { Decision, Severity } from '../ingest/hl7/adt.ts';

/** Every database call of the ADT listener: sql/queries/hl7.sql, typed. */

/** Per field, the event time (ms) of the message that last set it. */
export type FieldTimes = Record<string, number>;

export interface StoredPatient {
  id: number;
  fieldTimes: FieldTimes;
}

export interface StoredVisit {
  visitId: number | null;
  fieldTimes: FieldTimes;
  cancelledAt: Date | null;
  patientId: number | null;
  arrivedAt: Date | null;
  departedAt: Date | null;
  reason: string | null;
}

export interface MessageRow {
  sender: string;
  controlId: string;
  messageType: string;
  eventAt: Date | null;
  receivedAt: Date;
  outcome: 'AA' | 'AE' | 'AR';
  errorField: string | null;
  errorReason: string | null;
  raw: string;
}

const times = (v: unknown): FieldTimes =>
  v == null ? {} : ((typeof v === 'string' ? JSON.parse(v) : v) as FieldTimes);

export async function previousOutcome(
  db: Db,
  sender: string,
  controlId: string,
): Promise<string | undefined> {
  const row = await one<{ outcome: string }>(db, 'Hl7MessageOutcome', { sender, controlId });
  return row?.outcome;
}

export const saveMessage = (db: Db, m: MessageRow) => exec(db, 'SaveHl7Message', { ...m });

export const purgeMessages = (db: Db, before: Date) => execRows(db, 'PurgeHl7Messages', { before });

/** Runs a named INSERT and returns the id it made, without a second round trip for LAST_INSERT_ID(). */
async function insertReturningId(
  db: Db,
  name: 'Hl7InsertPatient' | 'Hl7InsertVisit',
  params: Record<string, SqlValue>,
): Promise<number> {
  const [result] = await db.query<ResultSetHeader>(
    { sql: query(name).sql, namedPlaceholders: true },
    params as QueryValues,
  );
  return result.insertId;
}

export async function patientByMrn(db: Db, mrn: string): Promise<StoredPatient | undefined> {
  const row = await one<{ id: number; field_times: unknown }>(db, 'Hl7PatientByMrn', { mrn });
  return row && { id: row.id, fieldTimes: times(row.field_times) };
}

export interface PatientColumns {
  firstName: string | null;
  lastName: string | null;
  dateOfBirth: string | null;
  sex: string | null;
  phone: string | null;
}

export async function insertPatient(db: Db, mrn: string, p: PatientColumns): Promise<number> {
  return insertReturningId(db, 'Hl7InsertPatient', { mrn, ...p, firstName: p.firstName ?? '' });
}

export const updatePatient = (db: Db, id: number, p: PatientColumns) =>
  exec(db, 'Hl7UpdatePatient', { id, ...p });

export const changeMrn = (db: Db, id: number, mrn: string) => exec(db, 'Hl7ChangeMrn', { id, mrn });

export const savePatientTimes = (db: Db, patientId: number, t: FieldTimes) =>
  exec(db, 'Hl7SavePatientTimes', { patientId, fieldTimes: JSON.stringify(t) });

export async function visitByNumber(
  db: Db,
  authority: string,
  visitNumber: string,
): Promise<StoredVisit | undefined> {
  const row = await one<{
    visit_id: number | null;
    field_times: unknown;
    cancelled_at: Date | null;
    patient_id: number | null;
    arrived_at: Date | null;
    departed_at: Date | null;
    reason: string | null;
  }>(db, 'Hl7VisitByNumber', { authority, visitNumber });
  return (
    row && {
      visitId: row.visit_id,
      fieldTimes: times(row.field_times),
      cancelledAt: row.cancelled_at,
      patientId: row.patient_id,
      arrivedAt: row.arrived_at,
      departedAt: row.departed_at,
      reason: row.reason,
    }
  );
}

export const saveVisitKey = (
  db: Db,
  k: { authority: string; visitNumber: string; visitId: number | null; fieldTimes: FieldTimes },
  cancelledAt: Date | null,
) => exec(db, 'Hl7SaveVisitKey', { ...k, fieldTimes: JSON.stringify(k.fieldTimes), cancelledAt });

export interface VisitColumns {
  patientId: number;
  arrivedAt: Date;
  reason: string;
  departedAt: Date | null;
}

export async function insertVisit(db: Db, v: VisitColumns): Promise<number> {
  return insertReturningId(db, 'Hl7InsertVisit', { ...v });
}

export const updateVisit = (db: Db, id: number, v: VisitColumns) => exec(db, 'Hl7UpdateVisit', { id, ...v });

export const deleteVisit = async (db: Db, visitId: number) => {
  await exec(db, 'Hl7DeleteDiagnoses', { visitId });
  await exec(db, 'Hl7DeleteDecision', { visitId });
  await exec(db, 'Hl7DeleteVisit', { id: visitId });
};

export const saveDecision = (
  db: Db,
  d: { visitId: number; patientId: number; decidedAt: Date; decision: Decision },
) => exec(db, 'Hl7SaveDecision', { ...d });

export const deleteDecision = (db: Db, visitId: number) => exec(db, 'Hl7DeleteDecision', { visitId });

export const addDiagnosis = (db: Db, visitId: number, code: string, description: string) =>
  exec(db, 'Hl7AddDiagnosis', { visitId, code, description });

export async function saveAllergy(
  db: Db,
  a: { patientId: number; substance: string; severity: Severity | null; reaction: string },
): Promise<void> {
  if ((await execRows(db, 'Hl7UpdateAllergy', { ...a })) === 0) await exec(db, 'Hl7InsertAllergy', { ...a });
}

/** A40: moves every row of the prior patient to the survivor and deletes the prior patient. */
export async function mergePatients(db: Db, prior: number, survivor: number): Promise<void> {
  const ids = { prior, survivor };
  await exec(db, 'Hl7MoveContacts', ids);
  await exec(db, 'Hl7MoveAllergies', ids);
  await exec(db, 'Hl7MoveTransports', ids);
  await exec(db, 'Hl7MoveAssessments', ids);
  await exec(db, 'Hl7MoveVisits', ids);
  await exec(db, 'Hl7MoveTreatments', ids);
  await exec(db, 'Hl7MoveDecisions', ids);
  await exec(db, 'Hl7MoveAppointments', ids);
  await exec(db, 'Hl7MovePrescriptions', ids);
  await exec(db, 'Hl7MoveCalls', ids);
  await exec(db, 'Hl7DropCalls', { prior });
  await exec(db, 'Hl7DeletePatient', { id: prior });
}

/**
 * Several messages commit in one transaction; each one's effect can be undone alone. (Transaction control,
 * like BEGIN and COMMIT, is not a named query.)
 */
/**
 * The connection's transactions read committed rows and take no gap locks, so lanes creating different
 * patients and visits at once do not deadlock on the gaps their lookups lock. Set once per connection (a
 * round trip saved on every group); the listener's pool is its own.
 */
export const readCommitted = async (c: Connection) =>
  void (await c.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED'));
export const savepoint = async (c: Connection) => void (await c.query('SAVEPOINT hl7_message'));
export const rollbackToSavepoint = async (c: Connection) =>
  void (await c.query('ROLLBACK TO SAVEPOINT hl7_message'));

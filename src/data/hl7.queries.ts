import type { Connection } from './mysql.ts';
import type { Db } from './queries.ts';
import * as sql from './sql/hl7.generated.ts';
import type { AllergySeverity as Severity, Decision } from '../core/vocabulary.ts';

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
  const row = await sql.hl7MessageOutcome(db, { sender, controlId });
  return row?.outcome;
}

export const saveMessage = (db: Db, m: MessageRow) => sql.saveHl7Message(db, { ...m });

export const purgeMessages = (db: Db, before: Date) => sql.purgeHl7Messages(db, { before });

export async function patientByMrn(db: Db, mrn: string): Promise<StoredPatient | undefined> {
  const row = await sql.hl7PatientByMrn(db, { mrn });
  return row && { id: row.id, fieldTimes: times(row.field_times) };
}

export interface PatientColumns {
  firstName: string | null;
  lastName: string | null;
  dateOfBirth: string | null;
  sex: 'female' | 'male' | 'other' | 'unknown' | null;
  phone: string | null;
}

/** A patient not yet known: the family name and birth date are required (apply.ts refuses without them). */
export type NewPatient = PatientColumns & {
  lastName: string;
  dateOfBirth: string;
  sex: NonNullable<PatientColumns['sex']>;
};

export async function insertPatient(db: Db, mrn: string, p: NewPatient): Promise<number> {
  return sql.hl7InsertPatient(db, { mrn, ...p, firstName: p.firstName ?? '' });
}

export const updatePatient = (db: Db, id: number, p: PatientColumns) =>
  sql.hl7UpdatePatient(db, { id, ...p });

export const changeMrn = (db: Db, id: number, mrn: string) => sql.hl7ChangeMrn(db, { id, mrn });

export const savePatientTimes = (db: Db, patientId: number, t: FieldTimes) =>
  sql.hl7SavePatientTimes(db, { patientId, fieldTimes: JSON.stringify(t) });

export async function visitByNumber(
  db: Db,
  authority: string,
  visitNumber: string,
): Promise<StoredVisit | undefined> {
  const row = await sql.hl7VisitByNumber(db, { authority, visitNumber });
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
) => sql.hl7SaveVisitKey(db, { ...k, fieldTimes: JSON.stringify(k.fieldTimes), cancelledAt });

export interface VisitColumns {
  patientId: number;
  arrivedAt: Date;
  reason: string;
  departedAt: Date | null;
}

export async function insertVisit(db: Db, v: VisitColumns): Promise<number> {
  return sql.hl7InsertVisit(db, { ...v });
}

export const updateVisit = (db: Db, id: number, v: VisitColumns) => sql.hl7UpdateVisit(db, { id, ...v });

export const deleteVisit = async (db: Db, visitId: number) => {
  await sql.hl7DeleteDiagnoses(db, { visitId });
  await sql.hl7DeleteDecision(db, { visitId });
  await sql.hl7DeleteVisit(db, { id: visitId });
};

export const saveDecision = (
  db: Db,
  d: { visitId: number; patientId: number; decidedAt: Date; decision: Decision },
) => sql.hl7SaveDecision(db, { ...d });

export const deleteDecision = (db: Db, visitId: number) => sql.hl7DeleteDecision(db, { visitId });

export const addDiagnosis = (db: Db, visitId: number, code: string, description: string) =>
  sql.hl7AddDiagnosis(db, { visitId, code, description });

export async function saveAllergy(
  db: Db,
  a: { patientId: number; substance: string; severity: Severity | null; reaction: string },
): Promise<void> {
  if ((await sql.hl7UpdateAllergy(db, { ...a })) === 0) await sql.hl7InsertAllergy(db, { ...a });
}

/** A40: moves every row of the prior patient to the survivor and deletes the prior patient. */
export async function mergePatients(db: Db, prior: number, survivor: number): Promise<void> {
  const ids = { prior, survivor };
  await sql.hl7MoveContacts(db, ids);
  await sql.hl7MoveAllergies(db, ids);
  await sql.hl7MoveTransports(db, ids);
  await sql.hl7MoveAssessments(db, ids);
  await sql.hl7MoveVisits(db, ids);
  await sql.hl7MoveTreatments(db, ids);
  await sql.hl7MoveDecisions(db, ids);
  await sql.hl7MoveAppointments(db, ids);
  await sql.hl7MovePrescriptions(db, ids);
  await sql.hl7MoveCalls(db, ids);
  await sql.hl7DropCalls(db, { prior });
  await sql.hl7DeletePatient(db, { id: prior });
}

/**
 * Several messages commit in one transaction; each one's effect can be undone alone. (Transaction control,
 * like BEGIN and COMMIT, is not a named query.)
 */
/** The listener's sessions read committed (set once per connection; the listener's pool is its own). */
export { readCommitted } from './mysql.ts';
export const savepoint = async (c: Connection) => void (await c.query('SAVEPOINT hl7_message'));
export const rollbackToSavepoint = async (c: Connection) =>
  void (await c.query('ROLLBACK TO SAVEPOINT hl7_message'));

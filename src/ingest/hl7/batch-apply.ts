import type { PatientRow, VisitRow } from '../../data/hl7-batch.queries.ts';
import type { FieldTimes } from '../../data/hl7.queries.ts';
import type { AdtEvent, Decision } from './adt.ts';
import { Rejection } from './rejection.ts';
import { visitChanges, type VisitChanges } from './visit-changes.ts';

/**
 * The effect of a group's ADT messages, worked out in memory before anything is written: the rows of the
 * group's patients and visits as read (locked) at its start, changed by each message in turn exactly as
 * apply.ts changes the tables (per field, the later event time wins; a tie goes to the one applied last).
 * A message that fails validation (a Rejection) leaves the state as it was before it, so it is answered AE
 * and nothing of it is written, while the others of the group stand. A11 and A40 are not handled here: a
 * group holding one is applied message by message (apply.ts).
 */

export interface PatientState {
  mrn: string;
  /** null: a new patient, inserted when the group is written. */
  id: number | null;
  firstName: string;
  lastName: string;
  dateOfBirth: Date | string;
  sex: string;
  phone: string | null;
  fieldTimes: FieldTimes;
  dirty: boolean;
  allergies: AdtEvent['allergies'];
}

export interface VisitState {
  authority: string;
  number: string;
  visitId: number | null;
  patient: PatientState | number | null;
  arrivedAt: number | null;
  departedAt: number | null;
  reason: string | null;
  fieldTimes: FieldTimes;
  cancelledAt: number | null;
  dirty: boolean;
  /** The decision to leave: a row to save, null to delete, undefined to leave alone. */
  decision?: { decidedAt: number; decision: Decision; patient: PatientState | number } | null;
  diagnoses: AdtEvent['diagnoses'];
}

export const visitKey = (authority: string, number: string) => `${authority}\n${number}`;

export function batchable(ev: AdtEvent): boolean {
  return ev.event !== 'A11' && ev.event !== 'A40';
}

export class BatchState {
  readonly patients = new Map<string, PatientState>();
  readonly visits = new Map<string, VisitState>();

  constructor(patients: PatientRow[], visits: VisitRow[]) {
    for (const p of patients) this.patients.set(p.mrn, { ...p, dirty: false, allergies: [] });
    for (const v of visits) {
      this.visits.set(visitKey(v.authority, v.visitNumber), {
        authority: v.authority,
        number: v.visitNumber,
        visitId: v.visitId,
        patient: v.patientId,
        arrivedAt: v.arrivedAt?.getTime() ?? null,
        departedAt: v.departedAt?.getTime() ?? null,
        reason: v.reason,
        fieldTimes: v.fieldTimes,
        cancelledAt: v.cancelledAt?.getTime() ?? null,
        dirty: false,
        diagnoses: [],
      });
    }
  }

  /** Applies one message; throws its Rejection with the state left as it was before it. */
  apply(ev: AdtEvent): void {
    const before = this.patients.get(ev.patient.mrn);
    const key = ev.visit && visitKey(ev.visit.authority, ev.visit.number);
    const visitBefore = key === undefined ? undefined : this.visits.get(key);
    const patient = before === undefined ? undefined : copy(before);
    const visit = visitBefore === undefined ? undefined : copy(visitBefore);
    const p = applyPatient(ev, patient);
    const v = ev.visit ? applyVisit(ev, visit, p) : undefined;
    // Only now, with nothing thrown, does the message's effect replace the state it started from.
    if (before) Object.assign(before, p);
    else this.patients.set(p.mrn, p);
    const same = (x: PatientState | number | null) => (x === p ? (before ?? p) : x);
    if (v && visitBefore) Object.assign(visitBefore, v, { patient: same(v.patient) });
    else if (v && key !== undefined) this.visits.set(key, { ...v, patient: same(v.patient) });
    if (v?.decision) v.decision.patient = same(v.decision.patient) as PatientState | number;
  }
}

function copy<T extends PatientState | VisitState>(s: T): T {
  return {
    ...s,
    fieldTimes: { ...s.fieldTimes },
    ...('allergies' in s ? { allergies: [...s.allergies] } : { diagnoses: [...s.diagnoses] }),
  };
}

const wins = (times: FieldTimes, field: string, at: number) =>
  times[field] === undefined || (times[field] as number) <= at;

const PATIENT_FIELDS = ['firstName', 'lastName', 'dateOfBirth', 'sex', 'phone'] as const;

function applyPatient(ev: AdtEvent, stored: PatientState | undefined): PatientState {
  const p = ev.patient;
  const at = ev.eventAt;
  const carried: string[] = PATIENT_FIELDS.filter((f) => p[f] !== undefined);
  if (ev.allergies.length > 0) carried.push('allergies');
  let s: PatientState;
  if (stored === undefined) {
    if (p.lastName === undefined)
      throw new Rejection('AE', '101', 'PID-5', 'is required for a patient not yet known');
    if (p.dateOfBirth === undefined)
      throw new Rejection('AE', '101', 'PID-7', 'is required for a patient not yet known');
    const fresh = { mrn: p.mrn, id: null, firstName: '', lastName: p.lastName, dateOfBirth: p.dateOfBirth };
    s = { ...fresh, sex: 'unknown', phone: null, fieldTimes: {}, dirty: true, allergies: [] };
  } else s = stored;
  const winners = carried.filter((f) => wins(s.fieldTimes, f, at));
  for (const f of winners) {
    s.fieldTimes[f] = at;
    if (f !== 'allergies') Object.assign(s, { [f]: p[f as (typeof PATIENT_FIELDS)[number]] });
  }
  if (winners.length > 0) s.dirty = true;
  if (winners.includes('allergies')) s.allergies.push(...ev.allergies);
  return s;
}

function applyVisit(ev: AdtEvent, stored: VisitState | undefined, patient: PatientState) {
  const v = ev.visit;
  if (v === undefined) return stored;
  const at = ev.eventAt;
  const s: VisitState = stored ?? {
    authority: v.authority,
    number: v.number,
    visitId: null,
    patient: null,
    arrivedAt: null,
    departedAt: null,
    reason: null,
    fieldTimes: {},
    cancelledAt: null,
    dirty: false,
    diagnoses: [],
  };
  // An event from before the visit was cancelled (A11) does not bring it back.
  if (s.cancelledAt !== null && at <= s.cancelledAt) return stored;
  const exists = s.visitId !== null || s.patient !== null;
  const isEr = v.patientClass === 'E';
  // Not an emergency visit and not one already known as such: nothing hers-bot uses.
  if (!exists && (!isEr || ev.event === 'A13')) return stored;
  const changes = visitChanges(ev, isEr, exists);
  const winners = (Object.keys(changes) as (keyof VisitChanges)[]).filter((f) => wins(s.fieldTimes, f, at));
  for (const f of winners) s.fieldTimes[f] = at;
  const won = (f: keyof VisitChanges) => winners.includes(f);

  const creating = !exists || s.arrivedAt === null;
  let arrived = won('arrivedAt') ? changes.arrivedAt : (s.arrivedAt ?? undefined);
  if (arrived === undefined && creating && (ev.event === 'A04' || ev.event === 'A01')) arrived = at;
  if (arrived === undefined)
    throw new Rejection('AE', '101', 'PV1-44', 'is required to create a visit (the arrival time)');
  const departed = won('departedAt') ? (changes.departedAt ?? null) : s.departedAt;
  if (departed !== null && departed <= arrived)
    throw new Rejection('AE', '102', 'PV1-45', 'must be after the arrival (PV1-44)');
  s.arrivedAt = arrived;
  s.departedAt = departed;
  s.reason = (won('reason') ? changes.reason : s.reason) ?? '';
  s.patient = patient;
  s.dirty = true;
  if (won('decision')) {
    const decision = changes.decision ?? null;
    s.decision = decision === null ? null : { decidedAt: departed ?? at, decision, patient };
  }
  s.diagnoses.push(...ev.diagnoses);
  return s;
}

import type { Db } from '../../data/queries.ts';
import type { AdtEvent, PatientFields } from './adt.ts';
import * as q from '../../data/hl7.queries.ts';
import { Rejection } from './rejection.ts';
import { visitChanges, type VisitChanges } from './visit-changes.ts';

/**
 * The effect of one ADT message on the domain tables, inside the caller's transaction. Out of order is
 * normal: per field, the value of the message with the later event time wins (a tie goes to the one
 * applied last), so messages applied in any order leave the same rows.
 */
export async function applyAdt(db: Db, ev: AdtEvent): Promise<void> {
  if (ev.event === 'A40') return mergeInto(db, ev, ev.priorMrn ?? '');
  const patient = await applyPatient(db, ev);
  if (ev.visit) await applyVisit(db, ev, patient);
}

const wins = (times: q.FieldTimes, field: string, at: number) =>
  times[field] === undefined || (times[field] as number) <= at;

const PATIENT_FIELDS = ['firstName', 'lastName', 'dateOfBirth', 'sex', 'phone'] as const;

/** Creates or updates the patient of PID-3; its id. Allergies (AL1) are a field of the patient too. */
async function applyPatient(db: Db, ev: AdtEvent): Promise<number> {
  const p = ev.patient;
  const at = ev.eventAt;
  const carried: string[] = PATIENT_FIELDS.filter((f) => p[f] !== undefined);
  if (ev.allergies.length > 0) carried.push('allergies');
  const stored = await q.patientByMrn(db, p.mrn);
  let id: number;
  let winners: string[];
  if (stored === undefined) {
    if (p.lastName === undefined)
      throw new Rejection('AE', '101', 'PID-5', 'is required for a patient not yet known');
    if (p.dateOfBirth === undefined)
      throw new Rejection('AE', '101', 'PID-7', 'is required for a patient not yet known');
    id = await q.insertPatient(db, p.mrn, {
      ...columns(p, carried),
      lastName: p.lastName,
      dateOfBirth: p.dateOfBirth,
      sex: p.sex ?? 'unknown',
    });
    winners = carried;
    await q.savePatientTimes(db, id, Object.fromEntries(carried.map((f) => [f, at])));
  } else {
    id = stored.id;
    winners = carried.filter((f) => wins(stored.fieldTimes, f, at));
    if (winners.length > 0) {
      if (winners.some((f) => f !== 'allergies')) await q.updatePatient(db, id, columns(p, winners));
      const times = { ...stored.fieldTimes, ...Object.fromEntries(winners.map((f) => [f, at])) };
      await q.savePatientTimes(db, id, times);
    }
  }
  if (winners.includes('allergies')) {
    for (const a of ev.allergies) await q.saveAllergy(db, { patientId: id, ...a });
  }
  return id;
}

function columns(p: PatientFields, fields: readonly string[]): q.PatientColumns {
  const pick = <K extends keyof PatientFields>(k: K) => (fields.includes(k) ? (p[k] ?? null) : null);
  return {
    firstName: pick('firstName'),
    lastName: pick('lastName'),
    dateOfBirth: pick('dateOfBirth'),
    sex: pick('sex'),
    phone: pick('phone'),
  };
}

async function applyVisit(db: Db, ev: AdtEvent, patientId: number): Promise<void> {
  const v = ev.visit;
  if (v === undefined) return;
  const at = ev.eventAt;
  const stored = await q.visitByNumber(db, v.authority, v.number);
  const key = { authority: v.authority, visitNumber: v.number };
  const times = { ...stored?.fieldTimes };
  const cancelledAt = stored?.cancelledAt ?? null;
  // An event from before the visit was cancelled (A11) does not bring it back.
  if (cancelledAt !== null && at <= cancelledAt.getTime()) return;
  const visitId = stored?.visitId ?? null;
  if (ev.event === 'A11') {
    if (Object.values(times).some((t) => t > at)) return;
    if (visitId !== null) await q.deleteVisit(db, visitId);
    await q.saveVisitKey(db, { ...key, visitId: null, fieldTimes: times }, new Date(at));
    return;
  }
  const isEr = v.patientClass === 'E';
  // Not an emergency visit and not one already known as such: nothing hers-bot uses.
  if (visitId === null && (!isEr || ev.event === 'A13')) return;
  const changes = visitChanges(ev, isEr, visitId !== null);
  const winners = (Object.keys(changes) as (keyof VisitChanges)[]).filter((f) => wins(times, f, at));
  for (const f of winners) times[f] = at;
  const won = <K extends keyof VisitChanges>(f: K) => winners.includes(f);

  const creating = visitId === null || stored?.arrivedAt == null;
  let arrived = won('arrivedAt') ? changes.arrivedAt : stored?.arrivedAt?.getTime();
  if (arrived === undefined && creating && (ev.event === 'A04' || ev.event === 'A01')) arrived = at;
  if (arrived === undefined)
    throw new Rejection('AE', '101', 'PV1-44', 'is required to create a visit (the arrival time)');
  const departed = won('departedAt') ? (changes.departedAt ?? null) : (stored?.departedAt?.getTime() ?? null);
  if (departed !== null && departed <= arrived)
    throw new Rejection('AE', '102', 'PV1-45', 'must be after the arrival (PV1-44)');
  const row: q.VisitColumns = {
    patientId,
    arrivedAt: new Date(arrived),
    reason: (won('reason') ? changes.reason : stored?.reason) ?? '',
    departedAt: departed === null ? null : new Date(departed),
  };
  let id: number;
  if (visitId === null) id = await q.insertVisit(db, row);
  else {
    id = visitId;
    if (winners.length > 0 || stored?.patientId !== patientId) await q.updateVisit(db, id, row);
  }
  if (won('decision')) {
    const decision = changes.decision ?? null;
    if (decision === null) await q.deleteDecision(db, id);
    else await q.saveDecision(db, { visitId: id, patientId, decidedAt: new Date(departed ?? at), decision });
  }
  for (const d of ev.diagnoses) await q.addDiagnosis(db, id, d.code, d.description);
  if (visitId === null || winners.length > 0)
    await q.saveVisitKey(db, { ...key, visitId: id, fieldTimes: times }, cancelledAt);
}

/** A40: the prior patient's rows move to the surviving patient of PID-3, then PID's fields apply. */
async function mergeInto(db: Db, ev: AdtEvent, priorMrn: string): Promise<void> {
  const prior = await q.patientByMrn(db, priorMrn);
  const survivor = await q.patientByMrn(db, ev.patient.mrn);
  if (prior !== undefined && survivor === undefined) await q.changeMrn(db, prior.id, ev.patient.mrn);
  else if (prior !== undefined && survivor !== undefined && prior.id !== survivor.id)
    await q.mergePatients(db, prior.id, survivor.id);
  await applyPatient(db, ev);
}

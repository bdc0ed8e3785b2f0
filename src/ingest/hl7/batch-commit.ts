import type { PoolConnection } from 'mysql2/promise';
import * as b from '../../data/hl7-batch.queries.ts';
import * as q from '../../data/hl7.queries.ts';
import type { Outcome } from './ack.ts';
import { BatchState, type PatientState, type VisitState } from './batch-apply.ts';
import type { Header } from './header.ts';
import type { Prepared } from './prepare.ts';
import { Rejection } from './rejection.ts';

/**
 * A group's messages in the caller's transaction with a fixed number of round trips: one lookup of the
 * group's earlier answers, patients and visits; the effect worked out in memory (batch-apply.ts), every
 * message validated before anything is written; then one multi-row write per table, the raw messages last.
 * A message refused on validation is stored with its AE and changes nothing; a resend (same sender and
 * control id, even twice in the same group) of one answered AA is answered AA and applied once.
 */

export interface GroupJob {
  prepared: Prepared;
  receivedAt: number;
}

const refusal = (r: Rejection): Outcome => ({
  ack: r.ack,
  errorCode: r.errorCode,
  field: r.field,
  reason: r.reason,
});

export async function commitGroup(conn: PoolConnection, jobs: readonly GroupJob[]): Promise<Outcome[]> {
  const headers = jobs.map((j) => j.prepared.header as Header);
  const answered = await b.previousOutcomes(conn, headers);
  const mrns = new Set<string>();
  const visitKeys = new Map<string, { authority: string; number: string }>();
  for (const j of jobs) {
    const ev = j.prepared.event;
    if (!ev) continue;
    mrns.add(ev.patient.mrn);
    if (ev.visit) visitKeys.set(`${ev.visit.authority}\n${ev.visit.number}`, ev.visit);
  }
  const state = new BatchState(
    await b.patientsByMrn(conn, [...mrns]),
    await b.visitsByNumber(conn, [...visitKeys.values()]),
  );
  const outcomes: Outcome[] = [];
  const messages: q.MessageRow[] = [];
  jobs.forEach((job, i) => {
    const p = job.prepared;
    const h = headers[i] as Header;
    const key = `${h.sender}\n${h.controlId}`;
    if (answered.get(key) === 'AA') return void outcomes.push({ ack: 'AA' });
    let outcome: Outcome;
    try {
      if (p.event) state.apply(p.event);
      outcome = p.event ? { ack: 'AA' } : refusal(p.rejection as Rejection);
    } catch (err) {
      if (!(err instanceof Rejection)) throw err;
      outcome = refusal(err);
    }
    answered.set(key, outcome.ack);
    outcomes.push(outcome);
    messages.push({
      sender: h.sender,
      controlId: h.controlId,
      messageType: (h.type ?? '').slice(0, 20),
      eventAt: p.event ? new Date(p.event.eventAt) : null,
      receivedAt: new Date(job.receivedAt),
      outcome: outcome.ack,
      errorField: outcome.ack === 'AA' ? null : outcome.field.slice(0, 20),
      errorReason: outcome.ack === 'AA' ? null : outcome.reason.slice(0, 255),
      raw: p.text,
    });
  });
  await writePatients(
    conn,
    [...state.patients.values()].filter((s) => s.dirty),
  );
  await writeVisits(
    conn,
    [...state.visits.values()].filter((s) => s.dirty),
  );
  await b.upsert(conn, 'messages', messages.map(b.messageRow));
  return outcomes;
}

async function writePatients(conn: PoolConnection, dirty: PatientState[]): Promise<void> {
  const row = (s: PatientState) => [s.mrn, s.firstName, s.lastName, s.dateOfBirth, s.sex, s.phone];
  const fresh = dirty.filter((s) => s.id === null);
  const ids = await b.insertReturningIds(conn, 'newPatients', fresh.map(row));
  fresh.forEach((s, i) => (s.id = ids[i] as number));
  const known = dirty.filter((s) => !fresh.includes(s));
  await b.upsert(
    conn,
    'patients',
    known.map((s) => [s.id, ...row(s)]),
  );
  await b.upsert(
    conn,
    'patientTimes',
    dirty.map((s) => [s.id, b.fieldTimes(s.fieldTimes)]),
  );
  for (const s of dirty)
    for (const a of s.allergies) await q.saveAllergy(conn, { patientId: s.id as number, ...a });
}

const idOf = (p: PatientState | number | null): number =>
  typeof p === 'number' ? p : ((p?.id ?? NaN) as number);

async function writeVisits(conn: PoolConnection, dirty: VisitState[]): Promise<void> {
  const row = (s: VisitState) => [
    idOf(s.patient),
    new Date(s.arrivedAt as number),
    s.reason ?? '',
    s.departedAt === null ? null : new Date(s.departedAt),
  ];
  const fresh = dirty.filter((s) => s.visitId === null);
  const ids = await b.insertReturningIds(conn, 'newVisits', fresh.map(row));
  fresh.forEach((s, i) => (s.visitId = ids[i] as number));
  const known = dirty.filter((s) => !fresh.includes(s));
  await b.upsert(
    conn,
    'visits',
    known.map((s) => [s.visitId, ...row(s)]),
  );
  await b.upsert(
    conn,
    'visitKeys',
    dirty.map((s) => [
      s.authority,
      s.number,
      s.visitId,
      b.fieldTimes(s.fieldTimes),
      s.cancelledAt === null ? null : new Date(s.cancelledAt),
    ]),
  );
  await b.deleteDecisions(
    conn,
    dirty.filter((s) => s.decision === null).map((s) => s.visitId as number),
  );
  const decided = dirty.flatMap((s) => (s.decision ? [{ visitId: s.visitId as number, ...s.decision }] : []));
  await b.upsert(
    conn,
    'decisions',
    decided.map((d) => b.decisionRow(d.visitId, idOf(d.patient), new Date(d.decidedAt), d.decision)),
  );
  for (const s of dirty)
    for (const d of s.diagnoses) await q.addDiagnosis(conn, s.visitId as number, d.code, d.description);
}

import * as sql from './sql/flow.generated.ts';
import type { MeasureVisit } from '../core/ed-measures.ts';
import { returnIds, type ReturnCandidate } from '../core/return-visits.ts';
import { ADMITTED_DECISION, MENTAL_HEALTH_CODE } from '../core/strata.ts';
import { DAY_MS } from '../core/time.ts';
import type { Db } from './queries.ts';

/** ER visits arriving in [from, to) with first treatment, decision and departure. */
export const flowVisits = (db: Db, from: Date, to: Date) => sql.flowVisits(db, { from, to });

/** 72-hour returns arriving in [from, to), each with the visit it returned after. */
export const returnVisits = (db: Db, from: Date, to: Date) => sql.returnVisits(db, { from, to });

/** Discharged and unseen visits that departed in [from, to), by condition and how they ended. */
export const returnCandidates = (db: Db, from: Date, to: Date) => sql.returnCandidates(db, { from, to });

/** How far before a window the previous visit of a 72-hour return is looked for. */
const RETURN_LOOKBACK_MS = 30 * DAY_MS;

/**
 * ER visits arriving in [from, to) with the times and facts of the standard ED measures, by arrival, each
 * marked when it is a 72-hour return (the previous visit looked for among those of the 30 days before).
 * Decisions, mental-health diagnoses and treatments are read for the window's range of visit ids.
 */
export async function measureVisits(db: Db, from: Date, to: Date): Promise<MeasureVisit[]> {
  const [visits, earlier] = await Promise.all([
    sql.measureVisits(db, { from, to }),
    sql.returnPredecessors(db, { from: new Date(from.getTime() - RETURN_LOOKBACK_MS), to: from }),
  ]);
  if (visits.length === 0) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of visits) {
    if (v.id < lo) lo = v.id;
    if (v.id > hi) hi = v.id;
  }
  const [decisions, mentalHealth, treated] = await Promise.all([
    sql.measureDecisions(db, { lo, hi }),
    sql.mentalHealthVisits(db, { lo, hi, mentalHealth: MENTAL_HEALTH_CODE }),
    sql.treatedVisits(db, { lo, hi }),
  ]);
  const decisionOf = new Map(decisions.map((d) => [d.visit_id, d]));
  const mh = new Set(mentalHealth.map((r) => r.visit_id));
  const tr = new Set(treated.map((r) => r.visit_id));
  // Plain objects of one shape, built field by field: spreading the driver's rows was seconds at a year.
  const rows: (MeasureVisit & ReturnCandidate)[] = visits.map((v) => {
    const d = decisionOf.get(v.id);
    return {
      id: v.id,
      patient_id: v.patient_id,
      arrived_s: v.arrived_s,
      roomed_s: v.roomed_s,
      provider_s: v.provider_s,
      decided_s: d ? d.decided_s - v.arrived_s : null,
      departed_s: v.departed_s,
      decision: d?.decision ?? null,
      observation: v.observation,
      mental_health: mh.has(v.id) ? 1 : 0,
      treated: tr.has(v.id) ? 1 : 0,
      age: v.age,
      is_return: 0,
    };
  });
  const returns = returnIds(rows, earlier);
  for (const r of rows) if (returns.has(r.id)) r.is_return = 1;
  return rows;
}

/** Admitted patients boarding at an instant, and those decided on more than 4 hours before it. */
export const boardersAt = async (db: Db, at: Date) =>
  (await sql.boardersAt(db, { at, admitted: ADMITTED_DECISION })) ?? { boarders: 0, over_4h: 0 };

import * as sql from './sql/flow.generated.ts';
import type { MeasureVisit } from '../core/ed-measures.ts';
import { returnIds } from '../core/return-visits.ts';
import { ADMITTED_DECISION } from '../core/strata.ts';
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
 * Both reads are ranges of er_visit_fact (migration 019).
 */
export async function measureVisits(db: Db, from: Date, to: Date): Promise<MeasureVisit[]> {
  const [visits, earlier] = await Promise.all([
    sql.measureVisits(db, { from, to }),
    sql.returnPredecessors(db, { from: new Date(from.getTime() - RETURN_LOOKBACK_MS), to: from }),
  ]);
  const returns = returnIds(visits, earlier);
  // The driver's rows themselves, each given its mark: copying 100,000 rows costs more than the marks.
  const marked = visits as (typeof visits)[number][] & MeasureVisit[];
  for (const v of marked) v.is_return = returns.has(v.id) ? 1 : 0;
  return marked;
}

/** Admitted patients boarding at an instant, and those decided on more than 4 hours before it. */
export const boardersAt = async (db: Db, at: Date) =>
  (await sql.boardersAt(db, { at, admitted: ADMITTED_DECISION })) ?? { boarders: 0, over_4h: 0 };

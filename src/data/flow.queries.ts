import * as sql from './sql/flow.generated.ts';
import { ADMITTED_DECISION, MENTAL_HEALTH_CODE } from '../core/strata.ts';
import type { Db } from './queries.ts';

/** ER visits arriving in [from, to) with first treatment, decision and departure. */
export const flowVisits = (db: Db, from: Date, to: Date) => sql.flowVisits(db, { from, to });

/** 72-hour returns arriving in [from, to), each with the visit it returned after. */
export const returnVisits = (db: Db, from: Date, to: Date) => sql.returnVisits(db, { from, to });

/** Discharged and unseen visits that departed in [from, to), by condition and how they ended. */
export const returnCandidates = (db: Db, from: Date, to: Date) => sql.returnCandidates(db, { from, to });

/** ER visits arriving in [from, to) with the times and facts of the standard ED measures, by arrival. */
export const measureVisits = (db: Db, from: Date, to: Date) =>
  sql.measureVisits(db, { from, to, mentalHealth: MENTAL_HEALTH_CODE });

/** Admitted patients boarding at an instant, and those decided on more than 4 hours before it. */
export const boardersAt = async (db: Db, at: Date) =>
  (await sql.boardersAt(db, { at, admitted: ADMITTED_DECISION })) ?? { boarders: 0, over_4h: 0 };

import * as sql from './sql/flow.generated.ts';
import type { Db } from './queries.ts';

/** ER visits arriving in [from, to) with first treatment, decision and departure. */
export const flowVisits = (db: Db, from: Date, to: Date) => sql.flowVisits(db, { from, to });

/** 72-hour returns arriving in [from, to), each with the visit it returned after. */
export const returnVisits = (db: Db, from: Date, to: Date) => sql.returnVisits(db, { from, to });

/** Discharged and unseen visits that departed in [from, to), by condition and how they ended. */
export const returnCandidates = (db: Db, from: Date, to: Date) => sql.returnCandidates(db, { from, to });

import type { FlowVisit } from '../core/flow.ts';
import type { ReturnCandidateCount, ReturnVisit } from '../core/reports/er-returns.ts';
import { many, type Db } from './queries.ts';

/** ER visits arriving in [from, to) with first treatment, decision and departure. */
export const flowVisits = (db: Db, from: Date, to: Date) => many<FlowVisit>(db, 'FlowVisits', { from, to });

/** 72-hour returns arriving in [from, to), each with the visit it returned after. */
export const returnVisits = (db: Db, from: Date, to: Date) =>
  many<ReturnVisit>(db, 'ReturnVisits', { from, to });

/** Discharged and unseen visits that departed in [from, to), by condition and how they ended. */
export const returnCandidates = (db: Db, from: Date, to: Date) =>
  many<ReturnCandidateCount>(db, 'ReturnCandidates', { from, to });

import * as sql from './sql/care.generated.ts';
import type { Db } from './queries.ts';

/** Discharged ER visits arriving in [from, to), each with its first follow-up within 7 days. */
export const dischargeFollowUps = (db: Db, from: Date, to: Date) => sql.dischargeFollowUps(db, { from, to });

/** Discharged visits arriving in [from, to) with no follow-up in their 7 days, over by `now`. */
export const careGaps = (db: Db, from: Date, to: Date, now: Date, limit: number) =>
  sql.careGaps(db, { from, to, now, limit });

/** Appointments starting in [from, to) and by `now`, per department, start and status. */
export const appointmentOutcomes = (db: Db, from: Date, to: Date, now: Date) =>
  sql.appointmentOutcomes(db, { from, to, now });

/** Active prescriptions ending on local dates today..lastDay (YYYY-MM-DD, inclusive). */
export const prescriptionsEnding = (db: Db, today: string, lastDay: string, limit: number) =>
  sql.prescriptionsEnding(db, { today, lastDay, limit });

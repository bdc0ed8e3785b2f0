import type { DischargeFollowUp } from '../core/reports/care-follow-up.ts';
import type { CareGap } from '../core/reports/care-gaps.ts';
import type { AppointmentOutcome } from '../core/reports/care-no-shows.ts';
import type { EndingPrescription } from '../core/reports/meds-ending.ts';
import { many, type Db } from './queries.ts';

/** Discharged ER visits arriving in [from, to), each with its first follow-up within 7 days. */
export const dischargeFollowUps = (db: Db, from: Date, to: Date) =>
  many<DischargeFollowUp>(db, 'DischargeFollowUps', { from, to });

/** Discharged visits arriving in [from, to) with no follow-up in their 7 days, over by `now`. */
export const careGaps = (db: Db, from: Date, to: Date, now: Date, limit: number) =>
  many<CareGap>(db, 'CareGaps', { from, to, now, limit });

/** Appointments starting in [from, to) and by `now`, per department, start and status. */
export const appointmentOutcomes = (db: Db, from: Date, to: Date, now: Date) =>
  many<AppointmentOutcome>(db, 'AppointmentOutcomes', { from, to, now });

/** Active prescriptions ending on local dates today..lastDay (YYYY-MM-DD, inclusive). */
export const prescriptionsEnding = (db: Db, today: string, lastDay: string, limit: number) =>
  many<EndingPrescription>(db, 'PrescriptionsEnding', { today, lastDay, limit });

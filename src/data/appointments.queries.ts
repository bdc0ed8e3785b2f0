import * as sql from './sql/appointments.generated.ts';
import type { Db } from './queries.ts';

interface DayFilter {
  from: Date;
  to: Date;
  department: string | null;
  staffId: number | null;
}

/** A day's appointments counted by start, status, department and provider: no patient, no reason. */
export const dayCounts = (db: Db, p: DayFilter) =>
  sql.dayCounts(db, { from: p.from, to: p.to, department: p.department, staffId: p.staffId });

/** A day's appointments with their patients and reasons: patient data. */
export const daySchedule = (db: Db, p: DayFilter & { limit: number }) =>
  sql.daySchedule(db, {
    from: p.from,
    to: p.to,
    department: p.department,
    staffId: p.staffId,
    limit: p.limit,
  });

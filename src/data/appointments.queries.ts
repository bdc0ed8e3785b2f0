import * as sql from './sql/appointments.generated.ts';
import type { Db } from './queries.ts';

export type AppointmentRow = Omit<sql.DayScheduleRow, 'total'>;

export type ScheduleRow = sql.DayScheduleRow;

export const daySchedule = (
  db: Db,
  p: { from: Date; to: Date; department: string | null; staffId: number | null; limit: number },
) =>
  sql.daySchedule(db, {
    from: p.from,
    to: p.to,
    department: p.department,
    staffId: p.staffId,
    limit: p.limit,
  });

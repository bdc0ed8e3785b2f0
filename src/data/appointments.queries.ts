import { many, type Db } from './queries.ts';

export interface AppointmentRow {
  id: number;
  starts_at: Date;
  ends_at: Date;
  status: string;
  reason: string;
  department: string;
  provider: string;
}

export interface ScheduleRow extends AppointmentRow {
  total: number;
}

export const daySchedule = (
  db: Db,
  p: { from: Date; to: Date; department: string | null; staffId: number | null; limit: number },
) =>
  many<ScheduleRow>(db, 'DaySchedule', {
    from: p.from,
    to: p.to,
    department: p.department,
    staffId: p.staffId,
    limit: p.limit,
  });

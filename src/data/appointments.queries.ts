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
  many<ScheduleRow>(db, 'DaySchedule', [
    p.from,
    p.to,
    p.department,
    p.department,
    p.staffId,
    p.staffId,
    p.limit,
  ]);

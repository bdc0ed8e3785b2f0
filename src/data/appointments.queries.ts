import type { ScheduledAppointment } from '../core/reports/appointments-day.ts';
import { many, type Db } from './queries.ts';

export interface AppointmentRow extends Omit<ScheduledAppointment, 'total'> {
  id: number;
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

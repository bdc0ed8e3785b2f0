// Generated from sql/queries/appointments.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).
import { many, type Db, type Statement } from '../queries.ts';

export const dayScheduleQuery: Statement = {
  name: 'DaySchedule',
  sql: `SELECT a.id, a.starts_at, a.ends_at, a.status, a.reason, COALESCE(d.name, 'not recorded') AS department,
  COALESCE(CONCAT(s.first_name, ' ', s.last_name), 'not recorded') AS provider, COUNT(*) OVER () AS total
FROM appointment a LEFT JOIN department d ON d.id = a.department_id LEFT JOIN staff s ON s.id = a.staff_id
WHERE a.starts_at >= ? AND a.starts_at < ?
  AND (? IS NULL OR d.name = ?)
  AND (? IS NULL OR a.staff_id = ?)
ORDER BY a.starts_at, provider, a.id
LIMIT ?`,
  params: ['from', 'to', 'department', 'department', 'staffId', 'staffId', 'limit'],
};

export interface DayScheduleArgs {
  from: Date;
  to: Date;
  department: string | null;
  staffId: number | null;
  limit: number;
}

export interface DayScheduleRow {
  id: number;
  starts_at: Date;
  ends_at: Date;
  status: 'scheduled' | 'checked_in' | 'completed' | 'cancelled' | 'no_show';
  reason: string;
  department: string;
  provider: string;
  total: number;
}

/**
 * Appointments starting in [from, to), optionally for one department and one provider. No patient details:
 * a schedule is shown to anyone with report access. A null department or staffId means any.
 */
export function daySchedule(db: Db, args: DayScheduleArgs): Promise<DayScheduleRow[]> {
  return many<DayScheduleRow>(db, dayScheduleQuery, args);
}

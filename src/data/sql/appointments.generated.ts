// Generated from sql/queries/appointments.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).
import { many, type Db, type Statement } from '../queries.ts';

export const dayCountsQuery: Statement = {
  name: 'DayCounts',
  sql: `SELECT a.starts_at, a.status, COALESCE(d.name, 'not recorded') AS department,
  COALESCE(CONCAT(s.first_name, ' ', s.last_name), 'not recorded') AS provider, COUNT(*) AS n
FROM appointment a LEFT JOIN department d ON d.id = a.department_id LEFT JOIN staff s ON s.id = a.staff_id
WHERE a.starts_at >= ? AND a.starts_at < ?
  AND (? IS NULL OR d.name = ?)
  AND (? IS NULL OR a.staff_id = ?)
GROUP BY a.starts_at, provider, department, a.status
ORDER BY a.starts_at, provider, department, a.status`,
  params: ['from', 'to', 'department', 'department', 'staffId', 'staffId'],
};

export interface DayCountsArgs {
  from: Date;
  to: Date;
  department: string | null;
  staffId: number | null;
}

export interface DayCountsRow {
  starts_at: Date;
  status: 'scheduled' | 'checked_in' | 'completed' | 'cancelled' | 'no_show';
  department: string;
  provider: string;
  n: number;
}

/**
 * Appointments starting in [from, to) counted by start, status, department and provider, optionally for one
 * department and one provider (a null department or staffId means any). No appointment on its own, no
 * reason and no patient: counts for anyone with report access.
 */
export function dayCounts(db: Db, args: DayCountsArgs): Promise<DayCountsRow[]> {
  return many<DayCountsRow>(db, dayCountsQuery, args);
}

export const dayScheduleQuery: Statement = {
  name: 'DaySchedule',
  sql: `SELECT a.id, a.starts_at, a.ends_at, a.status, a.reason,
  COALESCE(CONCAT(s.first_name, ' ', s.last_name), 'not recorded') AS provider,
  p.id AS patient_id, p.mrn, p.first_name, p.last_name, COUNT(*) OVER () AS total
FROM appointment a JOIN patient p ON p.id = a.patient_id
  LEFT JOIN department d ON d.id = a.department_id LEFT JOIN staff s ON s.id = a.staff_id
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
  provider: string;
  patient_id: number;
  mrn: string;
  first_name: string;
  last_name: string;
  total: number;
}

/**
 * Appointments starting in [from, to), each with its patient and reason, optionally for one department and
 * one provider (a null department or staffId means any): patient data, for the patient-records role only.
 */
export function daySchedule(db: Db, args: DayScheduleArgs): Promise<DayScheduleRow[]> {
  return many<DayScheduleRow>(db, dayScheduleQuery, args);
}

// Generated from sql/queries/care.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).
import { many, type Db, type Statement } from '../queries.ts';

export const dischargeFollowUpsQuery: Statement = {
  name: 'DischargeFollowUps',
  sql: `SELECT v.id AS visit_id, v.patient_id, v.condition_on_arrival AS \`condition\`, v.departed_at,
  fu.starts_at AS follow_up_at, dp.name AS follow_up_department
FROM er_visit v
JOIN disposition_decision d ON d.visit_id = v.id AND d.decision = 'Discharge'
LEFT JOIN appointment fu ON fu.id = (
  SELECT a.id FROM appointment a
  WHERE a.patient_id = v.patient_id AND a.status <> 'cancelled'
    AND a.starts_at > v.departed_at AND a.starts_at <= v.departed_at + INTERVAL 7 DAY
  ORDER BY a.starts_at, a.id LIMIT 1)
LEFT JOIN department dp ON dp.id = fu.department_id
WHERE v.arrived_at >= ? AND v.arrived_at < ? AND v.departed_at IS NOT NULL
ORDER BY v.departed_at, v.id`,
  params: ['from', 'to'],
};

export interface DischargeFollowUpsArgs {
  from: Date;
  to: Date;
}

export interface DischargeFollowUpsRow {
  visit_id: number;
  patient_id: number;
  condition: 'critical' | 'serious' | 'moderate' | 'minor' | 'stable' | null;
  departed_at: Date;
  follow_up_at: Date | null;
  follow_up_department: string | null;
}

/**
 * ER visits arriving in [from, to) and discharged, each with its first follow-up: an appointment of the same
 * patient starting in (departed, departed + 7 days], not cancelled (docs/domain.md); NULLs when there is none.
 */
export function dischargeFollowUps(db: Db, args: DischargeFollowUpsArgs): Promise<DischargeFollowUpsRow[]> {
  return many<DischargeFollowUpsRow>(db, dischargeFollowUpsQuery, args);
}

export const careGapsQuery: Statement = {
  name: 'CareGaps',
  sql: `SELECT v.id AS visit_id, v.patient_id, p.mrn, p.first_name, p.last_name, p.phone,
  v.arrived_at, v.departed_at, v.reason, v.condition_on_arrival AS \`condition\`, COUNT(*) OVER () AS total
FROM er_visit v
JOIN disposition_decision d ON d.visit_id = v.id AND d.decision = 'Discharge'
JOIN patient p ON p.id = v.patient_id
WHERE v.arrived_at >= ? AND v.arrived_at < ?
  AND v.departed_at + INTERVAL 7 DAY <= ?
  AND NOT EXISTS (
    SELECT 1 FROM appointment a
    WHERE a.patient_id = v.patient_id AND a.status <> 'cancelled'
      AND a.starts_at > v.departed_at AND a.starts_at <= v.departed_at + INTERVAL 7 DAY)
ORDER BY v.departed_at, v.id
LIMIT ?`,
  params: ['from', 'to', 'now', 'limit'],
};

export interface CareGapsArgs {
  from: Date;
  to: Date;
  now: Date;
  limit: number;
}

export interface CareGapsRow {
  visit_id: number;
  patient_id: number;
  mrn: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  arrived_at: Date;
  departed_at: Date;
  reason: string;
  condition: 'critical' | 'serious' | 'moderate' | 'minor' | 'stable' | null;
  total: number;
}

/**
 * Discharged ER visits arriving in [from, to) whose 7 days after departure have passed by :now with no
 * follow-up appointment (not cancelled) in them; oldest first, with the patient's phone.
 */
export function careGaps(db: Db, args: CareGapsArgs): Promise<CareGapsRow[]> {
  return many<CareGapsRow>(db, careGapsQuery, args);
}

export const appointmentOutcomesQuery: Statement = {
  name: 'AppointmentOutcomes',
  sql: `SELECT dp.name AS department, a.starts_at, a.status, COUNT(*) AS n
FROM appointment a
JOIN department dp ON dp.id = a.department_id
WHERE a.starts_at >= ? AND a.starts_at < ? AND a.starts_at <= ?
GROUP BY dp.name, a.starts_at, a.status
ORDER BY dp.name, a.starts_at, a.status`,
  params: ['from', 'to', 'now'],
};

export interface AppointmentOutcomesArgs {
  from: Date;
  to: Date;
  now: Date;
}

export interface AppointmentOutcomesRow {
  department: string;
  starts_at: Date;
  status: 'scheduled' | 'checked_in' | 'completed' | 'cancelled' | 'no_show';
  n: number;
}

/**
 * Appointments starting in [from, to) and no later than :now, counted per department, start time and
 * status (weekday and local hour are worked out from the start in TypeScript).
 */
export function appointmentOutcomes(
  db: Db,
  args: AppointmentOutcomesArgs,
): Promise<AppointmentOutcomesRow[]> {
  return many<AppointmentOutcomesRow>(db, appointmentOutcomesQuery, args);
}

export const prescriptionsEndingQuery: Statement = {
  name: 'PrescriptionsEnding',
  sql: `SELECT r.id, r.patient_id, p.mrn, p.first_name, p.last_name, m.name AS medication, m.form, m.strength,
  r.dose, r.frequency, r.starts_on, r.ends_on, COUNT(*) OVER () AS total
FROM prescription r
JOIN patient p ON p.id = r.patient_id
JOIN medication m ON m.id = r.medication_id
WHERE r.status = 'active' AND r.ends_on >= ? AND r.ends_on <= ?
ORDER BY r.ends_on, p.last_name, p.first_name, r.patient_id, r.id
LIMIT ?`,
  params: ['today', 'lastDay', 'limit'],
};

export interface PrescriptionsEndingArgs {
  today: string;
  lastDay: string;
  limit: number;
}

export interface PrescriptionsEndingRow {
  id: number;
  patient_id: number;
  mrn: string;
  first_name: string;
  last_name: string;
  medication: string;
  form: string;
  strength: string;
  dose: string;
  frequency: string;
  starts_on: Date;
  ends_on: Date;
  total: number;
}

/**
 * Active prescriptions ending on local dates today..lastDay (inclusive), by end date and patient, with
 * the medication, its full dose and frequency.
 */
export function prescriptionsEnding(
  db: Db,
  args: PrescriptionsEndingArgs,
): Promise<PrescriptionsEndingRow[]> {
  return many<PrescriptionsEndingRow>(db, prescriptionsEndingQuery, args);
}

// Generated from sql/queries/staff.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).
import { many, one, type Db, type Statement } from '../queries.ts';

export const physicianSpecialtiesQuery: Statement = {
  name: 'PhysicianSpecialties',
  sql: `SELECT ph.specialty, COUNT(*) AS physicians FROM physician ph JOIN staff s ON s.id = ph.staff_id
WHERE s.active GROUP BY ph.specialty ORDER BY physicians DESC, ph.specialty`,
  params: [],
};

export interface PhysicianSpecialtiesRow {
  specialty: string;
  physicians: number;
}

export function physicianSpecialties(db: Db): Promise<PhysicianSpecialtiesRow[]> {
  return many<PhysicianSpecialtiesRow>(db, physicianSpecialtiesQuery);
}

export const physicianWorkloadQuery: Statement = {
  name: 'PhysicianWorkload',
  sql: `SELECT s.id, s.first_name, s.last_name, w.patients, w.treatments
FROM (
  SELECT x.staff_id, COUNT(DISTINCT t.patient_id) AS patients, COUNT(*) AS treatments
  FROM er_treatment t STRAIGHT_JOIN treatment_physician x ON x.treatment_id = t.id
  WHERE t.performed_at >= ? AND t.performed_at < ?
  GROUP BY x.staff_id
) w
JOIN staff s ON s.id = w.staff_id
ORDER BY w.patients DESC, w.treatments DESC, s.last_name, s.id`,
  params: ['from', 'to'],
};

export interface PhysicianWorkloadArgs {
  from: Date;
  to: Date;
}

export interface PhysicianWorkloadRow {
  id: number;
  first_name: string;
  last_name: string;
  patients: number;
  treatments: number;
}

/**
 * Per physician: distinct patients and treatments in [from, to). The window's treatments are read first
 * (STRAIGHT_JOIN: not every treatment of every staff member), counted per person, then named.
 */
export function physicianWorkload(db: Db, args: PhysicianWorkloadArgs): Promise<PhysicianWorkloadRow[]> {
  return many<PhysicianWorkloadRow>(db, physicianWorkloadQuery, args);
}

export const nurseWorkloadQuery: Statement = {
  name: 'NurseWorkload',
  sql: `SELECT s.id, s.first_name, s.last_name, w.patients, w.treatments
FROM (
  SELECT x.staff_id, COUNT(DISTINCT t.patient_id) AS patients, COUNT(*) AS treatments
  FROM er_treatment t STRAIGHT_JOIN treatment_nurse x ON x.treatment_id = t.id
  WHERE t.performed_at >= ? AND t.performed_at < ?
  GROUP BY x.staff_id
) w
JOIN staff s ON s.id = w.staff_id
ORDER BY w.patients DESC, w.treatments DESC, s.last_name, s.id`,
  params: ['from', 'to'],
};

export interface NurseWorkloadArgs {
  from: Date;
  to: Date;
}

export interface NurseWorkloadRow {
  id: number;
  first_name: string;
  last_name: string;
  patients: number;
  treatments: number;
}

/**
 * The same per nurse.
 */
export function nurseWorkload(db: Db, args: NurseWorkloadArgs): Promise<NurseWorkloadRow[]> {
  return many<NurseWorkloadRow>(db, nurseWorkloadQuery, args);
}

export const onShiftQuery: Statement = {
  name: 'OnShift',
  sql: `SELECT s.id, s.first_name, s.last_name, s.staff_type, d.name AS department, sh.starts_at, sh.ends_at,
  COALESCE(ph.specialty, n.qualification, pm.certification) AS detail
FROM shift sh
JOIN staff s ON s.id = sh.staff_id
JOIN department d ON d.id = sh.department_id
LEFT JOIN physician ph ON ph.staff_id = s.id
LEFT JOIN nurse n ON n.staff_id = s.id
LEFT JOIN paramedic pm ON pm.staff_id = s.id
WHERE sh.starts_at <= ? AND sh.ends_at > ? AND s.active AND (? IS NULL OR d.name = ?)
ORDER BY d.name, s.staff_type, s.last_name, s.first_name`,
  params: ['at', 'at', 'department', 'department'],
};

export interface OnShiftArgs {
  at: Date;
  department: string | null;
}

export interface OnShiftRow {
  id: number;
  first_name: string;
  last_name: string;
  staff_type: 'physician' | 'nurse' | 'paramedic';
  department: string;
  starts_at: Date;
  ends_at: Date;
  detail: string | null;
}

/**
 * Staff whose shift covers the instant, optionally in one department (null: all).
 */
export function onShift(db: Db, args: OnShiftArgs): Promise<OnShiftRow[]> {
  return many<OnShiftRow>(db, onShiftQuery, args);
}

export const departmentsQuery: Statement = {
  name: 'Departments',
  sql: `SELECT id, name FROM department ORDER BY name`,
  params: [],
};

export interface DepartmentsRow {
  id: number;
  name: string;
}

export function departments(db: Db): Promise<DepartmentsRow[]> {
  return many<DepartmentsRow>(db, departmentsQuery);
}

export const staffByNameQuery: Statement = {
  name: 'StaffByName',
  sql: `SELECT id, first_name, last_name, staff_type FROM staff
WHERE active AND (first_name LIKE ? OR last_name LIKE ?
  OR CONCAT(first_name, ' ', last_name) LIKE ?)
ORDER BY last_name, first_name LIMIT 25`,
  params: ['pattern', 'pattern', 'pattern'],
};

export interface StaffByNameArgs {
  pattern: string;
}

export interface StaffByNameRow {
  id: number;
  first_name: string;
  last_name: string;
  staff_type: 'physician' | 'nurse' | 'paramedic';
}

/**
 * Active staff whose first, last or full name contains the text. The pattern is a LIKE pattern.
 */
export function staffByName(db: Db, args: StaffByNameArgs): Promise<StaffByNameRow[]> {
  return many<StaffByNameRow>(db, staffByNameQuery, args);
}

export const staffByIdQuery: Statement = {
  name: 'StaffById',
  sql: `SELECT id, first_name, last_name, staff_type FROM staff WHERE id = ?`,
  params: ['id'],
};

export interface StaffByIdArgs {
  id: number;
}

export interface StaffByIdRow {
  id: number;
  first_name: string;
  last_name: string;
  staff_type: 'physician' | 'nurse' | 'paramedic';
}

export function staffById(db: Db, args: StaffByIdArgs): Promise<StaffByIdRow | undefined> {
  return one<StaffByIdRow>(db, staffByIdQuery, args);
}

export const fleetQuery: Statement = {
  name: 'Fleet',
  sql: `SELECT a.id, a.unit_code, a.type, a.status,
  (SELECT GROUP_CONCAT(CONCAT(s.first_name, ' ', s.last_name) ORDER BY s.last_name, s.first_name SEPARATOR ', ')
   FROM ambulance_crew c JOIN staff s ON s.id = c.staff_id WHERE c.ambulance_id = a.id) AS crew,
  cur.dispatch_id, cur.assigned_at, d.severity, d.nature
FROM ambulance a
LEFT JOIN dispatch_unit cur ON cur.ambulance_id = a.id AND cur.cleared_at IS NULL AND cur.assigned_at <= ?
LEFT JOIN ambulance_dispatch d ON d.id = cur.dispatch_id
ORDER BY a.type, a.unit_code`,
  params: ['at'],
};

export interface FleetArgs {
  at: Date;
}

export interface FleetRow {
  id: number;
  unit_code: string;
  type: 'ALS' | 'BLS' | 'PT';
  status: 'available' | 'on_call' | 'maintenance';
  crew: string | null;
  dispatch_id: number | null;
  assigned_at: Date | null;
  severity: 'high' | 'medium' | 'low' | null;
  nature: string | null;
}

/**
 * Every unit with its crew and the call it is on at the instant, if any.
 */
export function fleet(db: Db, args: FleetArgs): Promise<FleetRow[]> {
  return many<FleetRow>(db, fleetQuery, args);
}

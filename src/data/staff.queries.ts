import type { FleetUnit } from '../core/reports/ambulance-fleet.ts';
import { UserError } from '../core/errors.ts';
import { likePattern, many, one, type Db } from './queries.ts';

export const physicianSpecialties = (db: Db) =>
  many<{ specialty: string; physicians: number }>(db, 'PhysicianSpecialties');

export interface WorkloadRow {
  id: number;
  first_name: string;
  last_name: string;
  patients: number;
  treatments: number;
}
/** The link table comes from this whitelist by role, never from input. */
const WORKLOAD = { physician: 'PhysicianWorkload', nurse: 'NurseWorkload' } as const;
export const workload = (db: Db, role: keyof typeof WORKLOAD, from: Date, to: Date) =>
  many<WorkloadRow>(db, WORKLOAD[role], { from, to });

export interface OnShiftRow {
  id: number;
  first_name: string;
  last_name: string;
  staff_type: string;
  department: string;
  starts_at: Date;
  ends_at: Date;
  detail: string | null;
}
export const onShift = (db: Db, at: Date, department: string | null) =>
  many<OnShiftRow>(db, 'OnShift', { at, department });

export const departments = (db: Db) => many<{ id: number; name: string }>(db, 'Departments');

/** The department a typed name means (case-insensitive), or an error listing the real ones. */
export async function resolveDepartment(db: Db, text: string): Promise<string> {
  const all = await departments(db);
  const found = all.find((d) => d.name.toLowerCase() === text.trim().toLowerCase());
  if (!found) {
    throw new UserError(
      'invalid_option',
      `Option \`department\`: no department "${text}". Departments: ${all.map((d) => d.name).join(', ')}.`,
    );
  }
  return found.name;
}

export interface StaffRow {
  id: number;
  first_name: string;
  last_name: string;
  staff_type: string;
}
export function staffByName(db: Db, text: string): Promise<StaffRow[]> {
  return many<StaffRow>(db, 'StaffByName', { pattern: likePattern(text.trim()) });
}

/** The one staff member an option names, by id or by (part of) a name. */
export async function resolveStaff(db: Db, text: string, option: string): Promise<StaffRow> {
  const t = text.trim();
  if (/^\d+$/.test(t)) {
    const s = await one<StaffRow>(db, 'StaffById', { id: Number(t) });
    if (!s) throw new UserError('not_found', `Option \`${option}\`: no staff member has id ${t}.`);
    return s;
  }
  const matches = await staffByName(db, t);
  const exact = matches.filter((m) => `${m.first_name} ${m.last_name}`.toLowerCase() === t.toLowerCase());
  const pick = exact.length === 1 ? exact : matches;
  if (pick.length === 0)
    throw new UserError('not_found', `Option \`${option}\`: no staff member matches "${t}".`);
  if (pick.length > 1) {
    const names = pick.slice(0, 5).map((m) => `${m.first_name} ${m.last_name} (id ${m.id}, ${m.staff_type})`);
    throw new UserError(
      'invalid_option',
      `Option \`${option}\`: several staff match "${t}": ${names.join('; ')}${pick.length > 5 ? '; ...' : ''}. Use the id.`,
    );
  }
  return pick[0] as StaffRow;
}

export interface FleetRow extends FleetUnit {
  id: number;
}
export const fleet = (db: Db, at: Date) => many<FleetRow>(db, 'Fleet', { at });

import * as sql from './sql/staff.generated.ts';
import { UserError } from '../core/errors.ts';
import { likePattern, type Db } from './queries.ts';

export const physicianSpecialties = (db: Db) => sql.physicianSpecialties(db);

export type WorkloadRow = sql.PhysicianWorkloadRow;
/** The link table comes from this whitelist by role, never from input. */
const WORKLOAD = { physician: sql.physicianWorkload, nurse: sql.nurseWorkload };
export const workload = (db: Db, role: keyof typeof WORKLOAD, from: Date, to: Date) =>
  WORKLOAD[role](db, { from, to });

export type OnShiftRow = sql.OnShiftRow;
export const onShift = (db: Db, at: Date, department: string | null) => sql.onShift(db, { at, department });

export const departments = (db: Db) => sql.departments(db);

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

export type StaffRow = sql.StaffByNameRow;
export function staffByName(db: Db, text: string): Promise<StaffRow[]> {
  return sql.staffByName(db, { pattern: likePattern(text.trim()) });
}

/** The one staff member an option names, by id or by (part of) a name. */
export async function resolveStaff(db: Db, text: string, option: string): Promise<StaffRow> {
  const t = text.trim();
  if (/^\d+$/.test(t)) {
    const s = await sql.staffById(db, { id: Number(t) });
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

export type FleetRow = sql.FleetRow;
export const fleet = (db: Db, at: Date) => sql.fleet(db, { at });

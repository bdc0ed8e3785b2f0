import { patientSuggestions } from '../../src/data/patient.queries.ts';
import { departments } from '../../src/data/staff.queries.ts';
import type { Choice, Context } from './command.ts';
import { isoDay } from './format.ts';

/** Suggestions for the shared options; the value sent back is the MRN, which resolves to one patient. */
export async function patientAutocomplete(option: string, value: string, ctx: Context): Promise<Choice[]> {
  if (option !== 'patient') return [];
  const rows = await patientSuggestions(ctx.sql, value);
  return rows.map((r) => ({
    name: `${r.last_name}, ${r.first_name} · ${r.mrn} · born ${isoDay(r.date_of_birth)}`,
    value: r.mrn,
  }));
}

export async function departmentAutocomplete(value: string, ctx: Context): Promise<Choice[]> {
  const all = await departments(ctx.sql);
  const v = value.trim().toLowerCase();
  return all
    .filter((d) => d.name.toLowerCase().includes(v))
    .slice(0, 25)
    .map((d) => ({ name: d.name, value: d.name }));
}

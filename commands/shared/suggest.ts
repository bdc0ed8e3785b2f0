import { isoDay } from '#src/core/format.ts';
import { patientSuggestions } from '#src/data/patient.queries.ts';
import { departments } from '#src/data/staff.queries.ts';
import type { Choice, Context } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';

/** Suggestions for a patient option; the value sent back is the MRN, which resolves to one patient. */
export async function suggestPatients(value: string, ctx: Context): Promise<Choice[]> {
  const rows = await patientSuggestions(ctx.read, value);
  return rows.map((r) => ({
    name: `${r.last_name}, ${r.first_name} · ${r.mrn} · born ${isoDay(r.date_of_birth)}`,
    value: r.mrn,
    patientId: r.id,
  }));
}

export async function suggestDepartments(value: string, ctx: Context): Promise<Choice[]> {
  const all = await departments(ctx.read);
  const v = value.trim().toLowerCase();
  return all
    .filter((d) => d.name.toLowerCase().includes(v))
    .slice(0, 25)
    .map((d) => ({ name: d.name, value: d.name }));
}

/** The patient option of patient commands: required, MRN, id or name, suggested as the person types. */
export const patientOption = () => opt.patient({ suggest: suggestPatients });

import { fullName } from '#src/core/format.ts';
import { localDate } from '#src/core/time.ts';
import { localDay } from '#src/core/window.ts';
import { resolveDepartment, resolveStaff } from '#src/data/staff.queries.ts';
import type { Context } from '#src/runner/command.ts';
import { opt, type OptionValues } from '#src/runner/options.ts';
import { suggestDepartments } from '../shared/suggest.ts';

/** The options of a day's appointments (`/appointments day` and `/appointments schedule`). */
export const dayOptions = {
  date: opt.date({ description: 'Day, YYYY-MM-DD (default today)' }),
  department: opt.string({ description: 'Only this department', max: 80, suggest: suggestDepartments }),
  provider: opt.string({ description: 'Only this provider: staff id or name', max: 80 }),
};

/** The local day and filters those options name; `scope` names the filters ("Cardiology, Ann Lee"). */
export async function dayScope(o: OptionValues<typeof dayOptions>, ctx: Context) {
  const tz = ctx.config.timeZone;
  const date = o.date ?? localDate(tz, ctx.now());
  const w = localDay(date, tz);
  const department = o.department === undefined ? null : await resolveDepartment(ctx.read, o.department);
  const provider = o.provider === undefined ? null : await resolveStaff(ctx.read, o.provider, 'provider');
  const scope = [department, provider ? fullName(provider) : null].filter(Boolean).join(', ');
  return { date, scope, from: w.from, to: w.to, department, staffId: provider?.id ?? null };
}

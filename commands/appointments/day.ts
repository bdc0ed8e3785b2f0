import { fullName } from '#src/core/format.ts';
import { dayScheduleReport } from '#src/core/reports/appointments-day.ts';
import { MAX_ROWS } from '#src/core/reply.ts';
import { localDate } from '#src/core/time.ts';
import { localDay } from '#src/core/window.ts';
import { daySchedule } from '#src/data/appointments.queries.ts';
import { resolveDepartment, resolveStaff } from '#src/data/staff.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';
import { suggestDepartments } from '../shared/suggest.ts';
import { shownTo } from '../shared/audience.ts';

export default defineSubcommand({
  name: 'day',
  description: "A day's schedule, by department or provider",
  sensitivity: 'aggregate',
  options: {
    date: opt.date({ description: 'Day, YYYY-MM-DD (default today)' }),
    department: opt.string({ description: 'Only this department', max: 80, suggest: suggestDepartments }),
    provider: opt.string({ description: 'Only this provider: staff id or name', max: 80 }),
  },
  async run(o, ctx, caller) {
    const tz = ctx.config.timeZone;
    const date = o.date ?? localDate(tz, ctx.now());
    const w = localDay(date, tz);
    const department = o.department === undefined ? null : await resolveDepartment(ctx.read, o.department);
    const provider = o.provider === undefined ? null : await resolveStaff(ctx.read, o.provider, 'provider');
    const rows = await daySchedule(ctx.read, {
      from: w.from,
      to: w.to,
      department,
      staffId: provider?.id ?? null,
      limit: MAX_ROWS,
    });
    const scope = [department, provider ? fullName(provider) : null].filter(Boolean).join(', ');
    return shownTo(caller, ctx, dayScheduleReport(date, scope, rows, tz, ctx.now()));
  },
});

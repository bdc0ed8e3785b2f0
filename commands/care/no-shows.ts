import { noShowsReport } from '#src/core/reports/care-no-shows.ts';
import { appointmentOutcomes } from '#src/data/care.queries.ts';
import { resolveDepartment } from '#src/data/staff.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';
import { shownTo } from '../shared/audience.ts';
import { suggestDepartments } from '../shared/suggest.ts';

export default defineSubcommand({
  name: 'no-shows',
  description: 'No-show and cancellation rates by department, weekday and hour of day',
  sensitivity: 'aggregate',
  options: {
    window: opt.window('30d'),
    department: opt.string({ description: 'Only this department', max: 80, suggest: suggestDepartments }),
  },
  async run(o, ctx, caller) {
    const now = ctx.now();
    const department =
      o.department === undefined ? undefined : await resolveDepartment(ctx.read, o.department);
    const rows = await appointmentOutcomes(ctx.read, o.window.from, o.window.to, new Date(now));
    const mine = department === undefined ? rows : rows.filter((r) => r.department === department);
    return shownTo(caller, ctx, noShowsReport(mine, department, o.window, ctx.config.timeZone, now));
  },
});

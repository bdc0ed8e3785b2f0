import { noShowsReport } from '#src/core/reports/care-no-shows.ts';
import { appointmentOutcomes } from '#src/data/care.queries.ts';
import { resolveDepartment } from '#src/data/staff.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';
import { suggestDepartments } from '../shared/suggest.ts';

// Answered privately: its tables overlap (several breakdowns of the same visits plus an `all` row), which
// the public view's small-cell rule (src/core/public-view.ts) does not yet cover, so it is never posted in
// the channel.
export default defineSubcommand({
  name: 'no-shows',
  description: 'No-show and cancellation rates by department, weekday and hour of day',
  sensitivity: 'aggregate',
  private: true,
  options: {
    window: opt.window('30d'),
    department: opt.string({ description: 'Only this department', max: 80, suggest: suggestDepartments }),
  },
  async run(o, ctx) {
    const now = ctx.now();
    const department =
      o.department === undefined ? undefined : await resolveDepartment(ctx.read, o.department);
    const rows = await appointmentOutcomes(ctx.read, o.window.from, o.window.to, new Date(now));
    const mine = department === undefined ? rows : rows.filter((r) => r.department === department);
    return noShowsReport(mine, department, o.window, ctx.config.timeZone, now);
  },
});

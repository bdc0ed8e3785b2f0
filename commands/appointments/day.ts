import { dayCountsReport } from '#src/core/reports/appointments-day.ts';
import { dayCounts } from '#src/data/appointments.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { shownTo } from '../shared/audience.ts';
import { dayOptions, dayScope } from './day-scope.ts';

export default defineSubcommand({
  name: 'day',
  description: "A day's appointments counted by hour, provider and status",
  sensitivity: 'aggregate',
  options: dayOptions,
  async run(o, ctx, caller) {
    const day = await dayScope(o, ctx);
    const rows = await dayCounts(ctx.read, day);
    return shownTo(caller, ctx, dayCountsReport(day.date, day.scope, rows, ctx.config.timeZone, ctx.now()));
  },
});

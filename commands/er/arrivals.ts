import { arrivalsReport } from '#src/core/reports/er-arrivals.ts';
import { arrivalsByCondition } from '#src/data/er.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';
import { shownTo } from '../shared/audience.ts';

export default defineSubcommand({
  name: 'arrivals',
  description: 'ER arrivals by condition on arrival and triage level',
  sensitivity: 'aggregate',
  options: { window: opt.window('24h') },
  async run({ window: w }, ctx, caller) {
    const rows = await arrivalsByCondition(ctx.read, w.from, w.to);
    return shownTo(caller, ctx, arrivalsReport(rows, w, ctx.config.timeZone, ctx.now()));
  },
});

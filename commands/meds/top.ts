import { medsTopReport, windowDates } from '#src/core/reports/meds-top.ts';
import { topMedications } from '#src/data/meds.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';
import { shownTo } from '../shared/audience.ts';

const TOP = 15;

export default defineSubcommand({
  name: 'top',
  description: 'Most-prescribed medications',
  sensitivity: 'aggregate',
  options: { window: opt.window('30d') },
  async run({ window: w }, ctx, caller) {
    const tz = ctx.config.timeZone;
    const [first, last] = windowDates(w, tz);
    const rows = await topMedications(ctx.read, first, last, TOP);
    return shownTo(caller, ctx, medsTopReport(rows, w, tz, ctx.now()));
  },
});

import { censusReport } from '#src/core/reports/er-census.ts';
import { censusByCondition, censusLongestWaits } from '#src/data/er.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { shownTo } from '../shared/audience.ts';

export default defineSubcommand({
  name: 'census',
  description: 'Who is in the ER now, by condition and triage level',
  sensitivity: 'aggregate',
  options: {},
  async run(_o, ctx, caller) {
    const now = ctx.now();
    const [cells, waits] = await Promise.all([
      censusByCondition(ctx.read, new Date(now)),
      censusLongestWaits(ctx.read, new Date(now)),
    ]);
    return shownTo(caller, ctx, censusReport(cells, waits, ctx.config.timeZone, now));
  },
});

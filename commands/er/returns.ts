import { returnsReport } from '#src/core/reports/er-returns.ts';
import { returnCandidates, returnVisits } from '#src/data/flow.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';
import { shownTo } from '../shared/audience.ts';

export default defineSubcommand({
  name: 'returns',
  description: '72-hour return visits: count and rate, by condition and decision on the first visit',
  sensitivity: 'aggregate',
  options: { window: opt.window('30d') },
  async run({ window: w }, ctx, caller) {
    const [returns, candidates] = await Promise.all([
      returnVisits(ctx.read, w.from, w.to),
      returnCandidates(ctx.read, w.from, w.to),
    ]);
    return shownTo(caller, ctx, returnsReport(returns, candidates, w, ctx.config.timeZone, ctx.now()));
  },
});

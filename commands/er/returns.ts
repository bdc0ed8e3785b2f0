import { returnsReport } from '#src/core/reports/er-returns.ts';
import { returnCandidates, returnVisits } from '#src/data/flow.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';

// Answered privately: its tables overlap (several breakdowns of the same visits plus an `all` row), which
// the public view's small-cell rule (src/core/public-view.ts) does not yet cover, so it is never posted in
// the channel.
export default defineSubcommand({
  name: 'returns',
  description: '72-hour return visits: count and rate, by condition and decision on the first visit',
  sensitivity: 'aggregate',
  private: true,
  options: { window: opt.window('30d') },
  async run({ window: w }, ctx) {
    const [returns, candidates] = await Promise.all([
      returnVisits(ctx.read, w.from, w.to),
      returnCandidates(ctx.read, w.from, w.to),
    ]);
    return returnsReport(returns, candidates, w, ctx.config.timeZone, ctx.now());
  },
});

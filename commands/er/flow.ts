import { FLOW_GROUPINGS, flowReport } from '#src/core/reports/er-flow.ts';
import { flowVisits } from '#src/data/flow.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';
import { shownTo } from '../shared/audience.ts';

export default defineSubcommand({
  name: 'flow',
  description: 'Door to treatment, length of stay, boarding and left without being seen',
  sensitivity: 'aggregate',
  options: {
    window: opt.window('7d'),
    by: opt.choice(FLOW_GROUPINGS, {
      description: 'Group by (default triage level)',
      labels: { triage: 'triage level', arrival_mode: 'arrival mode' },
    }),
  },
  async run({ by, window: w }, ctx, caller) {
    const visits = await flowVisits(ctx.read, w.from, w.to);
    return shownTo(caller, ctx, flowReport(visits, by ?? 'triage', w, ctx.config.timeZone, ctx.now()));
  },
});

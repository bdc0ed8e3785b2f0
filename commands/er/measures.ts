import { measuresReport } from '#src/core/reports/er-measures.ts';
import { boardersAt, measureVisits } from '#src/data/flow.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';
import { shownTo } from '../shared/audience.ts';

export default defineSubcommand({
  name: 'measures',
  description: 'Standard ED measures: OP-18, ED-1, ED-2, door to provider, LWBS, LBTC, ECAT, returns',
  sensitivity: 'aggregate',
  options: { window: opt.window('30d') },
  async run(o, ctx, caller) {
    const [visits, boarding] = await Promise.all([
      measureVisits(ctx.read, o.window.from, o.window.to),
      boardersAt(ctx.read, new Date(ctx.now())),
    ]);
    const body = measuresReport(visits, boarding, o.window, ctx.config.timeZone, ctx.now());
    return shownTo(caller, ctx, body);
  },
});

import { treatmentsReport } from '#src/core/reports/er-treatments.ts';
import { treatmentCountsByType } from '#src/data/er.pipeline.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';
import { shownTo } from '../shared/audience.ts';

export default defineSubcommand({
  name: 'treatments',
  description: 'ER treatment types ranked by frequency',
  sensitivity: 'aggregate',
  options: { window: opt.window('7d') },
  async run({ window: w }, ctx, caller) {
    const rows = await treatmentCountsByType(ctx.mongo, w.from, w.to);
    return shownTo(caller, ctx, treatmentsReport(rows, w, ctx.config.timeZone, ctx.now()));
  },
});

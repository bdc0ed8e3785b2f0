import { treatmentsReport } from '../../src/core/reports/er-treatments.ts';
import { ER_TREATMENTS, type ErTreatmentDoc } from '../../src/data/documents.ts';
import { treatmentTypeCounts } from '../../src/data/er.pipeline.ts';
import { defineSubcommand } from '../../src/runner/command.ts';
import { opt } from '../../src/runner/options.ts';

export default defineSubcommand({
  name: 'treatments',
  description: 'ER treatment types ranked by frequency',
  sensitivity: 'aggregate',
  options: { window: opt.window('7d') },
  async run({ window: w }, ctx) {
    // TODO(lead): typed pipeline function
    const rows = await ctx.mongo
      .collection<ErTreatmentDoc>(ER_TREATMENTS)
      .aggregate<{ _id: string; n: number }>(treatmentTypeCounts(w.from, w.to))
      .toArray();
    return treatmentsReport(rows, w, ctx.config.timeZone, ctx.now());
  },
});

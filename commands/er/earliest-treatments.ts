import { earliestTreatmentsReport } from '#src/core/reports/er-earliest-treatments.ts';
import { TREATMENT_TYPES } from '#src/core/vocabulary.ts';
import { EARLIEST_KEPT } from '#src/data/er.buckets.ts';
import { earliestTreatments } from '#src/data/er.pipeline.ts';
import { patientNames } from '#src/data/er.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';

export default defineSubcommand({
  name: 'earliest-treatments',
  description: 'The earliest recorded treatments of a type',
  sensitivity: 'phi',
  options: {
    type: opt.choice(TREATMENT_TYPES, { description: 'Treatment type', required: true }),
    count: opt.integer({ description: 'How many (default 10)', min: 1, max: EARLIEST_KEPT }),
  },
  async run({ type, count }, ctx) {
    const docs = await earliestTreatments(ctx.mongo, type, count ?? 10);
    const names = await patientNames(
      ctx.read,
      docs.map((d) => d.patientId),
    );
    return earliestTreatmentsReport(type, docs, names, ctx.config.timeZone, ctx.now());
  },
});

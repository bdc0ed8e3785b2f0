import { earliestTreatmentsReport } from '../../src/core/reports/er-earliest-treatments.ts';
import { TREATMENT_TYPES } from '../../src/core/vocabulary.ts';
import { ER_TREATMENTS, type ErTreatmentDoc } from '../../src/data/documents.ts';
import { earliestTreatmentsOfType } from '../../src/data/er.pipeline.ts';
import { patientNames } from '../../src/data/er.queries.ts';
import { defineSubcommand } from '../../src/runner/command.ts';
import { opt } from '../../src/runner/options.ts';

export default defineSubcommand({
  name: 'earliest-treatments',
  description: 'The earliest recorded treatments of a type',
  sensitivity: 'phi',
  options: {
    type: opt.choice(TREATMENT_TYPES, { description: 'Treatment type', required: true }),
    count: opt.integer({ description: 'How many (default 10)', min: 1, max: 50 }),
  },
  async run({ type, count }, ctx) {
    // TODO(lead): typed pipeline function
    const docs = await ctx.mongo
      .collection<ErTreatmentDoc>(ER_TREATMENTS)
      .aggregate<Pick<ErTreatmentDoc, '_id' | 'visitId' | 'patientId' | 'performedAt' | 'outcome'>>(
        earliestTreatmentsOfType(type, count ?? 10),
      )
      .toArray();
    const names = await patientNames(
      ctx.sql,
      docs.map((d) => d.patientId),
    );
    return earliestTreatmentsReport(type, docs, names, ctx.config.timeZone, ctx.now());
  },
});

import { neverTreatedReport } from '#src/core/reports/patient-never-treated.ts';
import { MAX_ROWS } from '#src/core/reply.ts';
import { TREATMENT_TYPES } from '#src/core/vocabulary.ts';
import { neverTreatedWith } from '#src/data/patient.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';

export default defineSubcommand({
  name: 'never-treated',
  description: 'Patients seen in the ER who never received a treatment type',
  sensitivity: 'phi',
  options: {
    type: opt.choice(TREATMENT_TYPES, { description: 'Treatment type', required: true }),
    window: opt.window('30d'),
  },
  async run({ type, window: w }, ctx) {
    const rows = await neverTreatedWith(ctx.read, type, w.from, w.to, MAX_ROWS);
    return {
      ...neverTreatedReport(type, rows, w, ctx.config.timeZone, ctx.now()),
      patientIds: rows.map((r) => r.id),
    };
  },
});

import { MAX_ROWS } from '#src/core/reply.ts';
import { gapsReport } from '#src/core/reports/care-gaps.ts';
import { careGaps } from '#src/data/care.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';

export default defineSubcommand({
  name: 'gaps',
  description: 'Discharged patients with no clinic appointment within 7 days, oldest first, to call',
  sensitivity: 'phi',
  options: { window: opt.window('30d') },
  async run({ window: w }, ctx) {
    const now = ctx.now();
    const gaps = await careGaps(ctx.read, w.from, w.to, new Date(now), MAX_ROWS);
    return {
      ...gapsReport(gaps, w, ctx.config.timeZone, now),
      patientIds: [...new Set(gaps.map((g) => g.patient_id))],
    };
  },
});

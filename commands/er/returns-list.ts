import { MAX_ROWS } from '#src/core/reply.ts';
import { returnsListReport } from '#src/core/reports/er-returns-list.ts';
import { returnVisits } from '#src/data/flow.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';

export default defineSubcommand({
  name: 'returns-list',
  description: 'Patients who came back within 72 hours, with both visits',
  sensitivity: 'phi',
  options: { window: opt.window('7d') },
  async run({ window: w }, ctx) {
    const returns = await returnVisits(ctx.read, w.from, w.to);
    const shown = returns.slice(0, MAX_ROWS);
    return {
      ...returnsListReport(returns, w, ctx.config.timeZone, ctx.now()),
      patientIds: [...new Set(shown.map((r) => r.patient_id))],
    };
  },
});

import { MAX_ROWS } from '#src/core/reply.ts';
import { recentTreatmentsReport } from '#src/core/reports/er-recent-treatments.ts';
import { latestTreatmentPerPatient } from '#src/data/er.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';

export default defineSubcommand({
  name: 'recent-treatments',
  description: "Each patient's most recent ER treatment",
  sensitivity: 'phi',
  options: { window: opt.window('24h') },
  async run({ window: w }, ctx) {
    const rows = await latestTreatmentPerPatient(ctx.read, w.from, w.to, MAX_ROWS);
    return recentTreatmentsReport(rows, w, ctx.config.timeZone, ctx.now());
  },
});

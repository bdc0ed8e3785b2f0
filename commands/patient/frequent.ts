import { frequentReport } from '#src/core/reports/patient-frequent.ts';
import { MAX_ROWS } from '#src/core/reply.ts';
import { frequentlyTreated } from '#src/data/patient.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';

export default defineSubcommand({
  name: 'frequent',
  description: 'Patients with more ER treatments than the average patient',
  sensitivity: 'phi',
  options: { window: opt.window('30d') },
  async run({ window: w }, ctx) {
    const rows = await frequentlyTreated(ctx.read, w.from, w.to, MAX_ROWS);
    return {
      ...frequentReport(rows, w, ctx.config.timeZone, ctx.now()),
      patientIds: rows.map((r) => r.id),
    };
  },
});

import { MAX_ROWS } from '#src/core/reply.ts';
import { medsEndingReport } from '#src/core/reports/meds-ending.ts';
import { addDays, localDate } from '#src/core/time.ts';
import { prescriptionsEnding } from '#src/data/care.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';

export default defineSubcommand({
  name: 'ending',
  description: 'Active prescriptions that end within the next days, by patient',
  sensitivity: 'phi',
  options: { days: opt.integer({ description: 'Within this many days (default 7)', min: 1, max: 90 }) },
  async run(o, ctx) {
    const days = o.days ?? 7;
    const today = localDate(ctx.config.timeZone, ctx.now());
    const lastDay = addDays(today, days);
    const rows = await prescriptionsEnding(ctx.read, today, lastDay, MAX_ROWS);
    return {
      ...medsEndingReport(rows, days, today, lastDay, ctx.config.timeZone, ctx.now()),
      patientIds: [...new Set(rows.map((r) => r.patient_id))],
    };
  },
});

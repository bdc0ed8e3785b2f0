import { requireAmbulanceRecords } from '#src/data/ambulance.queries.ts';
import { MAX_ROWS } from '#src/core/reply.ts';
import { symptomReport } from '#src/core/reports/er-symptom.ts';
import { symptomMatches } from '#src/data/er.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';

export default defineSubcommand({
  name: 'symptom',
  description: 'Patients whose assessment mentions a term, and callers reporting it',
  sensitivity: 'phi',
  options: {
    term: opt.string({ description: 'Symptom or term, e.g. chest pain', required: true, min: 3, max: 60 }),
    window: opt.window('30d'),
  },
  async run(o, ctx) {
    await requireAmbulanceRecords(ctx.read, '/er symptom');
    const rows = await symptomMatches(ctx.read, o.term, o.window.from, o.window.to, MAX_ROWS);
    return symptomReport(rows, o.term, o.window, ctx.config.timeZone, ctx.now());
  },
});

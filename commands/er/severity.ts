import { requireAmbulanceRecords } from '#src/data/ambulance.queries.ts';
import { MAX_ROWS } from '#src/core/reply.ts';
import { severityReport } from '#src/core/reports/er-severity.ts';
import { SEVERITIES } from '#src/core/vocabulary.ts';
import { incidentsOfSeverity, natureCountsOfSeverity } from '#src/data/er.pipeline.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';
import { shownTo } from '../shared/audience.ts';

export default defineSubcommand({
  name: 'severity',
  description: 'Dispatch incidents of a severity, with counts by nature',
  sensitivity: 'aggregate',
  options: {
    level: opt.choice(SEVERITIES, { description: 'Dispatch severity', required: true }),
    window: opt.window('7d'),
  },
  async run({ level, window: w }, ctx, caller) {
    await requireAmbulanceRecords(ctx.read, '/er severity');
    const [incidents, natures] = await Promise.all([
      incidentsOfSeverity(ctx.mongo, level, w.from, w.to, MAX_ROWS),
      natureCountsOfSeverity(ctx.mongo, level, w.from, w.to),
    ]);
    return shownTo(caller, ctx, severityReport(level, incidents, natures, w, ctx.config.timeZone, ctx.now()));
  },
});

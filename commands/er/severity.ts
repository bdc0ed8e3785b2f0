import { MAX_ROWS } from '../../src/core/reply.ts';
import { severityReport } from '../../src/core/reports/er-severity.ts';
import { SEVERITIES } from '../../src/core/vocabulary.ts';
import { DISPATCH_INCIDENTS, type DispatchIncidentDoc } from '../../src/data/documents.ts';
import { incidentsBySeverity, natureCountsForSeverity } from '../../src/data/er.pipeline.ts';
import { defineSubcommand } from '../../src/runner/command.ts';
import { opt } from '../../src/runner/options.ts';

export default defineSubcommand({
  name: 'severity',
  description: 'Dispatch incidents of a severity, with counts by nature',
  sensitivity: 'aggregate',
  options: {
    level: opt.choice(SEVERITIES, { description: 'Dispatch severity', required: true }),
    window: opt.window('7d'),
  },
  async run({ level, window: w }, ctx) {
    // TODO(lead): typed pipeline function
    const coll = ctx.mongo.collection<DispatchIncidentDoc>(DISPATCH_INCIDENTS);
    const [incidents, natures] = await Promise.all([
      coll.aggregate<DispatchIncidentDoc>(incidentsBySeverity(level, w.from, w.to, MAX_ROWS)).toArray(),
      coll.aggregate<{ _id: string; n: number }>(natureCountsForSeverity(level, w.from, w.to)).toArray(),
    ]);
    return severityReport(level, incidents, natures, w, ctx.config.timeZone, ctx.now());
  },
});

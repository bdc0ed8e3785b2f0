import { requireAmbulanceRecords } from '#src/data/ambulance.queries.ts';
import { RESPONSE_GROUPS, responseTimesReport } from '#src/core/reports/er-response-times.ts';
import { dispatchResponseLegs } from '#src/data/er.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';
import { shownTo } from '../shared/audience.ts';

export default defineSubcommand({
  name: 'response-times',
  description: 'Call-to-scene, scene-to-hospital and call-to-arrival minutes: median and 90th percentile',
  sensitivity: 'aggregate',
  options: {
    by: opt.choice(RESPONSE_GROUPS, {
      description: 'Group by (default severity)',
      labels: { ambulance_type: 'ambulance type' },
    }),
    window: opt.window('7d'),
  },
  async run({ by, window: w }, ctx, caller) {
    await requireAmbulanceRecords(ctx.read, '/er response-times');
    const legs = await dispatchResponseLegs(ctx.read, w.from, w.to);
    return shownTo(
      caller,
      ctx,
      responseTimesReport(by ?? 'severity', legs, w, ctx.config.timeZone, ctx.now()),
    );
  },
});

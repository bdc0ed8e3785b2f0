import { trendsReport } from '../../src/core/reports/er-trends.ts';
import type { TimeWindow } from '../../src/core/window.ts';
import { eventBuckets, TREND_METRICS, type TrendMetric } from '../../src/data/er.queries.ts';
import { defineSubcommand } from '../../src/runner/command.ts';
import { opt } from '../../src/runner/options.ts';

const METRICS = Object.keys(TREND_METRICS) as TrendMetric[];

/**
 * Whether the window rolls up to now (`window:`) rather than covering whole `from:`/`to:` days. The
 * runner hands `run` the resolved window only, and only a rolling window's phrase reads "in the ...".
 * TODO(lead): let TimeWindow say so itself.
 */
const isRolling = (w: TimeWindow) => w.phrase.startsWith('in the ');

export default defineSubcommand({
  name: 'trends',
  description: 'ER arrivals, treatments or dispositions per day',
  sensitivity: 'aggregate',
  options: {
    metric: opt.choice(METRICS, { description: 'What to count (default arrivals)' }),
    window: opt.window('30d'),
  },
  async run(o, ctx) {
    const metric = o.metric ?? 'arrivals';
    const buckets = await eventBuckets(ctx.sql, metric, o.window.from, o.window.to);
    return trendsReport(buckets, metric, o.window, isRolling(o.window), ctx.config.timeZone, ctx.now());
  },
});

import { trendsReport } from '#src/core/reports/er-trends.ts';
import { eventBuckets, TREND_METRICS, type TrendMetric } from '#src/data/er.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';
import { opt } from '#src/runner/options.ts';
import { shownTo } from '../shared/audience.ts';

const METRICS = Object.keys(TREND_METRICS) as TrendMetric[];

export default defineSubcommand({
  name: 'trends',
  description: 'ER arrivals, treatments or dispositions per day',
  sensitivity: 'aggregate',
  options: {
    metric: opt.choice(METRICS, { description: 'What to count (default arrivals)' }),
    window: opt.window('30d'),
  },
  async run(o, ctx, caller) {
    const metric = o.metric ?? 'arrivals';
    const buckets = await eventBuckets(ctx.read, metric, o.window.from, o.window.to);
    return shownTo(
      caller,
      ctx,
      trendsReport(buckets, metric, o.window, o.window.rolling, ctx.config.timeZone, ctx.now()),
    );
  },
});

/**
 * The memory part of the speed benchmark, run by test/bench/bench.ts with plain node on the compiled dist/
 * (as `npm start` runs the bot: no TypeScript loader in the process). Runs the mixed command lines given
 * as JSON in argv[3], `count` of them in turn, drawing each chart, and prints one JSON line: the first and
 * second chart's render time, RSS right after the last command and once its garbage is collected, and the
 * peak RSS seen between commands.
 */
import console from 'node:console';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { setTimeout } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { commands } from '../../dist/commands/index.js';
import { loadConfig } from '../../dist/src/config.js';
import { parseCommandLine } from '../../dist/src/console/parse.js';
import { openContext } from '../../dist/src/context.js';
import { renderChart } from '../../dist/src/render/chart.js';
import { execute } from '../../dist/src/runner/execute.js';

const count = Number(process.argv[2]);
const lines = JSON.parse(process.argv[3] ?? '[]');
const now = Date.parse(process.argv[4] ?? '');
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const { ctx, close } = await openContext(config, () => now);
const actor = { source: 'console', actorId: 'bench' };
const charts = [];
let peak = 0;
for (let i = 0; i < count; i++) {
  const outcome = await execute(commands, parseCommandLine(lines[i % lines.length], commands), ctx, actor);
  if (outcome.kind === 'reply' && outcome.reply.chart) {
    const t = performance.now();
    await renderChart(outcome.reply.chart, config.charts);
    if (charts.length < 2) charts.push(performance.now() - t);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
}
await close();
const mb = (b) => Math.round(b / 2 ** 20);
const rssAfterMb = mb(process.memoryUsage().rss);
// Steady: once the garbage of the last commands is collected, as it is in a bot between bursts.
setFlagsFromString('--expose-gc');
runInNewContext('gc')();
await setTimeout(500);
const ms = (x) => (x === undefined ? null : Math.round(x * 10) / 10);
console.log(
  JSON.stringify({
    firstChartMs: ms(charts[0]),
    nextChartMs: ms(charts[1]),
    rssAfterMb,
    rssSteadyMb: mb(process.memoryUsage().rss),
    rssPeakMb: mb(peak),
    heapUsedMb: mb(process.memoryUsage().heapUsed),
    count,
  }),
);

import { commands } from '../../commands/index.ts';
import { loadConfig } from '../../src/config.ts';
import { parseCommandLine } from '../../src/console/parse.ts';
import { openContext } from '../../src/context.ts';
import { execute } from '../../src/runner/execute.ts';
const line = process.argv[2]!;
const n = Number(process.argv[3] ?? 12);
const config = loadConfig({
  MYSQL_URL: 'mysql://root@127.0.0.1:3306/hers_bench_s5',
  MONGODB_URI: process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017',
  MONGODB_DB: 'hers_bench_s5',
  TZ: 'America/New_York',
  LOG_LEVEL: 'silent',
});
const now = Date.parse('2026-11-01T12:00:00Z');
const { ctx, close } = await openContext(config, () => now);
const times: number[] = [];
for (let i = 0; i < n; i++) {
  const t = performance.now();
  const o = await execute(commands, parseCommandLine(line, commands), ctx, {
    source: 'console',
    actorId: 'bench',
  });
  if (o.kind !== 'reply') throw new Error(o.kind);
  if (i > 1) times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(line, 'median', times[Math.floor(times.length / 2)]!.toFixed(1), 'min', times[0]!.toFixed(1));
await close();

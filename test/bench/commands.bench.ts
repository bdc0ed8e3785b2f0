/**
 * Times every subcommand and patient autocomplete on a scale-1 hospital (a year, about 100,000 ER visits),
 * in databases of its own that it drops afterwards. Reports medians; asserts nothing.
 *
 *   npm run bench:commands [-- --scale 1 --runs 3]
 */
import { parseArgs } from 'node:util';
import { commands } from '../../commands/index.ts';
import { parseCommandLine } from '../../src/console/parse.ts';
import { openContext } from '../../src/context.ts';
import { runSeed } from '../../src/data/seed/seed.ts';
import { execute } from '../../src/runner/execute.ts';
import { withScratchDatabases } from './scratch.ts';

const LINES = [
  '/patient search name:lee',
  '/patient lookup patient:MRN1000080',
  '/patient history patient:MRN1000080',
  '/patient frequent window:1y',
  '/patient never-treated type:Surgery window:30d',
  '/er severity level:high window:1y',
  '/er treatments window:1y',
  '/er earliest-treatments type:Casting',
  '/er recent-treatments window:7d',
  '/er arrivals window:1y',
  '/er response-times window:1y',
  '/er response-times window:30d by:ambulance_type',
  '/er dispositions window:1y',
  '/er trends metric:arrivals window:1y',
  '/er census',
  '/er length-of-stay window:1y',
  '/er symptom term:chest pain window:90d',
  '/er assessments window:1y',
  '/staff specialties',
  '/staff workload role:nurse window:1y',
  '/staff on-shift',
  '/ambulance fleet',
  '/appointments day',
  '/appointments patient patient:MRN1000080',
  '/meds patient patient:MRN1000080',
  '/meds top window:1y',
  '/summary',
];

const { values } = parseArgs({
  options: { scale: { type: 'string', default: '1' }, runs: { type: 'string', default: '3' } },
});
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

await withScratchDatabases(async (config, services) => {
  const now = Date.now();
  await runSeed(config, { scale: Number(values.scale), seed: 1, end: now }, () => undefined);
  const { ctx, close } = await openContext(config, () => now);
  try {
    console.log(`scale ${values.scale}, ${runs} runs each, median ms (${services.mongoKind})`);
    for (const line of LINES) {
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        const outcome = await execute(commands, parseCommandLine(line, commands), ctx, {
          source: 'console',
          actorId: 'bench',
        });
        times.push(performance.now() - t);
        if (outcome.kind !== 'reply') throw new Error(`${line}: ${outcome.kind}`);
        rows = outcome.reply.table?.rows.length ?? 0;
      }
      console.log(`${median(times).toFixed(0).padStart(6)} ms  ${String(rows).padStart(4)} rows  ${line}`);
    }
    const suggest = commands.get('patient')?.subcommands.get('lookup')?.options.patient?.suggest;
    for (const text of ['s', 'smi', 'Ann', 'MRN10004', '42']) {
      const times: number[] = [];
      let n = 0;
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        n = (await suggest?.(text, ctx))?.length ?? 0;
        times.push(performance.now() - t);
      }
      console.log(
        `${median(times).toFixed(1).padStart(6)} ms  ${String(n).padStart(4)} choices  autocomplete patient "${text}"`,
      );
    }
  } finally {
    await close();
  }
});

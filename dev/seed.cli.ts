import { createInterface } from 'node:readline/promises';
import { describeHolding, MAX_SCALE, parseSeedOptions, runSeed, type HeldData } from './seed/seed.ts';
import { progressReporter } from '../src/cli/progress.ts';
import { parseFlags, readConfig, runCli } from '../src/cli/run.ts';

const USAGE = 'npm run db:seed -- [--scale S] [--seed N] [--end DATE] [--replace]';
const HELP = `usage: ${USAGE}

Loads synthetic hospital data into MySQL and MongoDB (same ids in both), replacing their domain data.
Stores that already hold any domain data (any of its MySQL tables, or either MongoDB collection) are
refused unless --replace is given; on a terminal you are then asked to type the database name.
  --scale S   size: 1 is one year of a busy ER (about 100,000 visits); 0 < S <= ${MAX_SCALE}; default 0.1
  --seed N    random seed; the same seed and --end give the same data; default 1
  --end DATE  when the data ends: 2026-03-01 (end of that UTC day) or 2026-03-01T06:00:00Z; default now
  --replace   replace stores that already hold data`;

const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** On a terminal, --replace is confirmed by typing the database name back. */
async function typedBack(held: HeldData): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(
      `db:seed: ${held.database} holds ${describeHolding(held)}, and ` +
        `${held.auditRows.toLocaleString('en-US')} audit rows. Type the database name to replace them: `,
    );
    return answer.trim() === held.database;
  } finally {
    rl.close();
  }
}

runCli('db:seed', USAGE, async () => {
  const { values } = parseFlags(process.argv.slice(2), {
    scale: { type: 'string' },
    seed: { type: 'string' },
    end: { type: 'string' },
    replace: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const opts = { ...parseSeedOptions(values, Date.now()), replace: values.replace === true };
  const config = readConfig();
  console.log(
    `seeding scale ${opts.scale}, seed ${opts.seed}, ending ${new Date(opts.end).toISOString()} (${config.timeZone})`,
  );
  const bar = progressReporter('seeding');
  const result = await runSeed(
    config,
    opts,
    (done, total, what) => bar.update(done, total, what),
    process.stdin.isTTY ? typedBack : undefined,
  );
  bar.finish();
  const visits = result.tables.find((t) => t.name === 'er_visit')?.rows ?? 0;
  console.log(
    `seeded ${result.days} days: ${visits.toLocaleString('en-US')} ER visits, ` +
      `${result.sqlRows.toLocaleString('en-US')} SQL rows and ${result.mongoDocs.toLocaleString('en-US')} Mongo documents ` +
      `in ${seconds(result.totalMs)} s (${Math.round(result.sqlRows / (result.totalMs / 1000)).toLocaleString('en-US')} SQL rows/s; ` +
      `generating took ${seconds(result.generateMs)} s of it, loading ran meanwhile)`,
  );
});

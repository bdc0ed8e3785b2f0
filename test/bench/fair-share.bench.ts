/**
 * Fair share (issue 18): how long a member's `/patient lookup` takes while another member floods one-year
 * reports, through what the Discord command handler runs for each command (src/discord/fair-share.ts: the
 * member's fair share, the patient rate limit, the command and its audit row), in one process:
 *   - idle: the lookups alone
 *   - flooding: one member firing 120 `/er arrivals window:1y` at once, and again as soon as all are answered
 *   - flooding without fair share: the same, as the bot ran before it (one pool, no per-member limits)
 * Each phase times `--lookups` lookups one after another (p50, p99) and counts those answered "temporarily
 * unavailable". Reports; asserts nothing.
 *
 *   npx tsx test/bench/fair-share.bench.ts [--scale 1] [--lookups 100]   (seeds scratch databases)
 *   npm run bench runs it on its smallest scale (--fair 0 leaves it out)
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { RowDataPacket } from 'mysql2/promise';
import { commands } from '../../commands/index.ts';
import { runSeed } from '../../dev/seed/seed.ts';
import type { Config } from '../../src/config.ts';
import { parseCommandLine } from '../../src/console/parse.ts';
import { openContext } from '../../src/context.ts';
import { percentile } from '../../src/core/stats.ts';
import { fairShare, type Ran } from '../../src/discord/fair-share.ts';
import { createLogger } from '../../src/log.ts';
import type { Context } from '../../src/runner/command.ts';
import type { Actor } from '../../src/runner/execute.ts';
import { resolveInvocation } from '../../src/runner/invocation.ts';
import { withScratchDatabases } from './scratch.ts';

const FLOOD = 120;
const FLOOD_LINE = '/er arrivals window:1y';

export interface LookupFigures {
  p50Ms: number;
  p99Ms: number;
  /** Lookups answered "temporarily unavailable" (or anything but the patient). */
  unavailable: number;
}

export interface FairShareFigures {
  lookups: number;
  idle: LookupFigures;
  flooding: LookupFigures & { floodAnswered: number; floodSlowedDown: number };
  floodingWithout: LookupFigures & { floodAnswered: number; floodSlowedDown: number };
}

const member = (id: string): Actor => ({
  source: 'discord',
  actorId: id,
  interactionId: null,
  capabilities: new Set(['phi', 'reports']),
});

function ask(line: string) {
  const inv = parseCommandLine(line, commands);
  return { inv, resolved: resolveInvocation(commands, inv) };
}

const round = (x: number) => Math.round(x * 10) / 10;

/** `lookups` lookups one after another, with or without one member flooding reports meanwhile. */
async function phase(
  run: ReturnType<typeof fairShare>,
  mrns: string[],
  lookups: number,
  flood: boolean,
  tag: string,
): Promise<LookupFigures & { floodAnswered: number; floodSlowedDown: number }> {
  const clinician = member(`bench-clinician-${tag}`);
  const flooder = member(`bench-flooder-${tag}`);
  const report = ask(FLOOD_LINE);
  let stop = !flood;
  let floodAnswered = 0;
  let floodSlowedDown = 0;
  const tally = (r: Ran) => {
    if ('refusal' in r) floodSlowedDown++;
    else if (r.outcome.kind === 'reply') floodAnswered++;
  };
  const flooding = (async () => {
    while (!stop) {
      const wave = await Promise.all(
        Array.from({ length: FLOOD }, () => run(flooder, report.resolved, report.inv)),
      );
      wave.forEach(tally);
    }
  })();
  // The flood is under way before the first lookup, as in the issue.
  if (flood) await new Promise((r) => setTimeout(r, 200));
  const times: number[] = [];
  let unavailable = 0;
  for (let n = 0; n < lookups; n++) {
    const { inv, resolved } = ask(`/patient lookup patient:${mrns[n % mrns.length] ?? ''}`);
    const t0 = performance.now();
    const r = await run(clinician, resolved, inv);
    times.push(performance.now() - t0);
    if ('refusal' in r || r.outcome.kind !== 'reply') unavailable++;
  }
  stop = true;
  await flooding;
  return {
    p50Ms: round(percentile(times, 50) ?? 0),
    p99Ms: round(percentile(times, 99) ?? 0),
    unavailable,
    floodAnswered,
    floodSlowedDown,
  };
}

/** The three phases on `config`'s seeded databases, "now" being `now`. */
export async function benchFairShare(
  config: Config,
  now: number,
  lookups: number,
): Promise<FairShareFigures> {
  // The clinician's lookups stay within the patient rate limit: it is the pools that are measured.
  const settings: Config = {
    ...config,
    rateLimits: { ...config.rateLimits, phi: { max: 1_000_000, windowMs: 60_000 } },
  };
  const { ctx, close } = await openContext(settings, () => now);
  const log = createLogger({ logLevel: 'silent' });
  try {
    const [rows] = await ctx.sql.query<RowDataPacket[]>('SELECT mrn FROM patient ORDER BY id LIMIT 50');
    const mrns = rows.map((r) => String(r.mrn));
    const tag = Date.now().toString(36);
    const fair = fairShare({ ctx, config: settings, log });
    // As before fair share: one pool for everything, no limit on a member's reports or commands at once.
    const before: Context = { ...ctx, clinical: undefined };
    const unfair = fairShare({
      ctx: before,
      config: { ...settings, fairShare: { heavyDays: 1_000_000, inFlight: 1_000_000 } },
      log,
    });
    const idle = await phase(fair, mrns, lookups, false, `${tag}-idle`);
    const flooding = await phase(fair, mrns, lookups, true, `${tag}-fair`);
    const floodingWithout = await phase(unfair, mrns, lookups, true, `${tag}-unfair`);
    return { lookups, idle, flooding, floodingWithout };
  } finally {
    await close();
  }
}

export function fairShareLine(f: FairShareFigures): string {
  const line = (label: string, x: LookupFigures & { floodAnswered?: number; floodSlowedDown?: number }) =>
    `  ${label.padEnd(36)} p50 ${x.p50Ms} ms, p99 ${x.p99Ms} ms, unavailable ${x.unavailable}/${f.lookups}` +
    (x.floodAnswered === undefined
      ? ''
      : `; flood: ${x.floodAnswered} reports answered, ${x.floodSlowedDown} told to slow down`);
  return [
    `/patient lookup while another member floods ${FLOOD} "${FLOOD_LINE}" at a time (${f.lookups} lookups each):`,
    line('idle', f.idle),
    line('flooding, fair share', f.flooding),
    line('flooding, without fair share', f.floodingWithout),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      lookups: { type: 'string', default: '100' },
    },
  });
  await withScratchDatabases(async (config) => {
    const end = Date.parse('2026-11-01T12:00:00Z');
    console.error(`seeding scale ${values.scale}`);
    await runSeed(config, { scale: Number(values.scale), seed: 1, end }, () => undefined);
    console.log(fairShareLine(await benchFairShare(config, end, Number(values.lookups))));
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { Capability, Context } from '../../src/runner/command.ts';
import { openContext } from '../../src/context.ts';
import { migrate } from '../../src/data/migrate.ts';
import { connect } from '../../src/data/mysql.ts';
import { replyPages } from '../../src/discord/message.ts';
import { parseCommandLine } from '../../src/console/parse.ts';
import { execute } from '../../src/runner/execute.ts';
import { runSeed } from '../../dev/seed/seed.ts';
import { testDatabases } from '../support/databases.ts';
import { loadRaw, type Raw } from '../support/raw.ts';

/**
 * The widest fixed-width line (in a code block) of every subcommand's default Discord reply, at the demo
 * scale (`npm run demo`: scale 0.1). Prose and lists wrap on a phone; a code block does not, and a phone
 * in portrait shows about 56 characters of one. 0: the reply has no code block.
 */
const PHONE = 56;

const END = Date.parse('2026-03-15T14:00:00Z');
const db = testDatabases('widths', { TZ: 'America/New_York' });
let ctx: Context;
let close: () => Promise<void>;
let raw: Raw;

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  await runSeed(db.config, { scale: 0.1, seed: 7, end: END }, () => undefined);
  ({ ctx, close } = await openContext(db.config, () => END));
  const conn = await connect(db.mysqlUrl);
  raw = await loadRaw(conn);
  await conn.end();
}, 600_000);

afterAll(async () => {
  await close?.();
  await db.drop();
});

/** A member with every capability, in a server channel: aggregate answers are public by default. */
const member = {
  source: 'discord' as const,
  actorId: '100000000000000001',
  guildId: '200000000000000001',
  channelId: '300000000000000001',
  interactionId: '400000000000000001',
  capabilities: new Set<Capability>(['phi', 'reports', 'admin']),
};

/** Required options of the subcommands that have some; everything else runs with its defaults. */
function requiredOptions(): Record<string, string> {
  const counts = new Map<number, number>();
  for (const a of raw.allergy) counts.set(a.patient_id, (counts.get(a.patient_id) ?? 0) + 1);
  const [patientId] = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [];
  const mrn = raw.patient.find((p) => p.id === patientId)?.mrn ?? '';
  return {
    '/patient search': `name:${raw.patient[0]?.last_name.slice(0, 3) ?? 'son'}`,
    '/patient lookup': `patient:${mrn}`,
    '/patient history': `patient:${mrn}`,
    '/patient never-treated': 'type:Medication',
    '/er severity': 'level:high',
    '/er earliest-treatments': 'type:Medication',
    '/er symptom': 'term:pain',
    '/appointments patient': `patient:${mrn}`,
    '/meds patient': `patient:${mrn}`,
    '/admin alerts set': 'rule:census at:40',
    '/admin alerts snooze': 'rule:census minutes:30',
    '/admin unlink-account': 'user:100000000000000001',
  };
}

/** Actions whose reply is about the action, not data, and that send elsewhere: not measured. */
const NOT_MEASURED = new Set(['/admin summary-now']);

/** Code points of the widest line inside a ``` block of any page. */
function fixedWidth(pages: string[]): number {
  let widest = 0;
  for (const page of pages) {
    let inBlock = false;
    for (const line of page.split('\n')) {
      if (line.startsWith('```')) inBlock = !inBlock;
      else if (inBlock) widest = Math.max(widest, [...line].length);
    }
  }
  return widest;
}

async function measure(): Promise<Record<string, number>> {
  const required = requiredOptions();
  const widths: Record<string, number> = {};
  for (const [name, command] of commands)
    for (const sub of command.subcommands.keys()) {
      const path = `/${name}${sub ? ` ${sub}` : ''}`;
      if (NOT_MEASURED.has(path)) continue;
      const line = `${path} ${required[path] ?? ''}`.trim();
      const outcome = await execute(commands, parseCommandLine(line, commands), ctx, member);
      // A refusal (a member without a linked account to release) is a sentence: no code block.
      if (outcome.kind === 'user_error') widths[path] = 0;
      else if (outcome.kind === 'reply') widths[path] = fixedWidth(replyPages(outcome.reply));
      else throw new Error(`${line}: ${String(outcome.error)}`);
    }
  return widths;
}

/** Every subcommand's widest code-block line, as measured: the README's list of widths says the same. */
const WIDTHS: Record<string, number> = {
  '/patient search': 0,
  '/patient lookup': 0,
  '/patient history': 0,
  '/patient frequent': 42,
  '/patient never-treated': 35,
  '/er severity': 36,
  '/er treatments': 37,
  '/er earliest-treatments': 27,
  '/er measures': 51,
  '/er recent-treatments': 32,
  '/er arrivals': 54,
  '/er response-times': 24,
  '/er dispositions': 35,
  '/er trends': 20,
  '/er census': 54,
  '/er length-of-stay': 30,
  '/er symptom': 56,
  '/er assessments': 30,
  '/er flow': 30,
  '/er returns': 22,
  '/er returns-list': 43,
  '/staff specialties': 30,
  '/staff workload': 30,
  '/staff on-shift': 40,
  '/ambulance fleet': 56,
  '/appointments day': 0,
  '/appointments schedule': 0,
  '/appointments patient': 38,
  '/care follow-up': 25,
  '/care gaps': 34,
  '/care no-shows': 53,
  '/meds patient': 0,
  '/meds top': 54,
  '/meds ending': 55,
  '/summary': 35,
  '/admin audit': 34,
  '/admin alerts show': 32,
  '/admin alerts set': 0,
  '/admin alerts snooze': 0,
  '/admin unlink-account': 0,
  '/link-account': 0,
  '/subscribe add': 0,
  '/subscribe list': 0,
  '/subscribe remove': 0,
};

/** Replies allowed wider than a phone, each with its reason (listed in the README too): none today. */
const WIDER_THAN_A_PHONE: Record<string, string> = {};

describe('reply widths on a phone', () => {
  it('every default reply at the demo scale is measured, and its widest fixed-width line is the one listed', async () => {
    expect(await measure()).toEqual(WIDTHS);
  }, 600_000);

  it('no listed width is over 56 characters but the exceptions the README gives a reason for', () => {
    const wide = Object.entries(WIDTHS).filter(([, w]) => w > PHONE);
    expect(wide.map(([path]) => path)).toEqual(Object.keys(WIDER_THAN_A_PHONE));
  });
});

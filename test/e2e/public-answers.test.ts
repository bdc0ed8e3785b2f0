import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/data/migrate.ts';
import { runSeed } from '../../dev/seed/seed.ts';
import { localDate } from '../../src/core/time.ts';
import { testDatabases } from '../support/databases.ts';
import { launchBot, stopBot, type Bot } from './bot.ts';
import { checkAnswer, checkPublicAnswers, readAnswer, readPages } from './public-answers.ts';
import { DiscordStandIn, IDS, type User } from './standin.ts';

/**
 * Every public aggregate subcommand posted in the channel through the real bot process: each answer keeps
 * its total, and no withheld count can be solved from the totals and the shown cells (public-answers.ts).
 */
const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.Gx1234.standin-token-abcdefghijklmnopqrstuvwxyz0123';
const TZ = 'America/New_York';
const MIN_CELL = 5;
const db = testDatabases('public_answers_e2e', { TZ });
const discord = new DiscordStandIn(TOKEN);
let coordinator: User;
let bot: Bot | undefined;

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  await runSeed(db.config, { scale: 0.01, seed: 9, end: Date.now() }, () => undefined);
  await discord.start();
  coordinator = discord.addUser('coordinator', [IDS.roles.reports]);
  bot = await launchBot(discord, TOKEN, db.env, {
    ROLE_REPORT_IDS: IDS.roles.reports,
    SUMMARY_CRON: '0 7 * * *',
    SUMMARY_MIN_CELL: String(MIN_CELL),
  });
}, 120_000);

afterAll(async () => {
  if (bot) await stopBot(bot);
  await discord.stop();
  await db.drop();
});

/** Posts a command in the channel and returns the content of its answer (its first page). */
async function post(name: string, sub: string, options: Record<string, string> = {}): Promise<string> {
  return (await postPages(name, sub, options))[0] ?? '';
}

interface Components {
  components?: { components: { custom_id: string; label?: string; disabled?: boolean }[] }[];
}

/** Posts a command in the channel and returns the content of every page of its answer, pressing "Next". */
async function postPages(name: string, sub: string, options: Record<string, string> = {}): Promise<string[]> {
  const p = discord.command(coordinator, name, sub, options);
  const edit = await discord.waitFor(
    () =>
      discord.requests.find(
        (r) =>
          r.method === 'PATCH' &&
          r.path.endsWith(`/${p.token}/messages/@original`) &&
          (r.body as { content?: string } | undefined)?.content,
      ),
    20_000,
    `the answer to /${name} ${sub}`,
  );
  const pages = [(edit.body as { content: string }).content];
  let body = edit.body as Components & { content: string };
  for (;;) {
    const next = body.components?.[0]?.components.find((c) => c.label?.startsWith('Next'));
    if (!next || next.disabled) return pages;
    const press = discord.button(coordinator, next.custom_id, discord.message(body as never));
    const update = await discord.waitFor(
      () =>
        discord.requests.find(
          (r) => r.method === 'POST' && r.path.endsWith(`/${press.id}/${press.token}/callback`),
        ),
      10_000,
      `page ${pages.length + 1} of /${name} ${sub}`,
    );
    body = (update.body as { data: Components & { content: string } }).data;
    pages.push(body.content);
  }
}

const yesterday = () => localDate(TZ, Date.now() - 86_400_000);

/** Every public aggregate subcommand, over windows small enough to hold counts below the threshold. */
const ASKED: [string, string, Record<string, string>][] = [
  ['er', 'arrivals', { window: '24h' }],
  ['er', 'arrivals', { window: '7d' }],
  ['er', 'assessments', { window: '7d' }],
  ['er', 'census', {}],
  ['er', 'dispositions', { window: '24h' }],
  ['er', 'dispositions', { window: '7d' }],
  ['er', 'length-of-stay', { window: '7d' }],
  ['er', 'response-times', { window: '7d' }],
  ['er', 'response-times', { window: '7d', by: 'ambulance_type' }],
  ['er', 'severity', { level: 'high', window: '7d' }],
  ['er', 'severity', { level: 'low', window: '24h' }],
  ['er', 'treatments', { window: '7d' }],
  ['er', 'trends', { window: '7d' }],
  ['er', 'flow', { window: '7d' }],
  ['er', 'flow', { window: '24h', by: 'arrival_mode' }],
  ['er', 'flow', { window: '7d', by: 'condition' }],
  ['er', 'returns', { window: '30d' }],
  ['er', 'returns', { window: '7d' }],
  ['er', 'measures', { window: '24h' }],
  ['er', 'measures', { window: '7d' }],
  ['care', 'no-shows', { window: '7d' }],
  ['care', 'no-shows', { window: '30d' }],
  ['care', 'follow-up', { window: '30d' }],
  ['care', 'follow-up', { window: '7d' }],
  ['meds', 'top', { window: '7d' }],
];

describe('the check of public answers', () => {
  it('finds a small count that the total and the shown cells give away, and a headline without its total', () => {
    const leaky = [
      '**ER treatments by type**',
      'ER treatments in the last 7 days, by type.',
      '```',
      'type   treatments',
      '-----  ----------',
      'x              <5',
      'y              12',
      'all            15',
      '```',
    ].join('\n');
    expect(checkAnswer(readAnswer(leaky), MIN_CELL).problems).toEqual([
      'ER treatments by type: the summary does not say the total 15: ER treatments in the last 7 days, by type.',
      'ER treatments by type: cell 0,1 solves to 3',
    ]);
  });

  it('reads a table laid out one block per row (too wide for a phone) as the same table', () => {
    const leaky = [
      '**ER treatments by type**',
      'ER treatments in the last 7 days, by type.',
      '```',
      'x',
      '  treatments  <5',
      'y',
      '  treatments  12',
      'all',
      '  treatments  15',
      '```',
    ].join('\n');
    expect(readAnswer(leaky).rows).toEqual([
      ['x', '<5'],
      ['y', '12'],
      ['all', '15'],
    ]);
    expect(checkAnswer(readAnswer(leaky), MIN_CELL).problems).toContain(
      'ER treatments by type: cell 0,1 solves to 3',
    );
  });
  it('finds in /er measures a count not shown that the OP-18 rows give away, and a headline without the visits', () => {
    const block = (what: string, of: string) => [
      `  what       ${what}`,
      '  unit       median min',
      '  value         –',
      '  p90 min       –',
      '  counted       -',
      `  of visits  ${of.padStart(4)}`,
      '  left out      0',
    ];
    const rows = [
      ['OP-18a', 'stay, discharged or transferred', '30'],
      ['OP-18b', 'stay, discharged', '20'],
      ['OP-18c', 'stay, mental health', '<5'],
      ['OP-18d', 'stay, transferred', '7'],
      ['OP-22', 'left without being seen', '75'],
    ].flatMap(([name = '', what = '', of = '']) => [name, ...block(what, of)]);
    const leaky = [
      '**ED measures (CMS and benchmark definitions)**',
      'Standard ED measures of the ER visits that arrived in the last 24 hours.',
      '```',
      ...rows,
      '```',
    ].join('\n');
    const problems = checkAnswer(readAnswer(leaky), MIN_CELL).problems;
    // Discharged mental-health visits: 30 - 20 - 7 = 3, though no cell shows them.
    expect(problems.some((p) => /: cell not shown #\d+ solves to 3$/.test(p))).toBe(true);
    expect(problems.some((p) => p.includes('does not say the number of visits 75'))).toBe(true);
  });
});

describe('public answers in the channel', () => {
  it('keep their totals, and no withheld count solves to 1..4 from the totals and the shown cells', async () => {
    const whole: string[][] = [];
    for (const [name, sub, options] of ASKED) whole.push(await postPages(name, sub, options));
    await post('appointments', 'day', { date: yesterday() });
    const result = checkPublicAnswers(discord, MIN_CELL);
    expect(result.problems).toEqual([]);
    // Answers of several pages (/er measures) read whole: every page's rows tied by the same sums.
    const paged = whole.filter((pages) => pages.length > 1);
    expect(paged.flatMap((pages) => checkAnswer(readPages(pages), MIN_CELL).problems)).toEqual([]);
    expect(result.answers).toBe(ASKED.length + 1);
    // Small windows of a small seed: many counts below the threshold, or the check proves nothing.
    expect(result.withheld).toBeGreaterThan(20);
    // The measures' own answers held withheld cells, or their identities were never put to the test.
    expect(result.withheldBy?.['ED measures (CMS and benchmark definitions)'] ?? 0).toBeGreaterThan(0);
  }, 300_000);

  it('/er severity in the channel says how many dispatches, and the flow and care reports are posted there', async () => {
    const severity = readAnswer(await post('er', 'severity', { level: 'high', window: '30d' }));
    expect(severity.summary).toMatch(/^[\d,]+ high-severity dispatches in the last 30 days, by nature\./);
    expect(severity.rows.at(-1)?.[0]).toBe('all');
    for (const [name, sub] of [
      ['er', 'flow'],
      ['er', 'returns'],
      ['care', 'no-shows'],
      ['care', 'follow-up'],
    ] as const) {
      const p = discord.command(coordinator, name, sub, { window: '30d' });
      const callback = await discord.waitFor(
        () =>
          discord.requests.find(
            (r) => r.method === 'POST' && r.path.endsWith(`/${p.id}/${p.token}/callback`),
          ),
        10_000,
        `the callback of /${name} ${sub}`,
      );
      // Deferred in the channel, not ephemeral.
      expect((callback.body as { data?: { flags?: number } }).data?.flags ?? 0).toBe(0);
    }
  }, 120_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/data/migrate.ts';
import { runSeed } from '../../dev/seed/seed.ts';
import { testDatabases } from '../support/databases.ts';
import { PNG_MAGIC } from '../support/png.ts';
import { launchBot, stopBot, type Bot } from './bot.ts';
import { linesWithPatientData, seededPatients } from './patient-data.ts';
import { DiscordStandIn, IDS, type RecordedRequest, type User } from './standin.ts';

/**
 * The standard ED measures end to end: /er measures and the ER daily summary post, through the real bot
 * process and a loopback Discord, each citing the headline definition.
 */
const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.Gx1234.standin-token-abcdefghijklmnopqrstuvwxyz0123';
const DEFINITION =
  'OP-18b: median minutes arrival → departure, discharged, excluding mental health and transfers';
const db = testDatabases('measures_e2e', { TZ: 'America/New_York' });
const discord = new DiscordStandIn(TOKEN);
let coordinator: User;
let bot: Bot | undefined;

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  await runSeed(db.config, { scale: 0.01, seed: 9, end: Date.now() }, () => undefined);
  await discord.start();
  coordinator = discord.addUser('coordinator', [IDS.roles.reports]);
  bot = await launchBot(discord, TOKEN, db.env, {
    ROLE_PHI_IDS: IDS.roles.phi,
    ROLE_REPORT_IDS: IDS.roles.reports,
    ROLE_ADMIN_IDS: IDS.roles.admin,
    SUMMARY_CHANNEL_ID: IDS.channel,
    SUMMARY_CRON: '0 7 * * *',
  });
}, 120_000);

afterAll(async () => {
  if (bot) await stopBot(bot);
  try {
    expect(linesWithPatientData(bot?.logs() ?? '', await seededPatients(db.mysqlUrl))).toEqual([]);
  } finally {
    await discord.stop();
    await db.drop();
  }
});

const originalOf = (p: { token: string }) => () =>
  discord.requests.find(
    (r) =>
      r.method === 'PATCH' &&
      r.path.endsWith(`/${p.token}/messages/@original`) &&
      (r.body as { content?: string }).content,
  );
const contentOf = (r: RecordedRequest) => (r.body as { content?: string }).content ?? '';

describe('/er measures through Discord', () => {
  it('privately: the table of measures with their names, the daily chart, and the definition it cites', async () => {
    const p = discord.command(coordinator, 'er', 'measures', { window: '30d', private: true });
    const edit = await discord.waitFor(originalOf(p), 20_000, 'the /er measures reply');
    const text = contentOf(edit);
    expect(text).toMatch(/^\*\*ED measures \(CMS and benchmark definitions\)\*\*\n[\d,]+ visits arrived/);
    // The headline ones in the summary; the table (one block per measure on a phone) starts with OP-18.
    for (const name of ['OP-18b', 'door to provider', 'ED-2', 'LWBS', 'LBTC', 'ECAT'])
      expect(text).toContain(name);
    for (const name of ['OP-18a', 'OP-18c']) expect(text).toContain(`\n${name}\n`);
    expect(text).toContain(DEFINITION);
    expect(edit.files[0]?.data.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
  });

  it('in the channel: the number of visits, aggregates under the small-cell rule and the chart, citing the definition', async () => {
    const p = discord.command(coordinator, 'er', 'measures', { window: '30d' });
    const edit = await discord.waitFor(originalOf(p), 20_000, 'the public /er measures reply');
    const text = contentOf(edit);
    expect(text).toMatch(
      /\n[\d,]+ ER visits arrived in the last 30 days; their standard ED measures follow\.\n/,
    );
    expect(text).toContain('OP-18b');
    expect(text).toContain(DEFINITION);
    // The chart stays in public: days of a few visits blank, not the whole chart gone.
    expect(edit.files[0]?.data.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
  });
});

describe('the ER daily summary post', () => {
  it('carries the ED measures lines and cites the headline definition', async () => {
    await discord.waitFor(
      () => (discord.channelMessages.length >= 1 ? true : undefined),
      30_000,
      'the summary posts',
    );
    const embed = (
      discord.channelMessages[0] as {
        embeds: { fields: { name: string; value: string }[]; footer: { text: string } }[];
      }
    ).embeds[0];
    const field = embed?.fields.find((f) => f.name === 'ED measures')?.value ?? '';
    for (const line of [
      'boarding at midnight (admitted)',
      'boarding over 4 h at midnight',
      'door to provider median, min',
      'door to provider 90th pct, min',
      'OP-18b median stay, discharged, min',
      'OP-22 left without being seen, %',
      'left before treatment complete, %',
      'ECAT (ED access composite), %',
      'ER arrivals, same weekday last week',
    ])
      expect(field).toContain(line);
    expect(embed?.footer.text).toContain(DEFINITION);
  });
});

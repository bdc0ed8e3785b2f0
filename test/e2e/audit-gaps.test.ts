import type { RowDataPacket } from 'mysql2/promise';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/data/migrate.ts';
import { connect } from '../../src/data/mysql.ts';
import { runSeed } from '../../dev/seed/seed.ts';
import { BUTTONS_NOT_KEPT } from '../../src/discord/command.handler.ts';
import { testDatabases } from '../support/databases.ts';
import { DiscordStandIn, IDS, type Pending, type RecordedRequest, type User } from './standin.ts';
import { launchBot, stopBot, type Bot } from './bot.ts';
import { linesWithPatientData, seededPatients } from './patient-data.ts';

/**
 * The real bot when a part of the primary it needs is missing (its table renamed away): the rate limit's
 * counts, or the page state. The answer says "temporarily unavailable" or that the buttons were not kept,
 * and every such answer has its audit row, as every other answer and refusal does.
 */

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.Gx1234.standin-token-abcdefghijklmnopqrstuvwxyz0123';
const db = testDatabases('audit_gaps', { TZ: 'America/New_York' });
const discord = new DiscordStandIn(TOKEN);
let bot: Bot;
let clinician: User;
let coordinator: User;

async function sql<T extends RowDataPacket[]>(text: string, params: unknown[] = []): Promise<T> {
  const c = await connect(db.mysqlUrl);
  try {
    return (await c.query<T>(text, params))[0];
  } finally {
    await c.end();
  }
}

/** Runs `work` with `table` renamed away, as if the primary had lost it. */
async function without(table: string, work: () => Promise<void>): Promise<void> {
  await sql(`RENAME TABLE ${table} TO ${table}_gone`);
  try {
    await work();
  } finally {
    await sql(`RENAME TABLE ${table}_gone TO ${table}`);
  }
}

async function auditRows(p: Pending): Promise<RowDataPacket[]> {
  const read = () =>
    sql('SELECT command, outcome, detail, patient_ids FROM audit_event WHERE interaction_id = ?', [p.id]);
  for (let n = 0; n < 200 && (await read()).length === 0; n++) await sleep(50);
  await sleep(300);
  return read();
}

const content = (r: RecordedRequest) =>
  (r.body as { content?: string; data?: { content?: string } }).content ??
  (r.body as { data?: { content?: string } }).data?.content;
const edited = (p: Pending) => () =>
  discord.requests.find((r) => r.method === 'PATCH' && r.path.endsWith(`/${p.token}/messages/@original`));
const UNAVAILABLE =
  /^hers-bot cannot reach its data right now \(temporarily unavailable\)\. Please try again in a minute\. Reference: (E-\w+)$/;

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  await runSeed(db.config, { scale: 0.01, seed: 13, end: Date.now() }, () => undefined);
  await discord.start();
  clinician = discord.addUser('clinician', [IDS.roles.phi]);
  coordinator = discord.addUser('coordinator', [IDS.roles.reports]);
  bot = await launchBot(discord, TOKEN, db.env, {
    ROLE_PHI_IDS: IDS.roles.phi,
    ROLE_REPORT_IDS: IDS.roles.reports,
  });
}, 180_000);

afterAll(async () => {
  if (bot) await stopBot(bot);
  try {
    const patients = await seededPatients(db.mysqlUrl);
    expect(linesWithPatientData(bot?.logs() ?? '', patients)).toEqual([]);
  } finally {
    await discord.stop();
    await db.drop();
  }
});

describe('answers given because a part of the primary is missing', () => {
  it('the rate limit cannot be checked: the patient command answers "temporarily unavailable", the autocomplete suggests nothing, and each has an audit row saying so', async () => {
    const [patient] = await seededPatients(db.mysqlUrl);
    await without('rate_limit', async () => {
      const lookup = discord.command(clinician, 'patient', 'lookup', { patient: patient?.mrn ?? '' });
      const answer = await discord.waitFor(edited(lookup), 15_000, 'the answer');
      const reference = UNAVAILABLE.exec(content(answer) ?? '')?.[1];
      expect(reference, content(answer)).toBeDefined();
      const rows = await auditRows(lookup);
      expect(rows.map((r) => [r.command, r.outcome, r.detail, r.patient_ids])).toEqual([
        [
          '/patient lookup',
          'error',
          `reference ${reference}: temporarily unavailable (the rate limit could not be checked)`,
          [],
        ],
      ]);

      const typing = discord.command(
        clinician,
        'patient',
        'lookup',
        { patient: 'Sm' },
        { focused: 'patient' },
      );
      const suggested = await discord.waitFor(
        () => discord.for(typing).find((r) => r.method === 'POST'),
        10_000,
        'the suggestions',
      );
      expect((suggested.body as { data: { choices: unknown[] } }).data.choices).toEqual([]);
      const typed = await auditRows(typing);
      expect(typed.map((r) => [r.command, r.outcome, r.patient_ids])).toEqual([
        ['/patient lookup (autocomplete)', 'error', []],
      ]);
      expect(typed[0]?.detail).toMatch(
        /^reference E-\w+: temporarily unavailable \(the rate limit could not be checked\)$/,
      );
    });
  });

  it('the page state cannot be kept or read: the reply shows its first page and says privately its buttons were not kept; a button press answers "temporarily unavailable" with an audit row', async () => {
    await without('page_state', async () => {
      const report = discord.command(coordinator, 'er', 'treatments', { window: '7d' });
      const first = await discord.waitFor(edited(report), 15_000, 'the reply');
      expect(content(first)).toMatch(/^\*\*/);
      expect((first.body as { components?: unknown[] }).components ?? []).toEqual([]);
      const told = await discord.waitFor(
        () => discord.for(report).find((r) => r.method === 'POST' && r.path.startsWith('/api/v10/webhooks/')),
        10_000,
        'the private note',
      );
      expect(told.body).toMatchObject({ content: BUTTONS_NOT_KEPT, flags: 64 });

      const press = discord.button(coordinator, 'hers:csv:0123456789ab', discord.message({ content: 'x' }));
      const answer = await discord.waitFor(
        () => discord.for(press).find((r) => r.method === 'POST'),
        10_000,
        'the button answer',
      );
      const reference = UNAVAILABLE.exec(content(answer) ?? '')?.[1];
      expect(reference, content(answer)).toBeDefined();
      expect((await auditRows(press)).map((r) => [r.command, r.outcome, r.detail])).toEqual([
        [
          'button (CSV)',
          'error',
          `reference ${reference}: temporarily unavailable (the page state could not be read)`,
        ],
      ]);
    });
    expect(discord.unexpected).toEqual([]);
  });
});

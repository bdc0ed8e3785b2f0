import type { ResultSetHeader } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/data/migrate.ts';
import { connect } from '../../src/data/mysql.ts';
import { testDatabases } from '../support/databases.ts';
import { launchBot, stopBot, type Bot } from './bot.ts';
import { DiscordStandIn, IDS, type Pending, type RecordedRequest, type User } from './standin.ts';

/**
 * Text from the database breaks out of nothing, end to end through the real bot process and a loopback
 * Discord: rows hold a right-to-left override, masked links, mention pills, a spoiler, timestamps and a
 * crafted department name, and what Discord receives shows each of them literally (escaped), in titles,
 * summaries, list cells and the public title of /staff on-shift; every message mentions nobody; the CSV
 * file holds no formula.
 */
const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.Gx1234.standin-token-abcdefghijklmnopqrstuvwxyz0123';
const db = testDatabases('escaping_e2e');
const discord = new DiscordStandIn(TOKEN);
let clinician: User;
let coordinator: User;
let bot: Bot | undefined;

const MRN = 'MRN-ESC-1';
const FIRST = '[Verify](http://evil.example/login)';
const LAST = 'Lee\u202e\u200f';
const DEPARTMENT = `<@&${IDS.roles.reports}> ||x|| [Verify](http://evil.example/d) <t:0>`;
const ALLERGY = {
  substance: '||penicillin||',
  reaction: `[Verify](http://evil.example/r) <@&${IDS.roles.phi}> hives`,
};
const VISIT_REASON = '[Verify](http://evil.example/v) <t:0:R> @everyone chest pain';
const APPOINTMENT_REASON = `<@${IDS.owner}> **follow-up** # review`;
/** The review's CSV cells: cleaned after neutralising, each came out as a live formula. */
const SPECIALTIES = ["\x01=cmd|' /C calc'!A0", '\x1b[0m=2+5', '\u202e=3+5'];

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  const c = await connect(db.mysqlUrl);
  try {
    const now = Date.now();
    const hour = 3_600_000;
    const [dept] = await c.query<ResultSetHeader>('INSERT INTO department (name) VALUES (?)', [DEPARTMENT]);
    const staffIds: number[] = [];
    for (const [i, specialty] of SPECIALTIES.entries()) {
      const [s] = await c.query<ResultSetHeader>(
        "INSERT INTO staff (first_name, last_name, staff_type, department_id) VALUES (?, ?, 'physician', ?)",
        [`Doc${i}`, `Tor${i}`, dept.insertId],
      );
      await c.query('INSERT INTO physician (staff_id, specialty) VALUES (?, ?)', [s.insertId, specialty]);
      staffIds.push(s.insertId);
    }
    await c.query('INSERT INTO shift (staff_id, department_id, starts_at, ends_at) VALUES (?, ?, ?, ?)', [
      staffIds[0],
      dept.insertId,
      new Date(now - 2 * hour),
      new Date(now + 6 * hour),
    ]);
    const [p] = await c.query<ResultSetHeader>(
      "INSERT INTO patient (mrn, first_name, last_name, date_of_birth, sex) VALUES (?, ?, ?, '1980-04-02', 'female')",
      [MRN, FIRST, LAST],
    );
    await c.query(
      "INSERT INTO allergy (patient_id, substance, severity, reaction) VALUES (?, ?, 'severe', ?)",
      [p.insertId, ALLERGY.substance, ALLERGY.reaction],
    );
    await c.query(
      `INSERT INTO er_visit (patient_id, arrived_at, arrival_mode, condition_on_arrival, triage_level, reason)
       VALUES (?, ?, 'walk_in', 'serious', 2, ?)`,
      [p.insertId, new Date(now - hour), VISIT_REASON],
    );
    await c.query(
      `INSERT INTO appointment (patient_id, staff_id, department_id, starts_at, ends_at, status, reason)
       VALUES (?, ?, ?, ?, ?, 'scheduled', ?)`,
      [
        p.insertId,
        staffIds[1],
        dept.insertId,
        new Date(now + 48 * hour),
        new Date(now + 49 * hour),
        APPOINTMENT_REASON,
      ],
    );
  } finally {
    await c.end();
  }
  await discord.start();
  clinician = discord.addUser('clinician', [IDS.roles.phi]);
  coordinator = discord.addUser('coordinator', [IDS.roles.reports]);
  bot = await launchBot(discord, TOKEN, db.env, {
    ROLE_PHI_IDS: IDS.roles.phi,
    ROLE_REPORT_IDS: IDS.roles.reports,
    ROLE_ADMIN_IDS: IDS.roles.admin,
    SUMMARY_CRON: '0 7 * * *',
  });
}, 120_000);

afterAll(async () => {
  if (bot) await stopBot(bot);
  await discord.stop();
  await db.drop();
});

interface Body {
  content?: string;
  flags?: number;
  allowed_mentions?: unknown;
  components?: { components: { custom_id: string }[] }[];
  data?: { content?: string; flags?: number; allowed_mentions?: unknown };
}
const body = (r: RecordedRequest) => r.body as Body;
const originalOf = (p: Pending) => () =>
  discord.requests.find(
    (r) => r.method === 'PATCH' && r.path.endsWith(`/${p.token}/messages/@original`) && body(r).content,
  );
const callbackOf = (p: Pending) => () =>
  discord.requests.find(
    (r) => r.method === 'POST' && r.path === `/api/v10/interactions/${p.id}/${p.token}/callback`,
  );

/** The answer to a command once it has content: the edited deferral. */
async function answer(user: User, name: string, sub: string, options: Record<string, string | boolean>) {
  const p = discord.command(user, name, sub, options);
  const edit = await discord.waitFor(originalOf(p), 15_000, `the answer to /${name} ${sub}`);
  return { p, edit, content: body(edit).content ?? '' };
}

/**
 * What Discord would draw from the message's text outside its code blocks (where nothing is markup): a
 * masked or bare link, a mention, channel, emoji or timestamp, @everyone, a spoiler, a bidirectional
 * control. Each is live unless a backslash escapes it.
 */
function liveMarkup(content: string): string[] {
  const text = content.replace(/```[\s\S]*?```/g, '');
  const live = [
    /(?<!\\)\[[^\]\n]*(?<!\\)\]\(/g,
    /(?<!\\)https?:\/\//g,
    /(?<!\\)<[@#:/at]/g,
    /(?<!\\)@(?:everyone|here)/g,
    /(?<!\\)\|\|/g,
    /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
  ];
  return live.flatMap((re) => [...text.matchAll(re)].map((m) => `${JSON.stringify(m[0])} at ${m.index}`));
}

describe('text from the database, as Discord receives it', () => {
  it('/patient lookup: the title reads name then MRN, and no name, reason or reaction is a link, pill or spoiler', async () => {
    const { edit, content } = await answer(clinician, 'patient', 'lookup', { patient: MRN });
    expect(body(edit).allowed_mentions).toEqual({ parse: [] });
    expect(content.split('\n')[0]).toBe(`**\\[Verify\\](http\\://evil.example/login) Lee (${MRN})**`);
    expect(liveMarkup(content)).toEqual([]);
    // Escaped, not dropped: each value is there whole, clinical text included.
    expect(content).toContain(
      `**allergy**: \\|\\|penicillin\\|\\|: \\[Verify\\](http\\://evil.example/r) \\<\\@&${IDS.roles.phi}> hives (severe)`,
    );
    expect(content).toContain('\\[Verify\\](http\\://evil.example/v) \\<t:0:R> \\@everyone chest pain');
    expect(content).toContain(`(\\<\\@${IDS.owner}> \\*\\*follow-up\\*\\* \\# review)`);
  });

  it('/er census: the longest waits in the summary show the visit reason literally', async () => {
    const { content } = await answer(coordinator, 'er', 'census', { private: true });
    expect(content).toContain('Longest waits');
    expect(content).toContain('\\[Verify\\](http\\://evil.example/v) \\<t:0:R> \\@everyone chest pain');
    expect(liveMarkup(content)).toEqual([]);
  });

  it('/staff on-shift with a crafted department: the public title and summary show it literally, pinging nobody', async () => {
    const { edit, content } = await answer(coordinator, 'staff', 'on-shift', { department: DEPARTMENT });
    expect((body(edit).flags ?? 0) & 64).toBe(0);
    expect(body(edit).allowed_mentions).toEqual({ parse: [] });
    const shown = `\\<\\@&${IDS.roles.reports}> \\|\\|x\\|\\| \\[Verify\\](http\\://evil.example/d) \\<t:0>`;
    expect(content.split('\n')[0]).toBe(`**On shift now in ${shown}**`);
    expect(liveMarkup(content)).toEqual([]);
  });

  it('a refusal that lists the departments lists the crafted one literally', async () => {
    const p = discord.command(coordinator, 'staff', 'on-shift', { department: 'Nowhere' });
    const answered = () =>
      discord.requests.find(
        (r) =>
          (r.method === 'PATCH' && r.path.endsWith(`/${p.token}/messages/@original`) && body(r).content) ||
          (r.method === 'POST' && r.path.endsWith(`/webhooks/${IDS.application}/${p.token}`)),
      );
    const refusal = await discord.waitFor(answered, 15_000, 'the refusal');
    const content = body(refusal).content ?? '';
    expect(body(refusal).allowed_mentions).toEqual({ parse: [] });
    expect(content).toContain('no department "Nowhere"');
    expect(content).toContain('\\[Verify\\](http\\://evil.example/d)');
    expect(liveMarkup(content)).toEqual([]);
  });

  it('the CSV button: a cell with a control character, an escape sequence or an override before = is no formula', async () => {
    const { edit } = await answer(coordinator, 'staff', 'specialties', { private: true });
    const csv = body(edit).components?.[0]?.components.find((c) => c.custom_id.startsWith('hers:csv:'));
    const press = discord.button(
      coordinator,
      csv?.custom_id ?? '',
      discord.message(edit.body as Record<string, unknown>),
    );
    const cb = await discord.waitFor(callbackOf(press), 5_000, 'the CSV');
    const lines = (cb.files[0]?.data.toString() ?? '').split('\r\n');
    expect(lines).toEqual(expect.arrayContaining(["'=cmd|' /C calc'!A0,1", "'=2+5,1", "'=3+5,1"]));
    for (const line of lines) expect(line).not.toMatch(/^"?\s*[=+\-@]/);
  });
});

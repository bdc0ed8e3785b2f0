import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import type { RowDataPacket } from 'mysql2/promise';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed } from '../../dev/seed/seed.ts';
import { migrate } from '../../src/data/migrate.ts';
import { connect } from '../../src/data/mysql.ts';
import { testDatabases } from '../support/databases.ts';
import { startIdp, type TestIdp } from '../support/oidc-idp.ts';
import { pngSize } from '../support/png.ts';
import { launchBot, stopBot, type Bot } from './bot.ts';
import { linesWithPatientData, seededPatients, type SeededPatient } from './patient-data.ts';
import { DiscordStandIn, IDS, type Pending, type User } from './standin.ts';

/**
 * PHI_DELIVERY=link end to end: the real bot process and the loopback Discord, a real OpenID Connect
 * provider (oidc-provider) and a real browser (Debian's Chromium through playwright-core, one for the
 * file). Patient answers reach Discord as a one-time link only; the page opens for the member who asked,
 * once, before it expires, after the hospital's sign-in.
 *
 * Cookies are `Secure`: Chromium keeps them on http://127.0.0.1 (a loopback origin is a secure context),
 * so the test serves the page on plain http at 127.0.0.1, as PUBLIC_BASE_URL allows for loopback only.
 */
const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.Gx1234.standin-token-abcdefghijklmnopqrstuvwxyz0123';
const TZ = 'America/New_York';
const CHROMIUM = '/usr/bin/chromium';
const db = testDatabases('phi_link_e2e', { TZ });
const discord = new DiscordStandIn(TOKEN);
let alice: User;
let bob: User;
let admin: User;
let idp: TestIdp | undefined;
let bot: Bot | undefined;
let browser: Browser | undefined;
let base = '';
let patients: SeededPatient[] = [];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  await runSeed(db.config, { scale: 0.01, seed: 20, end: Date.now() }, () => undefined);
  patients = await seededPatients(db.mysqlUrl);
  await discord.start();
  alice = discord.addUser('alice', [IDS.roles.phi]);
  bob = discord.addUser('bob', [IDS.roles.phi]);
  admin = discord.addUser('admin', [IDS.roles.admin, IDS.roles.phi]);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  idp = await startIdp(`${base}/auth/callback`);
  bot = await launchBot(discord, TOKEN, db.env, {
    ROLE_PHI_IDS: IDS.roles.phi,
    ROLE_ADMIN_IDS: IDS.roles.admin,
    HTTP_PORT: String(port),
    PHI_DELIVERY: 'link',
    PUBLIC_BASE_URL: base,
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (bot) await stopBot(bot);
  try {
    expect(linesWithPatientData(bot?.logs() ?? '', patients)).toEqual([]);
  } finally {
    await idp?.stop();
    await discord.stop();
    await db.drop();
  }
});

/** The content of the reply a command was answered with (the edit of its deferral). */
async function replyTo(p: Pending, what: string): Promise<string> {
  const edit = await discord.waitFor(
    () =>
      discord
        .for(p)
        .find(
          (r) =>
            r.method === 'PATCH' &&
            r.path.endsWith('/messages/@original') &&
            (r.body as { content?: string } | undefined)?.content,
        ),
    20_000,
    what,
  );
  return (edit.body as { content: string }).content;
}

async function run(user: User, name: string, sub: string, options: Record<string, string | number> = {}) {
  const p = discord.command(user, name, sub, options);
  return { pending: p, content: await replyTo(p, `the answer to /${name} ${sub}`) };
}

const LINK = /<(http:\/\/127\.0\.0\.1:\d+\/(?:l|account)\/[A-Za-z0-9_-]{43})>/;

function linkIn(content: string): string {
  const m = LINK.exec(content);
  if (!m?.[1]) throw new Error(`no link in: ${content}`);
  return m[1];
}

/** A browser context of its own: no session, as on a phone that has not signed in. */
const fresh = async (): Promise<BrowserContext> => {
  if (!browser) throw new Error('no browser');
  return browser.newContext({ viewport: { width: 360, height: 740 } });
};

/** Opens `url`; when it sends the browser to the provider's login form, signs in as `login`. */
async function open(page: Page, url: string, login: string): Promise<void> {
  await page.goto(url);
  if (page.url().startsWith(idp?.issuer ?? '-')) {
    await page.fill('input[name=login]', login);
    await page.fill('input[name=password]', 'any');
    await page.click('button[type=submit]');
    // The provider asks for consent once per account and client.
    if (page.url().startsWith(idp?.issuer ?? '-')) await page.click('button[type=submit]');
    await page.waitForURL((u) => u.href.startsWith(base));
  }
}

const linked = new Map<string, BrowserContext>();

/** A context signed in as `login`, its account tied to `user` through /link-account and the page. */
async function signedInAs(user: User, login: string): Promise<BrowserContext> {
  const known = linked.get(login);
  if (known) return known;
  const context = await fresh();
  const page = await context.newPage();
  await open(page, linkIn((await run(user, 'link-account', '')).content), login);
  await page.click('button[type=submit]');
  expect(await page.textContent('h1')).toBe('Your sign-in is linked');
  await page.close();
  linked.set(login, context);
  return context;
}

async function auditRows(where: string, params: unknown[]): Promise<RowDataPacket[]> {
  const c = await connect(db.mysqlUrl);
  try {
    const [rows] = await c.query<RowDataPacket[]>(
      `SELECT source, actor_id, command, outcome, patient_ids, interaction_id, detail FROM audit_event
       WHERE ${where} ORDER BY id`,
      params,
    );
    return rows;
  } finally {
    await c.end();
  }
}

const tokenHash = (url: string) =>
  createHash('sha256')
    .update(url.split('/').pop() ?? '')
    .digest('hex');

function patientWithPrescriptions(): SeededPatient {
  const p = patients.find((x) => x.phone) ?? patients[0];
  if (!p) throw new Error('no patients seeded');
  return p;
}

describe('a patient answer with PHI_DELIVERY=link', () => {
  it('reaches Discord as the command name and a link only, and opens once, for its member, after sign-in', async () => {
    await signedInAs(alice, 'alice@hospital.test');
    const p = patientWithPrescriptions();
    const { pending, content } = await run(alice, 'patient', 'lookup', { patient: p.mrn });
    expect(content).toContain('/patient lookup');
    for (const id of [p.mrn, p.first_name, p.last_name, p.date_of_birth]) expect(content).not.toContain(id);
    const url = linkIn(content);

    // Someone else's account, signed in and linked, is refused; the link stays usable.
    const bobs = await (await signedInAs(bob, 'bob@hospital.test')).newPage();
    await open(bobs, url, 'bob@hospital.test');
    expect(await bobs.textContent('h1')).toBe('This link is not available');
    expect(await bobs.content()).not.toContain(p.mrn);

    // Not signed in yet: the sign-in comes first and does not use the link up; then the page.
    const phone = await fresh();
    const page = await phone.newPage();
    const response = page.waitForResponse((r) => r.url() === url && r.status() === 200);
    await open(page, url, 'alice@hospital.test');
    const headers = (await response).headers();
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['content-security-policy']).toContain("default-src 'none'");
    expect(await page.textContent('h1')).toBe(`${p.first_name} ${p.last_name} (${p.mrn})`);
    expect(await page.textContent('main')).toContain(p.date_of_birth);
    const session = (await phone.cookies()).find((c) => c.name === 'hers_session');
    expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    expect(await page.evaluate('document.querySelectorAll("script").length')).toBe(0);

    // 360 px wide: nothing scrolls sideways, and the full-page screenshot is exactly as wide.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(pngSize(await page.screenshot({ fullPage: true })).width).toBe(360);

    // Once only.
    await page.goto(url);
    expect(await page.textContent('h1')).toBe('This link is not available');
    await phone.close();

    const rows = await auditRows('command = ? ', ['/patient lookup (page)']);
    expect(rows.map((r) => [r.source, r.outcome, r.actor_id])).toEqual([
      ['web', 'denied', bob.id],
      ['web', 'ok', alice.id],
      ['web', 'denied', alice.id],
    ]);
    expect(rows[1]?.interaction_id).toBe(pending.id);
    expect(rows[1]?.patient_ids).toEqual([p.id]);
    expect(rows.map((r) => r.detail)).toEqual([
      'link made for another member',
      expect.stringContaining('alice@hospital.test'),
      'link already used',
    ]);
  });

  it('an expired link shows nothing and is audited as denied', async () => {
    const context = await signedInAs(alice, 'alice@hospital.test');
    const p = patientWithPrescriptions();
    const url = linkIn((await run(alice, 'meds', 'patient', { patient: p.mrn })).content);
    const c = await connect(db.mysqlUrl);
    await c.query(
      'UPDATE phi_link SET expires_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE token_hash = ?',
      [tokenHash(url)],
    );
    await c.end();
    const page = await context.newPage();
    await open(page, url, 'alice@hospital.test');
    expect(await page.textContent('h1')).toBe('This link is not available');
    expect(await page.content()).not.toContain(p.mrn);
    await page.close();
    const rows = await auditRows('command = ?', ['/meds patient (page)']);
    expect(rows.map((r) => [r.outcome, r.detail])).toEqual([['denied', 'link expired']]);
  });

  it('a signed-in account not linked to a member sees how to link it, and the link is not used up', async () => {
    const p = patientWithPrescriptions();
    const url = linkIn((await run(alice, 'appointments', 'patient', { patient: p.mrn })).content);
    const stranger = await fresh();
    const page = await stranger.newPage();
    await open(page, url, 'carol@hospital.test');
    expect(await page.textContent('h1')).toBe('Your sign-in is not linked to Discord yet');
    expect(await page.content()).not.toContain(p.mrn);
    await stranger.close();
    const own = await (await signedInAs(alice, 'alice@hospital.test')).newPage();
    await open(own, url, 'alice@hospital.test');
    expect(await own.textContent('h1')).toContain(p.mrn);
    await own.close();
  });

  it('while the audit trail cannot be written, shows nothing and gives the link back', async () => {
    const p = patientWithPrescriptions();
    const url = linkIn((await run(alice, 'patient', 'history', { patient: p.mrn })).content);
    const page = await (await signedInAs(alice, 'alice@hospital.test')).newPage();
    // Another connection holds the audit chain's lock: the page's audit INSERT waits on it, then gives up.
    const holder = await connect(db.mysqlUrl);
    await holder.query('START TRANSACTION');
    await holder.query('SELECT hash FROM audit_chain_head WHERE id = 1 FOR UPDATE');
    try {
      await open(page, url, 'alice@hospital.test');
      expect(await page.textContent('h1')).toBe('Temporarily unavailable');
      expect(await page.content()).not.toContain(p.mrn);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    await page.goto(url);
    expect(await page.textContent('h1')).toContain(p.mrn);
    await page.close();
    const rows = await auditRows('command = ?', ['/patient history (page)']);
    expect(rows.map((r) => r.outcome)).toEqual(['ok']);
  });

  it("/link-account opened by an account linked to another member is refused and audited; an admin's unlink frees it", async () => {
    await signedInAs(alice, 'alice@hospital.test');
    const url = linkIn((await run(admin, 'link-account', '')).content);
    const page = await (await signedInAs(alice, 'alice@hospital.test')).newPage();
    await open(page, url, 'alice@hospital.test');
    expect(await page.textContent('h1')).toBe('This sign-in account is linked to another Discord member');
    await page.close();
    const refused = await auditRows('command = ? AND outcome = ?', ['/link-account (page)', 'denied']);
    expect(refused.map((r) => r.detail)).toContain('sign-in account already linked to another member');

    const { content } = await run(admin, 'admin', 'unlink-account', { user: alice.id });
    expect(content).toContain('no longer linked');
    linked.delete('alice@hospital.test');
    const again = await (await fresh()).newPage();
    await open(again, url, 'alice@hospital.test');
    await again.click('button[type=submit]');
    expect(await again.textContent('h1')).toBe('Your sign-in is linked');
    const unlinked = await auditRows('command = ?', ['/admin unlink-account']);
    expect(unlinked.map((r) => [r.actor_id, r.outcome])).toEqual([[admin.id, 'ok']]);
  });
});

describe('every phi subcommand with PHI_DELIVERY=link', () => {
  it('a patient report cannot be subscribed to (it would go by DM): refused without echoing it, nothing stored', async () => {
    const p = patientWithPrescriptions();
    const { content } = await run(alice, 'subscribe', 'add', {
      report: `/patient lookup patient:${p.mrn}`,
      at: '07:00',
    });
    expect(content).toContain('/patient lookup shows patients');
    expect(content).toContain('PHI_DELIVERY=link');
    expect(content).not.toContain(p.mrn);
    const c = await connect(db.mysqlUrl);
    const [rows] = await c.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM subscription');
    await c.end();
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it('sends no MRN, name, birth date or phone to Discord in any request body', async () => {
    const c = await connect(db.mysqlUrl);
    const [shared] = await c.query<RowDataPacket[]>(
      'SELECT last_name FROM patient GROUP BY last_name HAVING COUNT(*) > 1 ORDER BY COUNT(*) DESC LIMIT 1',
    );
    await c.end();
    const p = patientWithPrescriptions();
    const several = String(shared[0]?.last_name);
    const asked: [User, string, string, Record<string, string | number>][] = [
      [alice, 'patient', 'search', { name: p.last_name.slice(0, 3) }],
      [alice, 'patient', 'lookup', { patient: p.mrn }],
      [alice, 'patient', 'lookup', { patient: several }],
      [alice, 'patient', 'history', { patient: p.mrn }],
      [alice, 'patient', 'frequent', { window: '365d' }],
      [alice, 'patient', 'never-treated', { type: 'Surgery', window: '365d' }],
      [alice, 'appointments', 'patient', { patient: p.mrn }],
      [alice, 'meds', 'patient', { patient: `${p.first_name} ${p.last_name}` }],
      [alice, 'meds', 'ending', { days: 90 }],
      [alice, 'er', 'symptom', { term: 'pain', window: '365d' }],
      [alice, 'er', 'returns-list', { window: '365d' }],
      [alice, 'er', 'recent-treatments', { window: '30d' }],
      [alice, 'er', 'earliest-treatments', { type: 'Medication' }],
      [alice, 'care', 'gaps', { window: '90d' }],
      [admin, 'admin', 'audit', { patient: p.mrn }],
    ];
    const answers: string[] = [];
    for (const [user, name, sub, options] of asked)
      answers.push((await run(user, name, sub, options)).content);
    // Autocomplete names nobody: the member types the MRN.
    const typing = discord.command(
      alice,
      'patient',
      'lookup',
      { patient: p.last_name.slice(0, 3) },
      {
        focused: 'patient',
      },
    );
    const suggestions = await discord.waitFor(() => discord.for(typing).find((r) => r.method === 'POST'));
    expect((suggestions.body as { data?: { choices?: unknown[] } }).data?.choices).toEqual([]);

    const bodies = discord.requests.map((r) => JSON.stringify(r.body ?? null)).join('\n');
    expect(linesWithPatientData(bodies, patients)).toEqual([]);
    // Each answer was a link to the page.
    answers.forEach((content, n) => expect(content, `/${asked[n]?.[1]} ${asked[n]?.[2]}`).toMatch(LINK));
  });
});

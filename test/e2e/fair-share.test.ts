import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/data/migrate.ts';
import { connect } from '../../src/data/mysql.ts';
import { runSeed } from '../../dev/seed/seed.ts';
import { testDatabases } from '../support/databases.ts';
import { launchBot, stopBot, type Bot } from './bot.ts';
import { linesWithPatientData, seededPatients, type SeededPatient } from './patient-data.ts';
import { DiscordStandIn, IDS, type Pending, type RecordedRequest, type User } from './standin.ts';

/**
 * Each member's fair share, end to end through the real bot process and a loopback Discord: one member
 * flooding reports is told to slow down (audited), and another member's patient lookup is answered,
 * whatever the reports are doing to the database.
 */
const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.Gx1234.standin-token-abcdefghijklmnopqrstuvwxyz0123';
const db = testDatabases('fair_share_e2e');
const discord = new DiscordStandIn(TOKEN);
let clinician: User;
let bot: Bot | undefined;
let patients: SeededPatient[] = [];

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  await runSeed(db.config, { scale: 0.01, seed: 5, end: Date.now() }, () => undefined);
  patients = await seededPatients(db.mysqlUrl);
  await discord.start();
  clinician = discord.addUser('clinician', [IDS.roles.phi]);
  // Pools and fair share at their defaults.
  bot = await launchBot(discord, TOKEN, db.env, {
    ROLE_PHI_IDS: IDS.roles.phi,
    ROLE_REPORT_IDS: IDS.roles.reports,
  });
}, 120_000);

afterAll(async () => {
  if (bot) await stopBot(bot);
  try {
    expect(linesWithPatientData(bot?.logs() ?? '', patients)).toEqual([]);
  } finally {
    await discord.stop();
    await db.drop();
  }
}, 60_000);

const contentOf = (r: RecordedRequest | undefined) => (r?.body as { content?: string } | undefined)?.content;

/**
 * What the asker was finally shown: the edited deferral (once it has content), or the private follow-up
 * that replaces a public deferral for a refusal or an error. `private` says which.
 */
function shown(p: Pending): () => { content: string; private: boolean } | undefined {
  return () => {
    const followUp = discord.requests.find(
      (r) => r.method === 'POST' && r.path.endsWith(`/webhooks/${IDS.application}/${p.token}`),
    );
    if (followUp)
      return {
        content: contentOf(followUp) ?? '',
        private: ((followUp.body as { flags?: number }).flags ?? 0) === 64,
      };
    const edit = discord.requests.find(
      (r) => r.method === 'PATCH' && r.path.endsWith(`/${p.token}/messages/@original`),
    );
    const content = contentOf(edit);
    return content ? { content, private: false } : undefined;
  };
}

async function sql(statement: string, values: unknown[] = []): Promise<RowDataPacket[]> {
  const c = await connect(db.mysqlUrl);
  try {
    const [rows] = await c.query<RowDataPacket[]>(statement, values);
    return rows;
  } finally {
    await c.end();
  }
}

/** Until at least `n` statements of this database wait for a table's lock. */
async function waitingOnLock(n: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const [waiting] = await sql(
      `SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = ? AND STATE LIKE '%metadata lock%'`,
      [db.name],
    );
    if (Number(waiting?.n) >= n) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`fewer than ${n} statements came to wait on the lock`);
}

describe('one member flooding reports', () => {
  it('is told to slow down, privately and audited, while another member’s /patient lookup is answered', async () => {
    const flooder = discord.addUser('flooder', [IDS.roles.reports]);
    const patient = patients[3] as SeededPatient;
    const flood = Array.from({ length: 120 }, () =>
      discord.command(flooder, 'er', 'arrivals', { window: '1y' }),
    );
    const lookup = discord.command(clinician, 'patient', 'lookup', { patient: patient.mrn });

    const answer = await discord.waitFor(shown(lookup), 30_000, 'the lookup answer');
    expect(answer.content).toMatch(/^\*\*/);
    expect(answer.content).toContain(patient.mrn);

    const answers = [];
    for (const [n, p] of flood.entries())
      answers.push(await discord.waitFor(shown(p), 60_000, `the answer to flood report ${n + 1}`));
    const slowed = answers.filter((a) => a.content.startsWith('Slow down: '));
    // The flooder's own checks may time out behind the rows of their refusals: "temporarily unavailable".
    const unavailable = answers.filter((a) => a.content.includes('(temporarily unavailable)'));
    const reports = answers.length - slowed.length - unavailable.length;
    expect(slowed.length).toBeGreaterThan(0);
    for (const a of slowed) expect(a.private).toBe(true);
    // RATE_LIMIT_HEAVY_REPORTS (10) one-year reports in 10 minutes at most.
    expect(reports).toBeLessThanOrEqual(10);

    const [denied] = await sql(
      `SELECT COUNT(*) AS n FROM audit_event
       WHERE actor_id = ? AND command = '/er arrivals (rate limited)' AND outcome = 'denied'`,
      [flooder.id],
    );
    expect(Number(denied?.n)).toBe(slowed.length);
    const [ok] = await sql(
      `SELECT COUNT(*) AS n FROM audit_event WHERE actor_id = ? AND command = '/er arrivals' AND outcome IN ('ok', 'empty')`,
      [flooder.id],
    );
    expect(Number(ok?.n)).toBe(reports);
  }, 180_000);
});

describe('reports stuck on the database', () => {
  it('hold none of the connections a /patient lookup needs: the lookup is answered', async () => {
    // Ten reports, as many as MYSQL_POOL_SIZE's connections, from four members (three each at most).
    const coordinators = Array.from({ length: 4 }, (_, n) =>
      discord.addUser(`coordinator-${n}`, [IDS.roles.reports]),
    );
    const patient = patients[5] as SeededPatient;
    // /staff specialties reads the physician table, which no lookup reads: locked, the reports wait.
    const holder = await connect(db.mysqlUrl);
    await holder.query('LOCK TABLES physician WRITE');
    try {
      const stuck = Array.from({ length: 10 }, (_, n) =>
        discord.command(coordinators[n % 4] as User, 'staff', 'specialties'),
      );
      await waitingOnLock(10);
      const lookup = discord.command(clinician, 'patient', 'lookup', { patient: patient.mrn });
      const answer = await discord.waitFor(shown(lookup), 30_000, 'the lookup answer');
      expect(answer.content).toMatch(/^\*\*/);
      expect(answer.content).toContain(patient.mrn);

      await holder.query('UNLOCK TABLES');
      for (const p of stuck) {
        const report = await discord.waitFor(shown(p), 30_000, 'a report once the lock is gone');
        expect(report.content).not.toMatch(/^Slow down/);
      }
    } finally {
      await holder.end();
    }
  }, 120_000);
});

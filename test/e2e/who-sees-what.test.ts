import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../src/core/time.ts';
import { migrate } from '../../src/data/migrate.ts';
import { connect } from '../../src/data/mysql.ts';
import { activePrescriptions, type PrescriptionRow } from '../../src/data/patient.queries.ts';
import { runSeed } from '../../dev/seed/seed.ts';
import { testDatabases } from '../support/databases.ts';
import { DiscordStandIn, IDS, type RecordedRequest, type User } from './standin.ts';
import { linesWithPatientData, seededPatients } from './patient-data.ts';
import { checkPublicAnswers } from './public-answers.ts';
import { launchBot, stopBot, type Bot } from './bot.ts';

/**
 * Who sees what, end to end through the real bot process and a loopback Discord: clinical text arrives
 * whole, identifiers need the patient-records role, public answers hold aggregates only.
 */
const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.Gx1234.standin-token-abcdefghijklmnopqrstuvwxyz0123';
const TZ = 'America/New_York';
const db = testDatabases('who_sees_e2e', { TZ });
const discord = new DiscordStandIn(TOKEN);
let clinician: User;
let admin: User;
let coordinator: User;
let bot: Bot | undefined;

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  await runSeed(db.config, { scale: 0.01, seed: 9, end: Date.now() }, () => undefined);
  await discord.start();
  clinician = discord.addUser('clinician', [IDS.roles.phi]);
  admin = discord.addUser('admin', [IDS.roles.admin, IDS.roles.reports]);
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
  try {
    // The log scan: the bot of this file logged no seeded patient's identifiers.
    expect(linesWithPatientData(bot?.logs() ?? '', await seededPatients(db.mysqlUrl))).toEqual([]);
    // No public answer of this file lets a withheld count be solved (SUMMARY_MIN_CELL is 5 by default).
    expect(checkPublicAnswers(discord, 5).problems).toEqual([]);
  } finally {
    await discord.stop();
    await db.drop();
  }
});

const body = (r: RecordedRequest) =>
  r.body as { content?: string; flags?: number; data?: { content?: string; flags?: number } };
const originalOf = (p: { token: string }) => () =>
  discord.requests.find((r) => r.method === 'PATCH' && r.path.endsWith(`/${p.token}/messages/@original`));
const followUpOf = (p: { token: string }) => () =>
  discord.requests.find(
    (r) => r.method === 'POST' && r.path.endsWith(`/webhooks/${IDS.application}/${p.token}`),
  );

/** The content of the answer the asker received: the edited reply, or the private follow-up of an error. */
async function answer(
  user: User,
  name: string,
  sub: string,
  options: Record<string, string | number | boolean> = {},
): Promise<string> {
  const p = discord.command(user, name, sub, options);
  // An error arrives as a private follow-up; an answer as the edit of the deferred reply (once it has content).
  const found = await discord.waitFor(
    () =>
      followUpOf(p)() ??
      ((originalOf(p)()?.body as { content?: string } | undefined)?.content ? originalOf(p)() : undefined),
    15_000,
    `the answer to /${name} ${sub}`,
  );
  return body(found).content ?? '';
}

/** The seeded patient whose active prescriptions today include the longest line, and those prescriptions. */
async function patientWithLongestPrescription(): Promise<{ mrn: string; rows: PrescriptionRow[] }> {
  const c = await connect(db.mysqlUrl);
  try {
    const today = localDate(TZ, Date.now());
    const [ids] = await c.query<RowDataPacket[]>(
      `SELECT r.patient_id, p.mrn FROM prescription r JOIN medication m ON m.id = r.medication_id
       JOIN patient p ON p.id = r.patient_id
       WHERE r.status = 'active' AND r.starts_on <= ? AND (r.ends_on IS NULL OR r.ends_on >= ?)
       ORDER BY CHAR_LENGTH(CONCAT(m.name, m.strength, m.form, r.dose, r.frequency)) DESC, r.id LIMIT 1`,
      [today, today],
    );
    const [top] = ids;
    if (!top) throw new Error('the seed has no active prescription today');
    return { mrn: String(top.mrn), rows: await activePrescriptions(c, Number(top.patient_id), today) };
  } finally {
    await c.end();
  }
}

describe('clinical text is never cut', () => {
  it('/patient lookup shows every active prescription whole, within one Discord message', async () => {
    const { mrn, rows } = await patientWithLongestPrescription();
    const longest = Math.max(
      ...rows.map((r) => `${r.name} ${r.strength} ${r.form}: ${r.dose} ${r.frequency}`.length),
    );
    expect(longest).toBeGreaterThan(40);
    const content = await answer(clinician, 'patient', 'lookup', { patient: mrn });
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content).not.toContain('```');
    for (const r of rows)
      expect(content).toContain(`${r.name} ${r.strength} ${r.form}: ${r.dose} ${r.frequency}`);
  });

  it('/meds patient shows each medication, dose and frequency whole', async () => {
    const { mrn, rows } = await patientWithLongestPrescription();
    const content = await answer(clinician, 'meds', 'patient', { patient: mrn });
    expect(content.length).toBeLessThanOrEqual(2000);
    for (const r of rows) {
      expect(content).toContain(`**${r.name} ${r.strength} ${r.form}**`);
      expect(content).toContain(`dose: ${r.dose}`);
      expect(content).toContain(`frequency: ${r.frequency}`);
    }
  });
});

describe('identifiers need the patient-records role', () => {
  it('/admin audit by name, for an administrator without it, names ROLE_PHI_IDS and shows no patient', async () => {
    const c = await connect(db.mysqlUrl);
    const [shared] = await c.query<RowDataPacket[]>(
      'SELECT last_name FROM patient GROUP BY last_name HAVING COUNT(*) > 1 ORDER BY COUNT(*) DESC LIMIT 1',
    );
    const [mrns] = await c.query<RowDataPacket[]>('SELECT mrn FROM patient WHERE last_name = ?', [
      shared[0]?.last_name,
    ]);
    await c.end();
    const content = await answer(admin, 'admin', 'audit', { patient: String(shared[0]?.last_name) });
    expect(content).toContain('ROLE_PHI_IDS');
    expect(content).not.toMatch(/Several patients match|MRN\d/);
    for (const m of mrns) expect(content).not.toContain(String(m.mrn));
  });
});

describe('a public answer', () => {
  it('/er census in the channel shows no longest waits; private:true shows them to the asker', async () => {
    const open = await answer(coordinator, 'er', 'census');
    expect(open).not.toContain('Longest waits');
    expect(open).not.toContain('longest h');
    const own = await answer(coordinator, 'er', 'census', { private: true });
    if (!own.includes('Nobody is in the ER')) expect(own).toContain('Longest waits');
  });
});

describe('appointment reasons are patient data', () => {
  /** A local day of the seed with appointments, each with its reason and its patient's MRN and id. */
  async function dayWithAppointments() {
    const c = await connect(db.mysqlUrl);
    try {
      const [rows] = await c.query<RowDataPacket[]>(
        `SELECT a.starts_at, a.reason, p.id AS patient_id, p.mrn FROM appointment a
         JOIN patient p ON p.id = a.patient_id ORDER BY a.starts_at`,
      );
      const first = rows[0];
      if (!first) throw new Error('the seed has no appointment');
      const date = localDate(TZ, (first.starts_at as Date).getTime());
      const ofDay = rows.filter((r) => localDate(TZ, (r.starts_at as Date).getTime()) === date);
      return {
        date,
        reasons: [...new Set(ofDay.map((r) => String(r.reason)))],
        patients: new Map(ofDay.map((r) => [String(r.mrn), Number(r.patient_id)])),
      };
    } finally {
      await c.end();
    }
  }

  /** What the asker received (the edited reply, or a private message), and the interaction's audit rows. */
  async function ask(user: User, sub: string, options: Record<string, string | boolean>) {
    const p = discord.command(user, 'appointments', sub, options);
    const found = await discord.waitFor(
      () =>
        discord.requests.find(
          (r) =>
            r.method === 'POST' &&
            r.path === `/api/v10/interactions/${p.id}/${p.token}/callback` &&
            (r.body as { type?: number }).type === 4,
        ) ??
        followUpOf(p)() ??
        ((originalOf(p)()?.body as { content?: string } | undefined)?.content ? originalOf(p)() : undefined),
      15_000,
      `the answer to /appointments ${sub}`,
    );
    const c = await connect(db.mysqlUrl);
    const [audit] = await c.query<RowDataPacket[]>(
      'SELECT outcome, patient_ids FROM audit_event WHERE interaction_id = ? ORDER BY id',
      [p.id],
    );
    await c.end();
    const b = body(found);
    return {
      content: b.content ?? b.data?.content ?? '',
      ephemeral: ((b.flags ?? b.data?.flags ?? 0) & 64) === 64,
      audit: audit.map((a) => ({ outcome: String(a.outcome), patientIds: a.patient_ids as number[] })),
      deferral: discord.requests.find(
        (r) => r.method === 'POST' && r.path === `/api/v10/interactions/${p.id}/${p.token}/callback`,
      ),
    };
  }

  it('/appointments day private:true, for a member without the patient-records role, shows counts: no reason, no patient', async () => {
    const { date, reasons, patients } = await dayWithAppointments();
    const own = await ask(coordinator, 'day', { date, private: true });
    expect(own.content).toContain(`Appointments on ${date}`);
    expect(own.content).toContain('appointments');
    for (const reason of reasons) expect(own.content).not.toContain(reason);
    for (const mrn of patients.keys()) expect(own.content).not.toContain(mrn);
    expect(own.audit).toEqual([{ outcome: 'ok', patientIds: [] }]);
  });

  it('/appointments schedule is refused without the patient-records role, naming ROLE_PHI_IDS', async () => {
    const { date, reasons } = await dayWithAppointments();
    const refused = await ask(coordinator, 'schedule', { date });
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain('ROLE_PHI_IDS');
    for (const reason of reasons) expect(refused.content).not.toContain(reason);
    expect(refused.audit).toMatchObject([{ outcome: 'denied', patientIds: [] }]);
  });

  it('/appointments schedule, with the patient-records role, shows each appointment privately and audits its patients', async () => {
    const { date, reasons, patients } = await dayWithAppointments();
    const own = await ask(clinician, 'schedule', { date });
    expect(((own.deferral?.body as { data?: { flags?: number } }).data?.flags ?? 0) & 64).toBe(64);
    expect(reasons.some((reason) => own.content.includes(reason))).toBe(true);
    const shown = [...patients].filter(([mrn]) => own.content.includes(mrn)).map(([, id]) => id);
    expect(shown.length).toBeGreaterThan(0);
    expect(own.audit).toHaveLength(1);
    expect(own.audit[0]?.outcome).toBe('ok');
    expect(own.audit[0]?.patientIds).toEqual(expect.arrayContaining(shown));
  });
});

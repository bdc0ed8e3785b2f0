import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../../src/context.ts';
import { migrate } from '../../src/data/migrate.ts';
import { connect, type Connection } from '../../src/data/mysql.ts';
import type { InvalidLine } from '../../src/ingest/fhir/counts.ts';
import { importFhir } from '../../src/ingest/fhir/import.ts';
import type { Context } from '../../src/runner/command.ts';
import { testDatabases } from '../support/databases.ts';
import { factsOutOfStep } from '../support/visit-facts.ts';
import { replyTo } from '../support/run-command.ts';
import { runScript } from '../support/spawn.ts';
import { SAMPLE } from './fhir-sample.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- the sample's JSON is read as plain objects */
const TZ = 'America/New_York';
const NOW = Date.parse('2023-06-01T12:00:00Z');
const read = (type: string): any[] =>
  readFileSync(join(SAMPLE, `${type}.000.ndjson`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const patients = read('Patient');
const encounters = read('Encounter');
const mrnOf = (p: any): string => p.identifier.find((i: any) => i.type?.coding?.[0]?.code === 'MR').value;
const ofPatient = (ref: any, p: any) => ref?.reference === `Patient/${p.id}`;

const DOMAIN = [
  'patient',
  'staff',
  'physician',
  'department',
  'er_visit',
  'diagnosis',
  'disposition_decision',
];
const TABLES = [
  ...DOMAIN,
  'allergy',
  'medication',
  'prescription',
  'appointment',
  'fhir_resource',
  'fhir_encounter',
];
async function checksums(conn: Connection): Promise<string> {
  const [rows] = await conn.query<RowDataPacket[]>(`CHECKSUM TABLE ${TABLES.join(', ')} EXTENDED`);
  return JSON.stringify(rows.map((r) => [r.Table, String(r.Checksum)]));
}

describe('importing the Synthea Bulk Data sample', () => {
  const db = testDatabases('fhir_import', { TZ });
  let conn: Connection;
  let ctx: Context;
  let close: () => Promise<void>;
  let first: Awaited<ReturnType<typeof importFhir>>;
  const invalid: InvalidLine[] = [];

  beforeAll(async () => {
    await migrate(db.mysqlUrl);
    conn = await connect(db.mysqlUrl);
    first = await importFhir(conn, [SAMPLE], {
      timeZone: TZ,
      since: null,
      onInvalid: (l) => invalid.push(l),
    });
    ({ ctx, close } = await openContext(db.config, () => NOW));
  });
  afterAll(async () => {
    await close?.();
    await conn?.end();
    await db.drop();
  });

  it('uses or deliberately skips every line, with the reason for each skip', () => {
    expect(invalid).toEqual([]);
    expect(first.types.Patient).toMatchObject({ read: 13, imported: 13, invalid: 0 });
    expect(first.types.Encounter).toMatchObject({ read: 1215, imported: 23 + 49 });
    expect(first.types.Encounter?.skippedBecause['Encounter class AMB is not an ER visit']).toBe(1133);
    expect(first.types.MedicationRequest).toMatchObject({ read: 1745, imported: 1745 });
  });

  it('stores no SSN, driver licence or passport number', async () => {
    const secrets = patients.flatMap((p) =>
      p.identifier
        .filter((i: any) => ['SS', 'DL', 'PPN'].includes(i.type?.coding?.[0]?.code))
        .map((i: any) => i.value),
    );
    expect(secrets.length).toBeGreaterThan(30);
    for (const t of ['patient', 'fhir_identifier', 'fhir_resource']) {
      const [rows] = await conn.query<RowDataPacket[]>(`SELECT * FROM ${t}`);
      const text = JSON.stringify(rows);
      expect(secrets.filter((s: string) => text.includes(s))).toEqual([]);
    }
  });

  it.each(patients.map((p) => [mrnOf(p), p]))(
    '/patient lookup %s shows the allergies and active prescriptions of the files, whole',
    async (mrn, p) => {
      const reply = await replyTo(ctx, `/patient lookup patient:${mrn}`);
      const shown = (label: string) =>
        reply.table?.rows.filter((r) => r[0] === label).map((r) => String(r[1]));
      const allergies = read('AllergyIntolerance').filter((a) => ofPatient(a.patient, p));
      expect(shown('allergy')).toEqual(
        allergies.length === 0
          ? ['none recorded']
          : expect.arrayContaining(
              allergies.map((a) =>
                expect.stringContaining(
                  `${a.code.text}: ${(a.reaction ?? []).flatMap((r: any) => r.manifestation.map((m: any) => m.text)).join('; ') || 'reaction not recorded'}`,
                ),
              ),
            ),
      );
      const active = read('MedicationRequest').filter(
        (m) => ofPatient(m.subject, p) && m.status === 'active',
      );
      const prescriptions = shown('prescription') ?? [];
      expect(prescriptions).toHaveLength(active.length === 0 ? 1 : active.length);
      for (const m of active) {
        const dose = (m.dosageInstruction ?? [])
          .map((d: any) => d.text)
          .filter(Boolean)
          .join('; ');
        expect(
          prescriptions.some((s) => s.startsWith(m.medicationCodeableConcept.text) && s.includes(dose)),
        ).toBe(true);
      }
    },
  );

  it.each(patients.map((p) => [mrnOf(p), p]))(
    '/patient history %s lists each emergency encounter',
    async (mrn, p) => {
      const reply = await replyTo(ctx, `/patient history patient:${mrn}`);
      const arrivals = reply.table?.rows.filter((r) => r[1] === 'ER arrival') ?? [];
      expect(arrivals).toHaveLength(
        encounters.filter((e) => e.class.code === 'EMER' && ofPatient(e.subject, p)).length,
      );
    },
  );

  it('/er arrivals counts the emergency encounters that began in its window', async () => {
    const from = Date.parse('2021-01-01T05:00:00Z');
    const to = Date.parse('2024-01-01T05:00:00Z');
    const expected = encounters.filter(
      (e) => e.class.code === 'EMER' && Date.parse(e.period.start) >= from && Date.parse(e.period.start) < to,
    ).length;
    expect(expected).toBe(5);
    const reply = await replyTo(ctx, '/er arrivals from:2021-01-01 to:2023-12-31');
    expect(reply.summary).toContain(`${expected} arrivals`);
  });

  it("keeps each imported visit's measure facts as er_visit_fact_source defines them", async () => {
    const [rows] = await conn.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM er_visit_fact');
    expect(Number(rows[0]?.n)).toBeGreaterThan(0);
    expect(await factsOutOfStep(conn)).toBe(0);
  });

  it('a second import of the same files changes no row', async () => {
    const before = await checksums(conn);
    const again = await importFhir(conn, [SAMPLE], { timeZone: TZ, since: new Date('2023-01-01T00:00:00Z') });
    expect(await checksums(conn)).toBe(before);
    for (const c of Object.values(again.types)) expect([c.imported, c.updated, c.invalid]).toEqual([0, 0, 0]);
    const [runs] = await conn.query<RowDataPacket[]>('SELECT since FROM fhir_import_run ORDER BY id');
    expect(runs.map((r) => (r.since as Date | null)?.toISOString() ?? null)).toEqual([
      null,
      '2023-01-01T00:00:00.000Z',
    ]);
  });

  it('Appointments map their status, patient, provider and department; others are skipped with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fhir-appointments-'));
    try {
      const patient = patients[1];
      const npi = read('Practitioner')[0].identifier[0];
      const location = read('Location')[0];
      const appointment = (id: string, status: string, start: string) => ({
        resourceType: 'Appointment',
        id,
        status,
        start,
        end: start.replace('T09:00:00', 'T09:30:00'),
        description: 'Follow-up after the ER visit',
        participant: [
          { actor: { reference: `Patient/${patient.id}` } },
          { actor: { reference: `Practitioner?identifier=${npi.system}|${npi.value}` } },
          { actor: { reference: `Location/${location.id}` } },
        ],
      });
      const lines = [
        appointment('appt-1', 'booked', '2023-06-05T09:00:00-04:00'),
        appointment('appt-2', 'noshow', '2023-05-20T09:00:00-04:00'),
        appointment('appt-3', 'entered-in-error', '2023-05-21T09:00:00-04:00'),
      ];
      writeFileSync(join(dir, 'Appointment.000.ndjson'), lines.map((l) => JSON.stringify(l)).join('\n'));
      const counts = await importFhir(conn, [dir], { timeZone: TZ, since: null });
      expect(counts.types.Appointment).toMatchObject({ read: 3, imported: 2, skipped: 1, invalid: 0 });
      expect(counts.types.Appointment?.skippedBecause).toEqual({
        'Appointment status entered-in-error is not an appointment': 1,
      });
      const [rows] = await conn.query<RowDataPacket[]>(
        `SELECT a.fhir_id, a.status, a.reason, a.staff_id IS NOT NULL AS has_staff, d.name AS department
         FROM appointment a LEFT JOIN department d ON d.id = a.department_id ORDER BY a.fhir_id`,
      );
      expect(rows).toEqual([
        {
          fhir_id: 'appt-1',
          status: 'scheduled',
          reason: 'Follow-up after the ER visit',
          has_staff: 1,
          department: location.name,
        },
        {
          fhir_id: 'appt-2',
          status: 'no_show',
          reason: 'Follow-up after the ER visit',
          has_staff: 1,
          department: location.name,
        },
      ]);
      const reply = await replyTo(ctx, `/appointments patient patient:${mrnOf(patient)}`);
      expect(reply.table?.rows.length).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a later export updates what changed, and only that', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fhir-later-'));
    try {
      cpSync(SAMPLE, dir, { recursive: true });
      const file = join(dir, 'AllergyIntolerance.000.ndjson');
      const lines = readFileSync(file, 'utf8').split('\n');
      const changed = JSON.parse(lines[0] ?? '');
      changed.reaction = [{ manifestation: [{ text: 'Hives over the whole body, '.repeat(20).trim() }] }];
      lines[0] = JSON.stringify(changed);
      writeFileSync(file, lines.join('\n'));
      const later = await importFhir(conn, [dir], { timeZone: TZ, since: null });
      expect(later.types.AllergyIntolerance).toMatchObject({ updated: 1, imported: 0, unchanged: 10 });
      const [rows] = await conn.query<RowDataPacket[]>('SELECT reaction FROM allergy WHERE fhir_id = ?', [
        changed.id,
      ]);
      expect(rows[0]?.reaction).toBe(changed.reaction[0].manifestation[0].text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('importing damaged copies', () => {
  const db = testDatabases('fhir_damaged', { TZ });
  let dir: string;
  let emer = -1;

  beforeAll(async () => {
    await migrate(db.mysqlUrl);
    dir = mkdtempSync(join(tmpdir(), 'fhir-damaged-'));
    cpSync(SAMPLE, dir, { recursive: true });
    const damage = (type: string, edit: (lines: string[]) => void) => {
      const file = join(dir, `${type}.000.ndjson`);
      const lines = readFileSync(file, 'utf8').split('\n');
      edit(lines);
      writeFileSync(file, lines.join('\n'));
    };
    damage('Patient', (l) => (l[2] = (l[2] ?? '').slice(0, 200))); // a cut line
    damage(
      'Patient',
      (l) => (l[4] = (l[4] ?? '').replace('"resourceType":"Patient"', '"resourceType":"Patinet"')),
    );
    damage('AllergyIntolerance', (l) => (l[0] = (l[0] ?? '').replace(/"id":"[^"]+",/, ''))); // a missing id
    damage('Encounter', (l) => {
      emer = l.findIndex((x) => x.includes('"code":"EMER"'));
      l[emer] = (l[emer] ?? '').replace(/Patient\/[0-9a-f-]+/, 'Patient/not-there');
    });
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  it('reports each bad line with its file, line and reason, imports the rest, and exits 1', async () => {
    const run = await runScript('src/cli/import-fhir.ts', ['--json', dir], db.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Patient\.000\.ndjson:3: not a complete JSON line/);
    expect(run.stderr).toMatch(/Patient\.000\.ndjson:5: resourceType is Patinet, but the file holds Patient/);
    expect(run.stderr).toMatch(/AllergyIntolerance\.000\.ndjson:1: id: /);
    expect(run.stderr).toContain(
      `Encounter.000.ndjson:${emer + 1}: Patient/not-there is not in this import or an earlier one`,
    );
    const counts = JSON.parse(run.stdout);
    expect(counts.types.Patient).toMatchObject({ read: 13, imported: 11, invalid: 2 });
    expect(counts.types.AllergyIntolerance).toMatchObject({ invalid: 1, imported: 10 });
    // Beside the one damaged, the encounters of the two patients left out refer to nobody.
    expect(counts.types.Encounter.invalid).toBeGreaterThanOrEqual(1);
    const conn = await connect(db.mysqlUrl);
    const [rows] = await conn.query<RowDataPacket[]>(
      'SELECT (SELECT COUNT(*) FROM patient) AS patients, (SELECT COUNT(*) FROM allergy) AS allergies',
    );
    await conn.end();
    expect(rows[0]).toMatchObject({ patients: 11, allergies: expect.any(Number) });
  });

  it('exits 2 on a usage error and 3 when MySQL is unreachable', async () => {
    expect((await runScript('src/cli/import-fhir.ts', [], db.env)).code).toBe(2);
    expect((await runScript('src/cli/import-fhir.ts', ['--since', 'yesterday', dir], db.env)).code).toBe(2);
    const away = { ...db.env, MYSQL_URL: 'mysql://root@127.0.0.1:1/hers' };
    const run = await runScript('src/cli/import-fhir.ts', [dir], away);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/Cannot reach MySQL/);
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/data/migrate.ts';
import { connect, type Connection } from '../../src/data/mysql.ts';
import { importFhir } from '../../src/ingest/fhir/import.ts';
import { testDatabases } from '../support/databases.ts';
import { SAMPLE } from './fhir-sample.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- the sample's JSON is read as plain objects */
const lines = (type: string): any[] =>
  readFileSync(join(SAMPLE, `${type}.000.ndjson`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

/**
 * What the FHIR import fills for the ED measures: first provider contact from a practitioner's
 * participation period, else from the in-progress status; the visit left without one when the export
 * carries neither; and the discharge disposition "left against advice".
 */
describe('importing ER encounters for the ED measures', () => {
  const db = testDatabases('fhir_measures');
  const dir = mkdtempSync(join(tmpdir(), 'hers-fhir-measures-'));
  let conn: Connection;

  const patient = lines('Patient')[0];
  const base = lines('Encounter').find(
    (e) => e.class?.code === 'EMER' && e.subject?.reference === `Patient/${patient.id}`,
  );
  const start = Date.parse(base.period.start);
  const iso = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
  const encounter = (id: string, extra: object) => ({
    ...base,
    id,
    period: { start: iso(0), end: iso(180) },
    participant: undefined,
    hospitalization: undefined,
    ...extra,
  });

  beforeAll(async () => {
    await migrate(db.mysqlUrl);
    conn = await connect(db.mysqlUrl);
    const practitioner = { reference: 'Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|1' };
    const encounters = [
      encounter('seen-by-participant', {
        participant: [
          { individual: practitioner, period: { start: iso(40) } },
          { individual: practitioner, period: { start: iso(25) } },
        ],
        hospitalization: { dischargeDisposition: { coding: [{ code: 'aadvice' }] } },
      }),
      encounter('seen-by-status', {
        statusHistory: [
          { status: 'arrived', period: { start: iso(0), end: iso(30) } },
          { status: 'in-progress', period: { start: iso(30), end: iso(180) } },
        ],
        hospitalization: { dischargeDisposition: { coding: [{ code: '07' }] } },
      }),
      encounter('not-carried', {}),
    ];
    writeFileSync(join(dir, 'Patient.000.ndjson'), `${JSON.stringify(patient)}\n`);
    writeFileSync(
      join(dir, 'Encounter.000.ndjson'),
      encounters.map((e) => JSON.stringify(e)).join('\n') + '\n',
    );
    await importFhir(conn, [dir], { timeZone: 'America/New_York', since: null, onInvalid: () => {} });
  });
  afterAll(async () => {
    await conn?.end();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function visit(fhirId: string) {
    const [rows] = await conn.query<RowDataPacket[]>(
      `SELECT TIMESTAMPDIFF(MINUTE, v.arrived_at, v.provider_seen_at) AS seen, d.decision
       FROM er_visit v LEFT JOIN disposition_decision d ON d.visit_id = v.id WHERE v.fhir_id = ?`,
      [fhirId],
    );
    return rows[0];
  }

  it('takes the earliest practitioner participation as first provider contact', async () => {
    expect(await visit('seen-by-participant')).toMatchObject({
      seen: 25,
      decision: 'Left against medical advice',
    });
  });

  it('falls back to the start of in-progress, and reads NUBC 07 as left against advice', async () => {
    expect(await visit('seen-by-status')).toMatchObject({
      seen: 30,
      decision: 'Left against medical advice',
    });
  });

  it('leaves provider contact empty when the export carries neither', async () => {
    expect(await visit('not-carried')).toMatchObject({ seen: null, decision: null });
  });
});

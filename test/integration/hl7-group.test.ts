import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adt, hl7Time, type AdtSpec } from '../../dev/hl7-messages.ts';
import { migrate } from '../../src/data/migrate.ts';
import { createPool, type Pool } from '../../src/data/mysql.ts';
import * as q from '../../src/data/hl7.queries.ts';
import type { Outcome } from '../../src/ingest/hl7/ack.ts';
import { applyAdt } from '../../src/ingest/hl7/apply.ts';
import { commitGroup } from '../../src/ingest/hl7/batch-commit.ts';
import { GroupCommitter } from '../../src/ingest/hl7/committer.ts';
import { createLogger } from '../../src/log.ts';
import { prepare } from '../../src/ingest/hl7/prepare.ts';
import { Rejection } from '../../src/ingest/hl7/rejection.ts';
import { testDatabases } from '../support/databases.ts';

/**
 * A group commit applies many messages at once (batch-commit.ts). Its result must be the one of applying
 * them one after another, each in its own transaction (apply.ts): compared here table by table, on two
 * databases fed the same messages.
 */

const groupedDb = testDatabases('hl7_grouped');
const oneByOneDb = testDatabases('hl7_one_by_one');
let grouped: Pool;
let oneByOne: Pool;

const MINUTE = 60_000;
const base = Date.now() - 120 * MINUTE;
const at = (minutes: number) => hl7Time(base + minutes * MINUTE);
const TZ = groupedDb.config.timeZone;
const person = { family: 'Okafor', given: 'Ada', birthDate: '19800101', sex: 'F' };

const message = (spec: AdtSpec) => ({ prepared: prepare(Buffer.from(adt(spec)), TZ, []), receivedAt: 0 });

async function applyGrouped(specs: AdtSpec[]): Promise<Outcome['ack'][]> {
  const conn = await grouped.getConnection();
  try {
    await q.readCommitted(conn);
    await conn.beginTransaction();
    const outcomes = await commitGroup(conn, specs.map(message));
    await conn.commit();
    return outcomes.map((o) => o.ack);
  } finally {
    conn.release();
  }
}

/** The reference: each message alone in its transaction, through apply.ts. */
async function applyOneByOne(specs: AdtSpec[]): Promise<void> {
  for (const spec of specs) {
    const event = message(spec).prepared.event;
    if (!event) continue;
    const conn = await oneByOne.getConnection();
    try {
      await conn.beginTransaction();
      await applyAdt(conn, event);
      await conn.commit();
    } catch (err) {
      await conn.rollback();
      if (!(err instanceof Rejection)) throw err;
    } finally {
      conn.release();
    }
  }
}

/** What the ADT messages made, named by MRN and visit number rather than by generated ids. */
async function tables(pool: Pool) {
  const rows = async (sql: string) => (await pool.query<RowDataPacket[]>(sql))[0];
  return {
    patients: await rows(
      `SELECT p.mrn, p.first_name, p.last_name, p.date_of_birth, p.sex, p.phone, h.field_times
       FROM patient p LEFT JOIN hl7_patient h ON h.patient_id = p.id ORDER BY p.mrn`,
    ),
    visits: await rows(
      `SELECT h.visit_number, h.field_times, h.cancelled_at, p.mrn, v.arrived_at, v.departed_at, v.reason,
         d.decision, d.decided_at, dp.mrn AS decision_mrn
       FROM hl7_visit h LEFT JOIN er_visit v ON v.id = h.visit_id LEFT JOIN patient p ON p.id = v.patient_id
       LEFT JOIN disposition_decision d ON d.visit_id = v.id LEFT JOIN patient dp ON dp.id = d.patient_id
       ORDER BY h.visit_number`,
    ),
    allergies: await rows(
      `SELECT p.mrn, a.substance, a.severity, a.reaction FROM allergy a JOIN patient p ON p.id = a.patient_id
       ORDER BY p.mrn, a.substance`,
    ),
    diagnoses: await rows(
      `SELECT h.visit_number, d.code, d.description FROM diagnosis d JOIN hl7_visit h ON h.visit_id = d.visit_id
       ORDER BY h.visit_number, d.code`,
    ),
  };
}

const rawMessages = async (controlId: string) =>
  (
    await grouped.query<RowDataPacket[]>('SELECT outcome FROM hl7_message WHERE control_id = ?', [controlId])
  )[0];

beforeAll(async () => {
  await Promise.all([migrate(groupedDb.mysqlUrl), migrate(oneByOneDb.mysqlUrl)]);
  grouped = createPool(groupedDb.mysqlUrl, 2);
  oneByOne = createPool(oneByOneDb.mysqlUrl, 2);
});

afterAll(async () => {
  await grouped?.end();
  await oneByOne?.end();
  await groupedDb.drop();
  await oneByOneDb.drop();
});

describe('hl7 group commit', () => {
  it('many messages about the same new patients and visits in one group leave the rows applying them one by one leaves', async () => {
    const specs: AdtSpec[] = [
      // A new patient registered, renamed, discharged; an older update that must lose per field.
      { event: 'A04', controlId: 'G-1', at: at(0), mrn: 'G-M1', ...person, visit: 'G-V1', arrival: at(0) },
      {
        event: 'A08',
        controlId: 'G-2',
        at: at(10),
        mrn: 'G-M1',
        family: 'Okafor-Bello',
        given: 'Ada',
        phone: '555-0100',
      },
      { event: 'A08', controlId: 'G-3', at: at(5), mrn: 'G-M1', family: 'Older', given: 'Adaeze' },
      {
        event: 'A03',
        controlId: 'G-4',
        at: at(30),
        mrn: 'G-M1',
        visit: 'G-V1',
        departure: at(30),
        disposition: '01',
        diagnoses: [{ code: 'R07.9', text: 'Chest pain' }],
      },
      // Out of order: the discharge before its registration; then a cancelled discharge.
      { event: 'A03', controlId: 'G-5', at: at(50), mrn: 'G-M2', ...person, visit: 'G-V2', arrival: at(20) },
      {
        event: 'A04',
        controlId: 'G-6',
        at: at(20),
        mrn: 'G-M2',
        visit: 'G-V2',
        arrival: at(20),
        complaint: 'Fall',
        allergies: [{ substance: 'Penicillin', severity: 'SV', reaction: 'Hives' }],
      },
      { event: 'A13', controlId: 'G-7', at: at(60), mrn: 'G-M2', visit: 'G-V2' },
      // Refused on validation in the middle of the group: a departure before the arrival.
      { event: 'A03', controlId: 'G-8', at: at(70), mrn: 'G-M2', visit: 'G-V2', departure: at(1) },
      { event: 'A08', controlId: 'G-9', at: at(80), mrn: 'G-M2', phone: '555-0111' },
    ];
    const acks = await applyGrouped(specs);
    await applyOneByOne(specs);

    expect(acks).toEqual(['AA', 'AA', 'AA', 'AA', 'AA', 'AA', 'AA', 'AE', 'AA']);
    const got = await tables(grouped);
    expect(got).toEqual(await tables(oneByOne));
    expect(got.patients.map((p) => [p.mrn, p.first_name, p.last_name])).toEqual([
      ['G-M1', 'Ada', 'Okafor-Bello'],
      ['G-M2', 'Ada', 'Okafor'],
    ]);
    expect(got.visits.map((v) => [v.visit_number, v.decision, v.departed_at])).toEqual([
      ['G-V1', 'Discharge', expect.any(Date)],
      ['G-V2', null, null],
    ]);
  });

  it('two copies of a message in one group are answered AA and applied once; a copy of one answered before too', async () => {
    const spec: AdtSpec = {
      event: 'A04',
      controlId: 'D-1',
      at: at(0),
      mrn: 'D-M1',
      ...person,
      visit: 'D-V1',
      arrival: at(0),
      diagnoses: [{ code: 'S09.9', text: 'Head injury' }],
    };
    expect(await applyGrouped([spec, spec])).toEqual(['AA', 'AA']);
    expect(await applyGrouped([spec, { ...spec, controlId: 'D-2', visit: 'D-V2' }, spec])).toEqual([
      'AA',
      'AA',
      'AA',
    ]);

    expect(await rawMessages('D-1')).toEqual([{ outcome: 'AA' }]);
    const visits = (await tables(grouped)).visits.filter((v) => v.mrn === 'D-M1');
    expect(visits.map((v) => v.visit_number)).toEqual(['D-V1', 'D-V2']);
    const [diagnoses] = await grouped.query<RowDataPacket[]>(
      `SELECT COUNT(*) AS n FROM diagnosis d JOIN hl7_visit h ON h.visit_id = d.visit_id
       WHERE h.visit_number = 'D-V1'`,
    );
    expect(diagnoses[0]?.n).toBe(1);
  });

  it('one message refused in a group is stored AE and changes nothing; the others of the group are applied', async () => {
    const acks = await applyGrouped([
      { event: 'A04', controlId: 'R-1', at: at(0), mrn: 'R-M1', ...person, visit: 'R-V1', arrival: at(0) },
      // A new patient without a birth date: refused, and neither patient nor visit is made.
      {
        event: 'A04',
        controlId: 'R-2',
        at: at(1),
        mrn: 'R-M2',
        family: 'Nobody',
        visit: 'R-V2',
        arrival: at(1),
      },
      { event: 'A04', controlId: 'R-3', at: at(2), mrn: 'R-M3', ...person, visit: 'R-V3', arrival: at(2) },
    ]);

    expect(acks).toEqual(['AA', 'AE', 'AA']);
    expect(await rawMessages('R-2')).toEqual([{ outcome: 'AE' }]);
    const got = await tables(grouped);
    expect(got.patients.map((p) => p.mrn).filter((m: string) => m.startsWith('R-'))).toEqual([
      'R-M1',
      'R-M3',
    ]);
    expect(got.visits.map((v) => v.visit_number).filter((n: string) => n.startsWith('R-'))).toEqual([
      'R-V1',
      'R-V3',
    ]);
  });

  it('a refused message leaves no field time behind: an older message after it in the group still wins', async () => {
    const first: AdtSpec = {
      event: 'A04',
      controlId: 'S-1',
      at: at(0),
      mrn: 'S-M1',
      ...person,
      visit: 'S-V1',
    };
    // The same patient again, later, with a departure before the arrival of its visit: refused alone.
    const bad: AdtSpec = {
      event: 'A03',
      controlId: 'S-2',
      at: at(9),
      mrn: 'S-M1',
      visit: 'S-V1',
      departure: at(-5),
    };
    expect(
      await applyGrouped([first, bad, { ...bad, controlId: 'S-3', at: at(8), departure: at(8) }]),
    ).toEqual(['AA', 'AE', 'AA']);
    const visit = (await tables(grouped)).visits.find((v) => v.visit_number === 'S-V1');
    expect(visit?.departed_at).toEqual(expect.any(Date));
  });

  it('a value the database refuses in a grouped write is applied again message by message: only its message gets AE', async () => {
    // A real refusal by the server: a trigger that rejects one name as out of range (SQLSTATE 22003).
    await grouped.query(
      `CREATE TRIGGER refuse_name BEFORE INSERT ON patient FOR EACH ROW
       IF NEW.last_name = 'Refused' THEN SIGNAL SQLSTATE '22003' SET MESSAGE_TEXT = 'refused'; END IF`,
    );
    try {
      const committer = new GroupCommitter(grouped, 1, createLogger({ logLevel: 'error' }));
      const spec = (n: number, family: string): AdtSpec => ({
        event: 'A04',
        controlId: `F-${n}`,
        at: at(n),
        mrn: `F-M${n}`,
        ...person,
        family,
        visit: `F-V${n}`,
        arrival: at(n),
      });
      // The first message is committed alone; the three submitted while it commits form the next group.
      const outcomes = await Promise.all(
        [spec(1, 'Okafor'), spec(2, 'Okafor'), spec(3, 'Refused'), spec(4, 'Okafor')].map((s) =>
          committer.submit(0, prepare(Buffer.from(adt(s)), TZ, [])),
        ),
      );

      expect(outcomes.map((o) => o.ack)).toEqual(['AA', 'AA', 'AE', 'AA']);
      expect(outcomes[2]).toMatchObject({ reason: expect.stringContaining('the database refused it') });
      expect(await rawMessages('F-3')).toEqual([{ outcome: 'AE' }]);
      const mrns = (await tables(grouped)).patients.map((p) => p.mrn as string);
      expect(mrns.filter((m) => m.startsWith('F-'))).toEqual(['F-M1', 'F-M2', 'F-M4']);
    } finally {
      await grouped.query('DROP TRIGGER refuse_name');
    }
  });
});

import type { Db, Document, MongoClient } from 'mongodb';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DispatchIncidentDoc, ErTreatmentDoc } from '../../src/data/documents.ts';
import { ErDocumentWriter, writeErDocuments } from '../../src/data/er.bucket-writer.ts';
import { migrate } from '../../src/data/migrate.ts';
import { connectMongo } from '../../src/data/mongo.ts';
import { connect, type Connection } from '../../src/data/mysql.ts';
import { generateInto, type Cell } from '../../dev/seed/generate.ts';
import { SqlRowStream } from '../../dev/seed/sql-stream.ts';
import { testDatabases } from '../support/databases.ts';

const db = testDatabases('seed_stream');
let connections: Connection[] = [];
let mongo: MongoClient;

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  connections = [await connect(db.mysqlUrl), await connect(db.mysqlUrl)];
  for (const c of connections) await c.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
  mongo = await connectMongo(db.mongoUri);
});

afterAll(async () => {
  for (const c of connections) await c.end();
  for (const suffix of ['_whole', '_streamed', '_late_whole', '_late_streamed'])
    await mongo?.db(`${db.name}${suffix}`).dropDatabase();
  await mongo?.close();
  await db.drop();
});

const patient = (id: number, first: string, last: string, phone: string | null): Cell[] => [
  id,
  `MRN${1_000_000 + id}`,
  first,
  last,
  '1980-02-29',
  'unknown',
  phone,
];

describe('loading rows with LOAD DATA LOCAL INFILE', () => {
  it('keeps text with tabs, newlines, backslashes, quotes and unicode, and NULL apart from "NULL" and \\N', async () => {
    const awkward: Cell[][] = [
      patient(1, 'Tab\there', 'New\nline', null),
      patient(2, 'Back\\slash', 'C:\\\\path\\', 'NULL'),
      patient(3, `O'Brien "Bo"`, 'Zoë 医院 🚑', ''),
      patient(4, '\\N', 'Carriage\rreturn', '\\'),
      patient(5, 'Nul\0byte', '  spaces  ', '(201) 555-0100'),
    ];
    const stream = new SqlRowStream(connections);
    for (const row of awkward) stream.row('patient', row);
    await stream.finish();
    const [rows] = await connections[0]!.query<RowDataPacket[]>(
      `SELECT id, mrn, first_name, last_name, DATE_FORMAT(date_of_birth, '%Y-%m-%d') AS born, sex, phone
       FROM patient WHERE id <= 5 ORDER BY id`,
    );
    expect(rows.map((r) => Object.values(r))).toEqual(awkward);
    expect(stream.loaded).toBe(5);
  });

  it('loads many chunks over both connections, and counts the rows of each table', async () => {
    const stream = new SqlRowStream(connections, 2_000);
    for (let id = 100; id < 3_100; id++) {
      stream.row('patient', patient(id, 'Ann', `Lee${id}`, '(201) 555-0101'));
      if (id % 100 === 0) await stream.ready();
    }
    stream.row('medication', [1, 'Aspirin', 'tablet', '81 mg']);
    await stream.finish();
    const [counted] = await connections[0]!.query<RowDataPacket[]>(
      'SELECT COUNT(*) AS n FROM patient WHERE id BETWEEN 100 AND 3099',
    );
    expect(Number(counted[0]?.n)).toBe(3_000);
    expect(stream.tables().filter((t) => t.rows > 0)).toEqual([
      { name: 'patient', rows: 3_000 },
      { name: 'medication', rows: 1 },
    ]);
  });

  it('fails when the server skips a row (LOAD DATA LOCAL only warns), naming the table but no data', async () => {
    const stream = new SqlRowStream(connections);
    stream.row('patient', patient(9_000, 'Ann', 'Lee', null));
    stream.row('patient', patient(9_000, 'Ann', 'Again', null));
    const failed = await stream.finish().catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Error);
    expect((failed as Error).message).toMatch(/LOAD DATA into patient took 1 of 2 rows/);
    expect((failed as Error).message).not.toContain('Again');
  });
});

/** Every bucket and raw collection of a database, documents in _id order. */
async function contents(target: Db): Promise<Record<string, Document[]>> {
  const names = (await target.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
  const out: Record<string, Document[]> = {};
  for (const name of names) out[name] = await target.collection(name).find().sort({ _id: 1 }).toArray();
  return out;
}

describe('writing ER documents as they are generated', () => {
  it('stores the same raw documents and buckets as writing them all at once', async () => {
    const incidents: DispatchIncidentDoc[] = [];
    const treatments: ErTreatmentDoc[] = [];
    const streamed = mongo.db(`${db.name}_streamed`);
    const writer = new ErDocumentWriter(streamed, { fresh: true });
    const steps = generateInto(
      { scale: 0.02, seed: 3, end: Date.parse('2026-03-20T12:00:00Z'), timeZone: 'America/New_York' },
      {
        row: () => undefined,
        incident: (d) => (incidents.push(d), writer.incident(d)),
        treatment: (d) => (treatments.push(d), writer.treatment(d)),
      },
    );
    for (let step = steps.next(); !step.done; step = steps.next()) {
      writer.documentsFrom(step.value.documentsFrom);
      await writer.ready();
    }
    await writer.finish();
    const whole = mongo.db(`${db.name}_whole`);
    await writeErDocuments(whole, incidents, treatments);
    expect(treatments.length).toBeGreaterThan(1_000);
    expect(await contents(streamed)).toEqual(await contents(whole));
  });

  it('merges a document that comes after its day was written, as if it had come in time', async () => {
    const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T10:00:00Z`;
    const treatment = (id: number, type: string, at: string): ErTreatmentDoc => ({
      _id: id,
      visitId: id,
      patientId: id,
      type,
      performedAt: new Date(at),
      outcome: 'Improved',
      physicians: [1],
      nurses: [2],
      notes: '',
    });
    const early = Array.from({ length: 12 }, (_, i) =>
      treatment(i + 1, i % 2 ? 'Casting' : 'Suturing', day(i + 1)),
    );
    const late = treatment(99, 'Imaging', day(2));
    const streamed = mongo.db(`${db.name}_late_streamed`);
    const writer = new ErDocumentWriter(streamed, { fresh: true });
    for (const d of early) writer.treatment(d);
    writer.documentsFrom(Date.parse(day(12)));
    await writer.ready();
    writer.treatment(late);
    await writer.finish();
    const whole = mongo.db(`${db.name}_late_whole`);
    await writeErDocuments(whole, [], [...early, late]);
    expect(await contents(streamed)).toEqual(await contents(whole));
    const counts = await streamed
      .collection<{ _id: string; counts: unknown }>('er_treatment_counts_2026_03')
      .findOne({ _id: '2026-03-02' });
    expect(counts?.counts).toEqual([
      { type: 'Casting', n: 1 },
      { type: 'Imaging', n: 1 },
    ]);
  });
});

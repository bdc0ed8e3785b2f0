import type { Db, MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DispatchIncidentDoc, ErTreatmentDoc } from '../../src/data/documents.ts';
import { writeErDocuments } from '../../src/data/er.bucket-writer.ts';
import { isBucketCollection } from '../../src/data/er.buckets.ts';
import {
  documentCounts,
  earliestTreatments,
  incidentsOfSeverity,
  natureCountsOfSeverity,
  treatmentCountsByType,
} from '../../src/data/er.pipeline.ts';
import { connectMongo, ensureMongoSchema } from '../../src/data/mongo.ts';
import { testDatabases } from '../support/databases.ts';

const databases = testDatabases('pipeline');
let client: MongoClient;
let db: Db;

const at = (iso: string) => new Date(`${iso}Z`);
const FROM = at('2026-03-01T00:00:00');
const TO = at('2026-03-08T00:00:00');

function incident(
  _id: number,
  severity: DispatchIncidentDoc['severity'],
  dispatchedAt: string,
  nature: string,
): DispatchIncidentDoc {
  return {
    _id,
    severity,
    dispatchedAt: at(dispatchedAt),
    nature,
    callIds: [_id * 10],
    location: { address: `${_id} Main St`, district: 'North' },
    units: [],
    patientIds: [_id + 100],
    responseMinutes: _id,
    notes: 'not for reports',
    tags: [],
  };
}

function treatment(_id: number, type: string, performedAt: string): ErTreatmentDoc {
  return {
    _id,
    visitId: _id + 1000,
    patientId: _id + 100,
    type,
    performedAt: at(performedAt),
    outcome: 'improved',
    physicians: [1],
    nurses: [2],
    notes: 'not for reports',
  };
}

beforeAll(async () => {
  client = await connectMongo(databases.mongoUri);
  db = client.db(databases.name);
  await ensureMongoSchema(db);
  await writeErDocuments(
    db,
    [
      incident(1, 'high', '2026-03-02T10:00:00', 'fall'),
      incident(2, 'high', '2026-03-05T10:00:00', 'chest pain'),
      incident(3, 'high', '2026-03-06T10:00:00', 'fall'),
      incident(4, 'high', '2026-03-08T00:00:00', 'fall'), // at `to`: outside the window
      incident(5, 'medium', '2026-03-03T10:00:00', 'fall'),
    ],
    [
      treatment(1, 'Casting', '2026-02-20T10:00:00'),
      treatment(2, 'Casting', '2026-03-02T10:00:00'),
      treatment(3, 'Suturing', '2026-03-03T10:00:00'),
      treatment(4, 'Casting', '2026-03-04T10:00:00'),
      treatment(5, 'Suturing', '2026-03-01T00:00:00'),
    ],
  );
});

afterAll(async () => {
  await client?.close();
  await databases.drop();
});

describe('typed dispatch and treatment queries (MongoDB)', () => {
  it('lists the incidents of a severity in the window, newest first, without notes or call ids', async () => {
    const rows = await incidentsOfSeverity(db, 'high', FROM, TO, 10);
    expect(rows.map((r) => r._id)).toEqual([3, 2, 1]);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(
      ['_id', 'dispatchedAt', 'location', 'nature', 'patientIds', 'responseMinutes', 'tags', 'units'].sort(),
    );
    expect(rows[0]?.dispatchedAt).toEqual(at('2026-03-06T10:00:00'));
  });

  it('stops at the limit, keeping the newest incidents', async () => {
    expect((await incidentsOfSeverity(db, 'high', FROM, TO, 2)).map((r) => r._id)).toEqual([3, 2]);
  });

  it('counts the natures of a severity in the window, most frequent first', async () => {
    expect(await natureCountsOfSeverity(db, 'high', FROM, TO)).toEqual([
      { nature: 'fall', n: 2 },
      { nature: 'chest pain', n: 1 },
    ]);
    expect(await natureCountsOfSeverity(db, 'low', FROM, TO)).toEqual([]);
  });

  it('counts treatments by type in the window, from its first instant on', async () => {
    expect(await treatmentCountsByType(db, FROM, TO)).toEqual([
      { type: 'Casting', n: 2 },
      { type: 'Suturing', n: 2 },
    ]);
  });

  it('lists the earliest treatments of a type on record, oldest first, whatever the window', async () => {
    const rows = await earliestTreatments(db, 'Casting', 2);
    expect(rows).toEqual([
      { _id: 1, visitId: 1001, patientId: 101, performedAt: at('2026-02-20T10:00:00'), outcome: 'improved' },
      { _id: 2, visitId: 1002, patientId: 102, performedAt: at('2026-03-02T10:00:00'), outcome: 'improved' },
    ]);
  });

  it('answers a window over a month boundary with partly covered days at both ends', async () => {
    const from = at('2026-02-20T09:00:00');
    const to = at('2026-03-02T10:00:01');
    expect(await treatmentCountsByType(db, from, to)).toEqual([
      { type: 'Casting', n: 2 },
      { type: 'Suturing', n: 1 },
    ]);
    expect(await treatmentCountsByType(db, at('2026-02-20T10:00:01'), at('2026-03-02T10:00:00'))).toEqual([
      { type: 'Suturing', n: 1 },
    ]);
    expect(
      await natureCountsOfSeverity(db, 'high', at('2026-03-02T10:00:00'), at('2026-03-02T10:00:01')),
    ).toEqual([{ nature: 'fall', n: 1 }]);
  });

  it('keeps its buckets in step when documents are written later, into days already bucketed', async () => {
    const later = client.db(`${databases.name}_later`);
    try {
      await writeErDocuments(
        later,
        [incident(1, 'high', '2026-03-02T10:00:00', 'fall')],
        [treatment(1, 'Casting', '2026-03-02T10:00:00'), treatment(2, 'Casting', '2026-03-02T11:00:00')],
      );
      await writeErDocuments(
        later,
        [
          incident(2, 'high', '2026-03-02T09:00:00', 'fall'),
          incident(3, 'high', '2026-03-02T12:00:00', 'burn'),
        ],
        [treatment(3, 'Casting', '2026-03-01T09:00:00'), treatment(4, 'Suturing', '2026-03-02T12:00:00')],
      );
      expect(await treatmentCountsByType(later, FROM, TO)).toEqual([
        { type: 'Casting', n: 3 },
        { type: 'Suturing', n: 1 },
      ]);
      expect(await treatmentCountsByType(later, at('2026-03-02T10:30:00'), TO)).toEqual([
        { type: 'Casting', n: 1 },
        { type: 'Suturing', n: 1 },
      ]);
      expect((await earliestTreatments(later, 'Casting', 5)).map((r) => r._id)).toEqual([3, 1, 2]);
      expect((await incidentsOfSeverity(later, 'high', FROM, TO, 10)).map((r) => r._id)).toEqual([3, 1, 2]);
      expect(await natureCountsOfSeverity(later, 'high', FROM, TO)).toEqual([
        { nature: 'fall', n: 2 },
        { nature: 'burn', n: 1 },
      ]);
    } finally {
      await later.dropDatabase();
    }
  });

  it('reads buckets through their _id index', async () => {
    const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    const buckets = names.filter(isBucketCollection);
    expect(buckets.length).toBeGreaterThan(4);
    for (const name of buckets) {
      expect((await db.collection(name).indexes()).map((i) => i.key)).toContainEqual({ _id: 1 });
    }
  });

  it('counts the documents of both collections', async () => {
    expect(await documentCounts(db)).toEqual({ dispatchIncidents: 5, erTreatments: 5 });
  });
});

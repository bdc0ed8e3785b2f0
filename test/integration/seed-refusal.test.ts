import { userInfo } from 'node:os';
import type { MongoClient } from 'mongodb';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPATCH_INCIDENTS, ER_TREATMENTS } from '../../src/data/documents.ts';
import { migrate } from '../../src/data/migrate.ts';
import { connectMongo } from '../../src/data/mongo.ts';
import { connect } from '../../src/data/mysql.ts';
import { loadGenerated } from '../../dev/seed/load.ts';
import { runSeed, type SeedOptions } from '../../dev/seed/seed.ts';
import { testDatabases, type TestDatabases } from '../support/databases.ts';

const OPTS: SeedOptions = { scale: 0.01, seed: 2, end: Date.parse('2026-01-10T00:00:00Z') };
let mongo: MongoClient;
const created: TestDatabases[] = [];

beforeAll(async () => {
  mongo = await connectMongo(testDatabases('seed_refuse_probe').mongoUri);
});
afterAll(async () => {
  for (const db of created) await db.drop();
  await mongo.close();
});

/** A migrated, empty MySQL database and an empty Mongo database of the test's own. */
async function emptyDatabases(label: string): Promise<TestDatabases> {
  const db = testDatabases(label);
  created.push(db);
  await migrate(db.mysqlUrl);
  return db;
}

async function sqlCount(db: TestDatabases, table: string): Promise<number> {
  const c = await connect(db.mysqlUrl);
  try {
    const [r] = await c.query<RowDataPacket[]>(`SELECT COUNT(*) AS n FROM \`${table}\``);
    return Number(r[0]?.n);
  } finally {
    await c.end();
  }
}

async function sqlExec(db: TestDatabases, sql: string): Promise<void> {
  const c = await connect(db.mysqlUrl);
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

describe('db:seed on a database with no patients', () => {
  it('refuses when MongoDB holds dispatch incidents or treatments, names them, and drops nothing', async () => {
    const db = await emptyDatabases('seed_ref_mongo');
    await mongo
      .db(db.name)
      .collection(DISPATCH_INCIDENTS)
      .insertOne({ _id: 1 as never, severity: 'high' });
    await mongo
      .db(db.name)
      .collection(ER_TREATMENTS)
      .insertMany([{ visitId: 1 }, { visitId: 2 }]);
    await expect(runSeed(db.config, OPTS, () => undefined)).rejects.toThrow(
      new RegExp(`${ER_TREATMENTS}: 2 documents.*Nothing was changed: run again with --replace`),
    );
    expect(await mongo.db(db.name).collection(DISPATCH_INCIDENTS).countDocuments()).toBe(1);
    expect(await mongo.db(db.name).collection(ER_TREATMENTS).countDocuments()).toBe(2);
    expect(await sqlCount(db, 'audit_event')).toBe(0);
  });

  it('refuses when another domain table holds rows (emergency calls), names it, and truncates nothing', async () => {
    const db = await emptyDatabases('seed_ref_sql');
    await sqlExec(
      db,
      `INSERT INTO emergency_call (received_at, caller_name, caller_phone, location, nature) VALUES (UTC_TIMESTAMP(), 'Ann Lee', '555-0100', '1 Main St', 'stroke')`,
    );
    await expect(runSeed(db.config, OPTS, () => undefined)).rejects.toThrow(/emergency_call: 1 row\b/);
    expect(await sqlCount(db, 'emergency_call')).toBe(1);
    expect(await sqlCount(db, 'patient')).toBe(0);
  });

  it('with --replace, replaces them and records the operating-system login as who did it', async () => {
    const db = await emptyDatabases('seed_ref_replace');
    await mongo.db(db.name).collection(DISPATCH_INCIDENTS).insertOne({ marker: 'old' });
    await runSeed(db.config, { ...OPTS, replace: true }, () => undefined);
    expect(await mongo.db(db.name).collection(DISPATCH_INCIDENTS).countDocuments({ marker: 'old' })).toBe(0);
    const c = await connect(db.mysqlUrl);
    const [rows] = await c.query<RowDataPacket[]>('SELECT actor_id, command, detail FROM audit_event');
    await c.end();
    expect(rows).toEqual([
      expect.objectContaining({
        actor_id: `console:${userInfo().username}`.slice(0, 32),
        command: 'db:seed',
      }),
    ]);
  });
});

describe('loading a dataset', () => {
  it('checks again on the connection that truncates, and data that arrived since the first check stops it', async () => {
    const db = await emptyDatabases('seed_ref_late');
    // Written after db:seed's first check found the database empty.
    await sqlExec(
      db,
      `INSERT INTO emergency_call (received_at, caller_name, caller_phone, location, nature) VALUES (UTC_TIMESTAMP(), 'Ann Lee', '555-0100', '1 Main St', 'stroke')`,
    );
    let checkedOn: unknown;
    await expect(
      loadGenerated(
        { ...OPTS, timeZone: db.config.timeZone },
        db.mysqlUrl,
        mongo.db(db.name),
        () => undefined,
        async (conn) => {
          checkedOn = conn;
          const [r] = await conn.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM emergency_call');
          if (Number(r[0]?.n) > 0) throw new Error('emergency_call holds rows');
        },
      ),
    ).rejects.toThrow('emergency_call holds rows');
    expect(checkedOn).toBeDefined();
    expect(await sqlCount(db, 'emergency_call')).toBe(1);
  });
});

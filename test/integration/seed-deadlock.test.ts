import type { RowDataPacket } from 'mysql2/promise';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cell } from '../../dev/seed/generate.ts';
import { SqlRowStream } from '../../dev/seed/sql-stream.ts';
import { migrate } from '../../src/data/migrate.ts';
import { connect, type Connection } from '../../src/data/mysql.ts';
import { testDatabases } from '../support/databases.ts';

/**
 * db:seed loads on two connections at once, and MariaDB may pick one of its LOAD DATA statements as the
 * victim of a deadlock ("Deadlock found when trying to get lock; try restarting transaction"). Here a
 * competing transaction provokes one for real: it holds a row the load needs, then asks for a row the
 * load has already inserted. The competitor has written far more, so InnoDB rolls back the load.
 */
const db = testDatabases('seed_deadlock');
let loaders: Connection[] = [];
let competitor: Connection;

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  loaders = [await connect(db.mysqlUrl), await connect(db.mysqlUrl)];
  for (const c of loaders) await c.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
  competitor = await connect(db.mysqlUrl);
});

afterAll(async () => {
  for (const c of [...loaders, competitor]) await c?.end();
  await db.drop();
});

const patient = (id: number): Cell[] => [
  id,
  `MRN${1_000_000 + id}`,
  'Ann',
  'Lee',
  '1980-02-29',
  'unknown',
  null,
];

async function count(where: string): Promise<number> {
  const [rows] = await competitor.query<RowDataPacket[]>(`SELECT COUNT(*) AS n FROM patient WHERE ${where}`);
  return Number(rows[0]?.n);
}

/**
 * Waits until one of the loaders' LOAD DATA waits for a row lock. It reads SHOW ENGINE INNODB STATUS, which
 * InnoDB writes afresh on every call, and not information_schema.innodb_trx: InnoDB fills that table from a
 * cache it refreshes only once nobody on the whole server has read it for 100 ms (CACHE_MIN_IDLE_TIME_NS in
 * trx0i_s.cc), so a poll every 25 ms reads the rows of its first read again and again and never sees the wait.
 */
async function loadWaitsForALock(): Promise<void> {
  const threads = new Set(loaders.map((c) => c.threadId));
  for (let i = 0; i < 1_200; i++) {
    const [rows] = await competitor.query<RowDataPacket[]>('SHOW ENGINE INNODB STATUS');
    const status = String(rows[0]?.Status);
    for (const trx of status.split('---TRANSACTION ')) {
      const thread = /(?:MariaDB|MySQL) thread id (\d+)/.exec(trx)?.[1];
      if (/^LOCK WAIT /m.test(trx) && trx.includes('LOAD DATA') && threads.has(Number(thread))) return;
    }
    await sleep(25);
  }
  throw new Error('the load never waited for the competing transaction');
}

describe('loading rows while another transaction holds the rows it needs', () => {
  it('loads a chunk again when the server rolls it back as a deadlock victim, every row exactly once', async () => {
    // A committed row, so that the loads take row locks (an empty table is locked whole).
    const stream = new SqlRowStream(loaders);
    stream.row('patient', patient(5_000));
    await stream.finish();

    // The competitor writes a lot (it is the heavier transaction) and holds patient 50, uncommitted.
    await competitor.query('BEGIN');
    await competitor.query(
      `INSERT INTO patient (id, mrn, first_name, last_name, date_of_birth, sex)
       SELECT 100000 + seq, CONCAT('C', seq), 'Comp', 'Eting', '1970-01-01', 'unknown' FROM seq_1_to_20000`,
    );
    await competitor.query(
      `INSERT INTO patient (id, mrn, first_name, last_name, date_of_birth, sex)
       VALUES (50, 'HELD50', 'Held', 'Row', '1970-01-01', 'unknown')`,
    );

    // Patients 1..100 in one chunk: the load inserts 1..49, then waits for the competitor's 50.
    const loading = new SqlRowStream(loaders);
    for (let id = 1; id <= 100; id++) loading.row('patient', patient(id));
    const finished = loading.finish().then(
      () => 'loaded',
      (err: unknown) => `failed: ${(err as Error).message}`,
    );
    try {
      await loadWaitsForALock();

      // The competitor now needs patient 1, which the waiting load holds: a deadlock, and the load is its victim.
      await competitor.query(
        `INSERT INTO patient (id, mrn, first_name, last_name, date_of_birth, sex)
         VALUES (1, 'HELD1', 'Held', 'Row', '1970-01-01', 'unknown')`,
      );
    } finally {
      // Whatever happened above, the load must not stay blocked (nor the loaders busy for the next test).
      await competitor.query('ROLLBACK');
    }

    expect(await finished).toBe('loaded');
    expect(loading.retried).toBe(1);
    expect(loading.loaded).toBe(100);
    expect(await count('id BETWEEN 1 AND 100')).toBe(100);
    expect(await count(`mrn LIKE 'HELD%' OR mrn LIKE 'C%'`)).toBe(0);
  });

  it('loads the first chunk of an empty table alone, so chunks given together never deadlock on it', async () => {
    // MariaDB takes an exclusive table lock to load into an empty table; two loads starting together on
    // one can each hold the lock the other waits for. Round after round, three chunks arrive at once.
    const medication = (id: number): Cell[] => [id, `Med ${id}`, 'tablet', '10 mg'];
    let retried = 0;
    for (let round = 0; round < 150; round++) {
      await loaders[0]!.query('TRUNCATE TABLE medication');
      const stream = new SqlRowStream(loaders, 400);
      for (let id = 1; id <= 60; id++) stream.row('medication', medication(id));
      await stream.finish();
      retried += stream.retried;
      expect(stream.loaded).toBe(60);
    }
    expect(retried).toBe(0);
    const [rows] = await competitor.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM medication');
    expect(Number(rows[0]?.n)).toBe(60);
  });
});

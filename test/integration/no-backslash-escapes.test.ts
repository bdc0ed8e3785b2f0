import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/data/migrate.ts';
import { connect, createPool, SESSION_SQL_MODE, type Connection, type Pool } from '../../src/data/mysql.ts';
import { searchPatients } from '../../src/data/patient.queries.ts';
import { failPost } from '../../src/data/post-ledger.queries.ts';
import { claimSummaryPost, getSummaryPost } from '../../src/data/summary-post.queries.ts';
import { startMariaDb, type MariaDbInstance } from '../support/mariadb-instance.ts';

// A server configured the way a hospital's DBA may have it: backslash is an ordinary character in strings,
// so client-side escaping of ' as \' would end the string early.
const SERVER_MODE = 'STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES';

let server: MariaDbInstance;
let pool: Pool;
let conn: Connection;

beforeAll(async () => {
  server = await startMariaDb({ sqlMode: SERVER_MODE });
  const url = `${server.url}hers_nbe`;
  await migrate(url);
  conn = await connect(url);
  await conn.query(
    `INSERT INTO patient (mrn, first_name, last_name, date_of_birth, sex, phone) VALUES
       ('MRN1000001', 'Ann', 'Lee', '1970-01-01', 'female', NULL),
       ('MRN1000002', 'Bob', 'Stone', '1980-02-02', 'male', NULL),
       ('MRN1000003', 'Cleo', 'Park', '1990-03-03', 'female', NULL)`,
  );
  pool = createPool(url, 2);
});

afterAll(async () => {
  await pool?.end();
  await conn?.end();
  await server?.stop();
});

describe('a MariaDB server whose sql_mode has NO_BACKSLASH_ESCAPES', () => {
  it('runs the server in that mode, so the tests below are meaningful', async () => {
    const probe = await connect(server.url);
    // A fresh session of our own would be pinned; read the server's global default instead.
    const [rows] = await probe.query<RowDataPacket[]>('SELECT @@GLOBAL.sql_mode AS mode');
    await probe.end();
    expect(String(rows[0]?.mode)).toContain('NO_BACKSLASH_ESCAPES');
  });

  it('pins the session sql_mode, without NO_BACKSLASH_ESCAPES, on pooled and single connections', async () => {
    for (const db of [pool, conn]) {
      const [rows] = await db.query<RowDataPacket[]>('SELECT @@SESSION.sql_mode AS mode');
      expect(rows[0]?.mode).toBe(SESSION_SQL_MODE);
    }
  });

  it("a patient search for ' OR 1=1# matches no patient instead of every patient", async () => {
    expect(await searchPatients(pool, "' OR 1=1#", 50)).toEqual([]);
    expect((await searchPatients(pool, 'Lee', 50)).map((p) => p.mrn)).toEqual(['MRN1000001']);
  });

  it('a SLEEP injected through a search term does not run', async () => {
    const started = Date.now();
    // Run on three patients, the injection would take at least 3 s per row.
    const rows = await searchPatients(pool, "' OR SLEEP(3)#", 50);
    expect(rows).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('stores and reads back text with quotes and backslashes unchanged', async () => {
    const text = String.raw`O'Brien said "C:\temp\new" \' OR 1=1# \\`;
    expect(await claimSummaryPost(pool, 'chan-nbe', '2026-03-08', 'instance-a', new Date())).toBe(true);
    const row = await getSummaryPost(pool, 'chan-nbe', '2026-03-08');
    expect(row).toBeDefined();
    expect(await failPost(pool, 'summary_post', row?.id ?? 0, 'instance-a', null, text)).toBe(1);
    expect((await getSummaryPost(pool, 'chan-nbe', '2026-03-08'))?.last_error).toBe(text);
  });
});

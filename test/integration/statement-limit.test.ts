import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/data/migrate.ts';
import { connect, createPool, statementLimit, type Pool } from '../../src/data/mysql.ts';
import { testDatabases } from '../support/databases.ts';

const db = testDatabases('stmt_limit');
let pool: Pool;

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  pool = createPool(db.mysqlUrl, 2, { statementTimeoutMs: 1_000 });
});

afterAll(async () => {
  await pool?.end();
  await db.drop();
});

/** How long `work` took, and how it failed (undefined when it did not). */
async function timed(work: Promise<unknown>): Promise<{ ms: number; errno: unknown }> {
  const started = Date.now();
  const errno = await work.then(
    () => undefined,
    (err: unknown) => (err as { errno?: unknown }).errno,
  );
  return { ms: Date.now() - started, errno };
}

/** MariaDB's "Query execution was interrupted (max_statement_time exceeded)". */
const ER_STATEMENT_TIMEOUT = 1969;

describe('the per-statement limit of the bot pool', () => {
  it('is set on every pooled connection, in the server flavor', async () => {
    const [rows] = await pool.query<RowDataPacket[]>(
      'SELECT VERSION() AS v, @@SESSION.max_statement_time AS t',
    );
    expect(String(rows[0]?.v)).toMatch(/MariaDB/i);
    expect(Number(rows[0]?.t)).toBe(1);
  });

  it('stops a query that hangs (SLEEP) at the limit, and the connection serves the next query', async () => {
    const { ms, errno } = await timed(pool.query('SELECT SLEEP(30)'));
    expect(ms).toBeLessThan(3_000);
    expect(errno).toBe(ER_STATEMENT_TIMEOUT);
    const [rows] = await pool.query<RowDataPacket[]>('SELECT 1 AS one');
    expect(rows[0]?.one).toBe(1);
  });

  it('stops a statement waiting on a row lock another connection holds', async () => {
    const holder = await connect(db.mysqlUrl);
    try {
      await holder.query('START TRANSACTION');
      await holder.query('SELECT hash FROM audit_chain_head WHERE id = 1 FOR UPDATE');
      const { ms, errno } = await timed(
        pool.query('SELECT hash FROM audit_chain_head WHERE id = 1 FOR UPDATE'),
      );
      expect(ms).toBeLessThan(3_000);
      expect(errno).toBe(ER_STATEMENT_TIMEOUT);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
  });

  it('is said the way each server flavor takes it', () => {
    expect(statementLimit('10.11.19-MariaDB-0+deb12u1', 10_000)).toBe('max_statement_time = 10.000');
    expect(statementLimit('8.0.36', 10_000)).toBe('max_execution_time = 10000');
  });
});

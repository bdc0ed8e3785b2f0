import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/data/migrate.ts';
import { createPool, type Pool } from '../../src/data/mysql.ts';
import { deleteEndedRateLimits, hitRateLimit } from '../../src/data/rate-limit.queries.ts';
import { testDatabases } from '../support/databases.ts';

const db = testDatabases('rate_limit');
let pool: Pool;

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  pool = createPool(db.mysqlUrl, 2);
});

afterAll(async () => {
  await pool?.end();
  await db.drop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('rate limits kept in MySQL', () => {
  it('allows max uses in a window, refuses the next with the time left, and counts users apart', async () => {
    const limit = { bucket: 'phi', max: 3, windowMs: 60_000 };
    for (let n = 0; n < 3; n++) expect(await hitRateLimit(pool, limit, 'ann')).toEqual({ allowed: true });
    const refused = await hitRateLimit(pool, limit, 'ann');
    expect(refused.allowed).toBe(false);
    expect(refused.allowed ? 0 : refused.retryAfterMs).toBeGreaterThan(55_000);
    expect(refused.allowed ? 0 : refused.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(await hitRateLimit(pool, limit, 'bob')).toEqual({ allowed: true });
    expect(await hitRateLimit(pool, { ...limit, bucket: 'autocomplete' }, 'ann')).toEqual({ allowed: true });
  });

  it('starts a new window once the last one has ended, and deletes the counts of ended windows', async () => {
    const limit = { bucket: 'phi', max: 1, windowMs: 300 };
    expect(await hitRateLimit(pool, limit, 'cleo')).toEqual({ allowed: true });
    expect((await hitRateLimit(pool, limit, 'cleo')).allowed).toBe(false);
    await sleep(400);
    expect(await hitRateLimit(pool, limit, 'cleo')).toEqual({ allowed: true });
    await sleep(400);
    expect(await deleteEndedRateLimits(pool)).toBeGreaterThanOrEqual(1);
    const [rows] = await pool.query('SELECT * FROM rate_limit WHERE actor_id = ?', ['cleo']);
    expect(rows).toEqual([]);
  });
});

import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/data/mysql.ts';
import { testDatabases } from '../support/databases.ts';
import { runScript, type Run } from '../support/spawn.ts';

const run = runScript;

function expectNoStackTrace(r: Run): void {
  expect(r.stderr).not.toMatch(/^\s+at /m);
}

const db = testDatabases('cli');

beforeAll(async () => {
  const r = await run('src/cli/migrate.ts', [], db.env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('applied 4 migration(s)');
});

afterAll(() => db.drop());

describe('db:migrate', () => {
  it('a second time, says the database is up to date', async () => {
    const r = await run('src/cli/migrate.ts', [], db.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('is up to date (4 migrations already applied)');
    expect(r.stdout).toContain('collections and indexes are in place');
  });

  it('with bad configuration, names the keys in one message and exits 2 without echoing secrets', async () => {
    const r = await run('src/cli/migrate.ts', [], {
      ...db.env,
      MYSQL_URL: 'mysql://root:s3cret-pass@127.0.0.1/',
      DISCORD_TOKEN: 'tiny-secret',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('MYSQL_URL must name a database');
    expect(r.stderr).toContain('DISCORD_TOKEN');
    expect(r.stderr).toContain('DISCORD_APPLICATION_ID is required');
    expect(r.stderr).not.toContain('s3cret-pass');
    expect(r.stderr).not.toContain('tiny-secret');
    expectNoStackTrace(r);
  });

  it('with MongoDB unreachable, says so in one line and exits 1', async () => {
    const r = await run('src/cli/migrate.ts', [], { ...db.env, MONGODB_URI: 'mongodb://127.0.0.1:9/' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Cannot reach MongoDB at mongodb://127.0.0.1:9/');
    expectNoStackTrace(r);
  });
});

describe('db:seed', () => {
  it.each([
    [['--bogus'], "Unknown option '--bogus'"],
    [['--scale', '-1'], '--scale must be greater than 0'],
    [['--scale', 'big'], '--scale must be a number'],
    [['--end', 'tomorrow'], '--end must be a date'],
    [['extra'], 'Unexpected argument'],
  ])('with %j, explains the problem and exits 2', async (args, message) => {
    const r = await run('src/cli/seed.ts', args, db.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('usage: npm run db:seed');
    expectNoStackTrace(r);
  });

  it('with MySQL unreachable, says so in one line and exits 1', async () => {
    const r = await run('src/cli/seed.ts', ['--scale', '0.01'], {
      ...db.env,
      MYSQL_URL: 'mysql://root@127.0.0.1:9/hers',
    });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'db:seed: Cannot reach MySQL at mysql://root@127.0.0.1:9/hers: connection refused. Is the server running? (npm run services -- up starts the local one.)',
    );
  });

  it('run twice with the same seed, replaces the data with identical data (table checksums)', async () => {
    const args = ['--scale', '0.01', '--seed', '3', '--end', '2026-01-10'];
    const first = await run('src/cli/seed.ts', args, db.env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/seeded 14 days: [\d,]+ ER visits/);
    // Without a terminal, progress comes as plain lines ending at 100%.
    expect(first.stderr).toContain('loading: 100%');
    const checksums = async () => {
      const c = await connect(db.mysqlUrl);
      const [r] = await c.query<RowDataPacket[]>(
        'CHECKSUM TABLE patient, emergency_call, ambulance_dispatch, er_visit, er_treatment, disposition_decision, appointment, prescription, shift',
      );
      await c.end();
      return r.map((x) => [x.Table, x.Checksum]);
    };
    const before = await checksums();
    const second = await run('src/cli/seed.ts', args, db.env);
    expect(second.code, second.stderr).toBe(0);
    expect(await checksums()).toEqual(before);
  });
});

import { spawn } from 'node:child_process';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/data/mysql.ts';
import { testDatabases } from '../support/databases.ts';
import { runScript, type Run } from '../support/spawn.ts';

const run = runScript;

/** Runs a script on a terminal (a pseudo-terminal from util-linux `script`), typing `input`. */
function runOnTerminal(
  script: string,
  args: string[],
  env: Record<string, string>,
  input: string,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const command = ['node_modules/.bin/tsx', script, ...args].join(' ');
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr: '' }));
    child.stdin.end(input);
  });
}

function expectNoStackTrace(r: Run): void {
  expect(r.stderr).not.toMatch(/^\s+at /m);
}

const db = testDatabases('cli');

beforeAll(async () => {
  const r = await run('src/cli/migrate.ts', [], db.env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('applied 12 migration(s)');
});

afterAll(() => db.drop());

describe('db:migrate', () => {
  it('a second time, says the database is up to date', async () => {
    const r = await run('src/cli/migrate.ts', [], db.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('is up to date (12 migrations already applied)');
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

/** Table checksums of the domain data, and the audit trail's size. */
async function state(url: string) {
  const c = await connect(url);
  const [r] = await c.query<RowDataPacket[]>(
    'CHECKSUM TABLE patient, emergency_call, ambulance_dispatch, er_visit, er_treatment, disposition_decision, appointment, prescription, shift',
  );
  const [audit] = await c.query<RowDataPacket[]>(
    'SELECT COUNT(*) AS n, MAX(id) AS last, (SELECT COUNT(*) FROM patient) AS patients FROM audit_event',
  );
  await c.end();
  return { checksums: r.map((x) => [x.Table, x.Checksum]), audit: audit[0] };
}

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

  it('on a database that holds patients, refuses without --replace and changes nothing; with it, reloads identical data', async () => {
    const args = ['--scale', '0.01', '--seed', '3', '--end', '2026-01-10'];
    const first = await run('src/cli/seed.ts', args, db.env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/seeded 14 days: [\d,]+ ER visits/);
    // Without a terminal, progress comes as plain lines ending at 100%.
    expect(first.stderr).toMatch(/seeding: 100% \(done, [\d,]+ loaded\)/);
    const before = await state(db.mysqlUrl);
    expect(Number(before.audit?.n)).toBe(1);

    const refused = await run('src/cli/seed.ts', args, db.env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(
        `^db:seed: ${db.name} already holds data \\(\\w+: [\\d,]+ rows, .+ and \\d+ more\\); db:seed would replace it with synthetic data\\. Nothing was changed: run again with --replace to replace it\\.\n$`,
      ),
    );
    expect(await state(db.mysqlUrl)).toEqual(before);

    const replaced = await run('src/cli/seed.ts', [...args, '--replace'], db.env);
    expect(replaced.code, replaced.stderr).toBe(0);
    const after = await state(db.mysqlUrl);
    expect(after.checksums).toEqual(before.checksums);
    expect(Number(after.audit?.n), 'the replacement is audited').toBe(2);
  });

  it('on a terminal, asks for the database name after --replace: a wrong name changes nothing, the right one replaces', async () => {
    const own = testDatabases('cli_tty');
    try {
      const migrated = await run('src/cli/migrate.ts', [], own.env);
      expect(migrated.code, migrated.stderr).toBe(0);
      const args = ['--scale', '0.01', '--seed', '4', '--end', '2026-01-10'];
      expect((await run('src/cli/seed.ts', args, own.env)).code).toBe(0);
      const before = await state(own.mysqlUrl);

      const wrong = await runOnTerminal('src/cli/seed.ts', [...args, '--replace'], own.env, 'hers\n');
      expect(wrong.code).toBe(1);
      expect(wrong.stdout).toContain(`Type the database name to replace them:`);
      expect(wrong.stdout).toContain(`db:seed: The name typed is not ${own.name}. Nothing was changed.`);
      expect(await state(own.mysqlUrl)).toEqual(before);

      const right = await runOnTerminal('src/cli/seed.ts', [...args, '--replace'], own.env, `${own.name}\n`);
      expect(right.code, right.stdout).toBe(0);
      expect(right.stdout).toMatch(/seeded 14 days/);
      expect(Number((await state(own.mysqlUrl)).audit?.n)).toBe(Number(before.audit?.n) + 1);
    } finally {
      await own.drop();
    }
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import type { ResultSetHeader } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/data/migrate.ts';
import { connect } from '../../src/data/mysql.ts';
import { runSeed } from '../../dev/seed/seed.ts';
import { COMMAND_TIMEOUT_MS } from '../../src/runner/execute.ts';
import { testDatabases } from '../support/databases.ts';
import { pngSize } from '../support/png.ts';
import { runScript } from '../support/spawn.ts';
import { stallingRelay } from '../support/stalling-relay.ts';

// The terminal uses the real clock, so these tests name explicit dates inside the seeded range.
const db = testDatabases('console', { TZ: 'Europe/London' });
let charts: string;
let env: Record<string, string>;
const consoleRun = (args: string[], input?: string) => runScript('src/cli/console.ts', args, env, input);

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  await runSeed(
    db.config,
    { scale: 0.01, seed: 2, end: Date.parse('2026-05-20T12:00:00Z') },
    () => undefined,
  );
  charts = await mkdtemp(join(tmpdir(), 'hers-charts-'));
  env = { ...db.env, CONSOLE_OUTPUT_DIR: charts };
});

afterAll(async () => {
  await db.drop();
  await rm(charts, { recursive: true, force: true });
});

describe('npm run console -- "<command line>"', () => {
  it('answers once with a table and writes the chart as a PNG', async () => {
    const r = await consoleRun(['/er treatments from:2026-05-10 to:2026-05-16']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^ER treatments by type\n=+\n[\d,]+ treatments from 2026-05-10 to 2026-05-16; most common: \w+/,
    );
    expect(r.stdout).toMatch(/\ntype\s+treatments\s+share %\n/);
    const file = /chart: (.+\.png)/.exec(r.stdout)?.[1] ?? '';
    expect(existsSync(file)).toBe(true);
    expect(pngSize(readFileSync(file))).toEqual({ width: 900, height: 500 });
  });

  it('with --json, prints the reply for scripts', async () => {
    const r = await consoleRun(['--json', '/er arrivals from:2026-05-10 to:2026-05-12']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown> & {
      table: { columns: string[]; rows: unknown[][] };
      chart: { config: { type: string }; file: string };
    };
    expect(json).toMatchObject({ title: 'ER arrivals by condition on arrival', sensitivity: 'aggregate' });
    expect(json.table.columns).toEqual([
      'condition',
      'arrivals',
      'ESI 1',
      'ESI 2',
      'ESI 3',
      'ESI 4',
      'ESI 5',
    ]);
    expect(json.table.rows.length).toBeGreaterThan(1);
    expect(json.chart.config.type).toBe('bar');
    expect(pngSize(readFileSync(json.chart.file)).width).toBe(900);
  });

  it('with --json, prints a large reply whole into a pipe that is read slowly', () => {
    // A consumer that starts reading late keeps the pipe full while the command finishes: the output
    // must still arrive whole (a bare process.exit() would cut it at the 64 KiB pipe buffer).
    const out = execFileSync(
      'sh',
      [
        '-c',
        `node_modules/.bin/tsx src/cli/console.ts --json "/er length-of-stay from:2026-05-06 to:2026-05-20" | (sleep 2; cat)`,
      ],
      {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
        maxBuffer: 64 * 1024 * 1024,
      },
    ).toString();
    expect(out.length).toBeGreaterThan(65_536);
    const json = JSON.parse(out) as { chart: { config: { data: { datasets: { data: unknown[] }[] } } } };
    expect(json.chart.config.data.datasets[0]?.data.length).toBeGreaterThan(500);
  });

  it('with --csv, exports an aggregate table, and refuses patient records', async () => {
    const r = await consoleRun(['--csv', '/staff specialties']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\r\n')[0]).toBe('specialty,physicians');
    const phi = await consoleRun(['--csv', '/patient search name:son']);
    expect(phi.code).toBe(2);
    expect(phi.stderr.trim()).toBe('CSV export is only for aggregate reports, not patient records.');
  });

  it('with --csv, a cell from the database with a control character, an escape sequence or an override before = is no formula', async () => {
    // The review's cells: neutralised first and cleaned afterwards, each came out as a live formula.
    const specialties = ["\x01=cmd|' /C calc'!A0", '\x1b[0m=2+5', '\u202e=3+5'];
    const c = await connect(db.mysqlUrl);
    try {
      const [dept] = await c.query<ResultSetHeader>("INSERT INTO department (name) VALUES ('CSV test')");
      for (const [i, specialty] of specialties.entries()) {
        const [s] = await c.query<ResultSetHeader>(
          "INSERT INTO staff (first_name, last_name, staff_type, department_id) VALUES (?, ?, 'physician', ?)",
          [`Csv${i}`, `Test${i}`, dept.insertId],
        );
        await c.query('INSERT INTO physician (staff_id, specialty) VALUES (?, ?)', [s.insertId, specialty]);
      }
    } finally {
      await c.end();
    }
    const r = await consoleRun(['--csv', '/staff specialties']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\r\n');
    expect(lines).toEqual(expect.arrayContaining(["'=cmd|' /C calc'!A0,1", "'=2+5,1", "'=3+5,1"]));
    for (const line of lines) expect(line).not.toMatch(/^"?\s*[=+\-@]/);
  });

  it.each([
    ['/er severity level:urgent', 'Option `level` must be one of: high, medium, low.'],
    ['/er nothing', '/er has no subcommand "nothing"'],
    ['/patient lookup patient:MRN0000000', 'No patient has MRN MRN0000000.'],
  ])('%s: the error on stderr and exit code 2', async (line, message) => {
    const r = await consoleRun([line]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('with an unknown flag, explains the usage', async () => {
    const r = await consoleRun(['--pdf', '/staff specialties']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown option '--pdf'");
    expect(r.stderr).toContain('usage: npm run console');
  });
});

describe('npm run console (interactive)', () => {
  it('answers each line typed, with help, until exit', async () => {
    const r = await consoleRun([], 'help er\n/staff specialties\n/er bogus\nexit\n/staff specialties\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('hers-bot terminal session');
    expect(r.stdout).toContain('/er severity level:… [window:…] [from:…] [to:…]');
    expect(r.stdout.match(/Physicians by specialty\n/g)).toHaveLength(1);
    expect(r.stdout).toContain('/er has no subcommand "bogus"');
  });
});

describe('npm run console -- --stdin', () => {
  it("answers each line read from standard input with no prompt; the exit code is the worst line's", async () => {
    const lines = ['/staff specialties', '# a comment', '', '/er bogus', '/staff specialties'];
    const r = await consoleRun(['--stdin'], `${lines.join('\n')}\n`);
    expect(r.code).toBe(2);
    expect(r.stdout).not.toContain('hers-bot terminal session');
    expect(r.stdout).not.toContain('hers>');
    expect(r.stdout.match(/Physicians by specialty\n/g)).toHaveLength(2);
    expect(r.stderr).toContain('/er has no subcommand "bogus"');
  });

  it('a 2 MB line is refused by its length and first characters, not echoed whole; the next line is answered', async () => {
    // A word that is no option: it used to be quoted whole in "Unexpected "…": give options as name:value".
    const huge = `/patient lookup ${'A'.repeat(2 * 1024 * 1024)}`;
    const r = await consoleRun(['--stdin'], `${huge}\n/staff specialties\n`);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'This line is 2,097,168 characters long; a command line may have at most 4,000. It begins: "/patient lookup AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…"\n',
    );
    expect(r.stdout).toContain('Physicians by specialty');
  });

  it('with --json, prints one reply per line answered', async () => {
    const r = await consoleRun(['--stdin', '--json'], '/staff specialties\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ title: 'Physicians by specialty' });
  });

  it('with a command line as well, explains the usage and answers nothing', async () => {
    const r = await consoleRun(['--stdin', '/staff specialties'], '/staff specialties\n');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Give a command line or --stdin, not both.');
  });
});

/** The same MySQL URL with another port: the database name and user stay, the server is a stand-in. */
function viaPort(url: string, port: number): string {
  const u = new URL(url);
  u.host = `127.0.0.1:${port}`;
  return u.toString();
}

describe('npm run console, exit codes and deadline', () => {
  it('with MySQL pausing once the command queries, gives up at the 10 s deadline: one line, exit 3', async () => {
    const mysql = new URL(db.mysqlUrl);
    // Only /staff specialties reads the physician table: the schema check at start-up gets through.
    const relay = await stallingRelay(
      { host: mysql.hostname, port: Number(mysql.port || 3306) },
      'physician',
    );
    try {
      const r = await runScript('src/cli/console.ts', ['/staff specialties'], {
        ...env,
        MYSQL_URL: viaPort(db.mysqlUrl, relay.port),
      });
      const exited = performance.now();
      const stalledAt = relay.stalledAt();
      expect(stalledAt, r.stderr).toBeDefined();
      const waited = exited - (stalledAt ?? 0);
      expect(waited).toBeGreaterThanOrEqual(COMMAND_TIMEOUT_MS - 500);
      expect(waited).toBeLessThan(COMMAND_TIMEOUT_MS + 2_000);
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(
        /^hers-bot cannot reach its data right now \(temporarily unavailable\)\. Please try again in a minute\. Reference: E-[0-9A-Z]+\n$/,
      );
    } finally {
      await relay.close();
    }
  }, 30_000);

  it('with a MySQL that accepts connections and never answers, says so in one line and exits 3', async () => {
    const held = new Set<Socket>();
    const silent = createServer((s) => held.add(s.on('error', () => undefined)));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const started = performance.now();
      const r = await runScript('src/cli/console.ts', ['/staff specialties'], {
        ...env,
        MYSQL_URL: viaPort(db.mysqlUrl, port),
      });
      expect(performance.now() - started).toBeLessThan(COMMAND_TIMEOUT_MS + 5_000);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(
        /^console: Cannot reach MySQL at mysql:\/\/root@127\.0\.0\.1:\d+\/\w+: the connection timed out\.\n$/,
      );
    } finally {
      for (const s of held) s.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  }, 30_000);

  it.each([
    [
      '/appointments day date:9999-12-31',
      'Option `date`: 9999-12-31 is outside the years 1900 to 2100.\n(/appointments day)',
    ],
    [
      '/er arrivals from:0100-01-01 to:2026-05-12',
      'Option `from`: 0100-01-01 is outside the years 1900 to 2100.\n(/er arrivals)',
    ],
  ])('%s: a date far out of range is a usage error that says which years, exit 2', async (line, message) => {
    const r = await consoleRun([line]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${message}\n`);
  });

  it.each([
    ['a window title (OSC) and a bell', '/patient lookup patient:Zz\x1b]0;owned\x07Qq'],
    [
      'a colour, a screen clear and a right-to-left override',
      '/patient lookup patient:Zz\x1b[2J\x1b[31m\u202eQq',
    ],
    ['a one-byte CSI and an isolate in a subcommand', '/er \x9b2J\u2066nothing'],
  ])('echoes a value with %s without its control characters', async (_, line) => {
    const r = await consoleRun([line]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Zz|nothing/);
    // eslint-disable-next-line no-control-regex -- the characters that must not be echoed
    expect(r.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
  });

  it('with a schema that no longer matches the code, reports an internal failure with a reference, exit 1', async () => {
    const drifted = testDatabases('console_drift', { TZ: 'Europe/London' });
    try {
      await migrate(drifted.mysqlUrl);
      const c = await connect(drifted.mysqlUrl);
      await c.query('ALTER TABLE physician RENAME COLUMN specialty TO specialty_renamed');
      await c.end();
      const r = await runScript('src/cli/console.ts', ['/staff specialties'], drifted.env);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(
        /^Something went wrong on our side\. Reference: E-[0-9A-Z]+ \(Unknown column 'ph\.specialty'.*\)\n$/,
      );
    } finally {
      await drifted.drop();
    }
  });
});

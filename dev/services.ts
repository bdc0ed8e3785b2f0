/**
 * The local database servers for tests and the demo: the machine's MariaDB, and a FerretDB 1.24 (MongoDB
 * wire protocol over SQLite) built from test/tooling/ferretdb. A reachable MongoDB at MONGODB_URI is used
 * instead of FerretDB. Not used in production, where MYSQL_URL and MONGODB_URI point at real servers.

 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  closeSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import mysql from 'mysql2/promise';
import { MongoClient } from 'mongodb';
import { UserError } from '../src/core/errors.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FERRET_SRC = join(ROOT, 'test/tooling/ferretdb');
const STATE_DIR = join(ROOT, '.hers');
const STATE_FILE = join(STATE_DIR, 'services.json');
const MARIADB_URL = 'mysql://root@127.0.0.1:3306/';
const MARIADB_DAEMON = '/usr/sbin/mariadbd';

export interface Services {
  /** Server URL without a database: callers add their own database name. */
  mysqlServerUrl: string;
  mongoUri: string;
  mongoKind: 'mongodb' | 'ferretdb';
  /** Stops what this call started (an owned FerretDB); a no-op for shared servers. */
  stop(): Promise<void>;
}

type Log = (line: string) => void;

// ---- MariaDB ----------------------------------------------------------------------------------------

async function mysqlAnswers(url: string): Promise<boolean> {
  try {
    const c = await mysql.createConnection({ uri: url, connectTimeout: 2_000 });
    await c.query('SELECT 1');
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** Starts the machine's MariaDB if it does not answer, the way the machine notes say, and waits for it. */
export async function ensureMariaDb(log: Log): Promise<string> {
  if (await mysqlAnswers(MARIADB_URL)) return MARIADB_URL;
  if (!existsSync(MARIADB_DAEMON)) {
    throw new UserError(
      'unavailable',
      `MariaDB does not answer at 127.0.0.1:3306 and ${MARIADB_DAEMON} is not installed (apt-get install mariadb-server).`,
    );
  }
  log('MariaDB is not answering; starting it');
  const r = spawnSync(
    'start-stop-daemon',
    ['--start', '--oknodo', '--background', '--exec', MARIADB_DAEMON],
    { encoding: 'utf8' },
  );
  if (r.status !== 0)
    throw new UserError(
      'unavailable',
      `Could not start MariaDB: ${(r.stderr || r.error?.message || '').trim()}`,
    );
  for (let i = 0; i < 120; i++) {
    if (await mysqlAnswers(MARIADB_URL)) return MARIADB_URL;
    await sleep(250);
  }
  throw new UserError(
    'unavailable',
    'MariaDB was started but did not answer within 30 s (see /var/log/mysql).',
  );
}

// ---- MongoDB or FerretDB ------------------------------------------------------------------------------

async function mongoAnswers(uri: string): Promise<boolean> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1_500, connectTimeoutMS: 1_500 });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** The FerretDB binary for the current sources, built once and cached by a hash of them. */
export function ferretBinary(log: Log): string {
  const hash = createHash('sha256');
  for (const f of ['go.mod', 'go.sum', 'main.go']) hash.update(readFileSync(join(FERRET_SRC, f)));
  const dir = join(homedir(), '.cache', 'hers-bot');
  const bin = join(dir, `ferretdb-${hash.digest('hex').slice(0, 16)}`);
  if (existsSync(bin)) return bin;
  if (spawnSync('go', ['version']).status !== 0) {
    throw new UserError(
      'unavailable',
      'Go is needed once to build the FerretDB test server (or set MONGODB_URI to a reachable MongoDB).',
    );
  }
  mkdirSync(dir, { recursive: true });
  log('building the FerretDB 1.24 test server (first run on this machine only; about a minute)');
  const tmp = `${bin}.tmp-${process.pid}`;
  const r = spawnSync('go', ['build', '-trimpath', '-o', tmp, '.'], {
    cwd: FERRET_SRC,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0)
    throw new UserError(
      'unavailable',
      `Building FerretDB failed:\n${(r.stderr ?? '').trim().split('\n').slice(-15).join('\n')}`,
    );
  spawnSync('mv', [tmp, bin]);
  return bin;
}

/** Reads the JSON line FerretDB prints once it listens. */
async function waitForUri(outFile: string, child: ChildProcess, logFile: string): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const text = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
    const line = text.split('\n').find((l) => l.startsWith('{'));
    if (line) return (JSON.parse(line) as { uri: string }).uri;
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  const tail = existsSync(logFile)
    ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n')
    : '';
  throw new UserError('unavailable', `FerretDB did not start.${tail ? `\n${tail}` : ''}`);
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

interface FerretState {
  pid: number;
  uri: string;
}

function readState(): FerretState | undefined {
  try {
    return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as FerretState;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts FerretDB. `detached` keeps it running after this process exits (the demo, `services up`);
 * otherwise it is tied to this process and exits with it (tests).
 */
async function startFerret(
  detached: boolean,
  log: Log,
): Promise<{ uri: string; pid: number; stop: () => Promise<void> }> {
  const bin = ferretBinary(log);
  mkdirSync(STATE_DIR, { recursive: true });
  const dataDir = detached ? join(STATE_DIR, 'ferretdb-data') : mkdtempSync(join(tmpdir(), 'hers-ferretdb-'));
  const runDir = detached ? STATE_DIR : dataDir;
  const outFile = join(runDir, 'ferretdb.out');
  const logFile = join(runDir, 'ferretdb.log');
  rmSync(outFile, { force: true });
  const out = openSync(outFile, 'w');
  const err = openSync(logFile, 'a');
  // The demo's server takes MongoDB's usual port when it is free, so the default MONGODB_URI reaches it.
  const port = detached && (await portFree(27017)) ? 27017 : 0;
  const args = ['-dir', join(dataDir, 'db'), '-listen', `127.0.0.1:${port}`];
  const child = detached
    ? spawn(bin, args, { detached: true, stdio: ['ignore', out, err] })
    : spawn(bin, [...args, '-exit-on-stdin-close'], { stdio: ['pipe', out, err] });
  closeSync(out);
  closeSync(err);
  if (detached) child.unref();
  const uri = await waitForUri(outFile, child, logFile);
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      for (let i = 0; i < 50 && child.exitCode === null; i++) await sleep(100);
    }
    if (!detached) rmSync(dataDir, { recursive: true, force: true });
  };
  return { uri, pid: child.pid ?? 0, stop };
}

export interface UpOptions {
  /** Leave FerretDB running after this process ends, and reuse a running one (demo, `services up`). */
  detached?: boolean;
  /** A MongoDB to prefer over FerretDB when it answers. */
  mongoUri?: string;
  log?: Log;
}

export async function servicesUp(opts: UpOptions = {}): Promise<Services> {
  const log = opts.log ?? (() => undefined);
  const mysqlServerUrl = await ensureMariaDb(log);
  const none = async () => undefined;

  if (opts.mongoUri && (await mongoAnswers(opts.mongoUri))) {
    log(`using the MongoDB at MONGODB_URI`);
    return { mysqlServerUrl, mongoUri: opts.mongoUri, mongoKind: 'mongodb', stop: none };
  }
  const state = readState();
  if (state && alive(state.pid) && (await mongoAnswers(state.uri))) {
    return { mysqlServerUrl, mongoUri: state.uri, mongoKind: 'ferretdb', stop: none };
  }
  if (opts.detached) {
    const { uri, pid } = await startFerret(true, log);
    writeFileSync(STATE_FILE, JSON.stringify({ pid, uri } satisfies FerretState));
    log(`FerretDB listening at ${uri}`);
    return { mysqlServerUrl, mongoUri: uri, mongoKind: 'ferretdb', stop: none };
  }
  const { uri, stop } = await startFerret(false, log);
  return { mysqlServerUrl, mongoUri: uri, mongoKind: 'ferretdb', stop };
}

export async function servicesDown(log: Log): Promise<void> {
  const state = readState();
  if (state && alive(state.pid)) {
    process.kill(state.pid, 'SIGTERM');
    for (let i = 0; i < 50 && alive(state.pid); i++) await sleep(100);
    log(`stopped FerretDB (pid ${state.pid})`);
  } else {
    log('FerretDB was not running');
  }
  rmSync(STATE_FILE, { force: true });
  log('MariaDB is the machine service and is left running');
}

export async function servicesStatus(log: Log): Promise<boolean> {
  const mariadb = await mysqlAnswers(MARIADB_URL);
  log(`MariaDB 127.0.0.1:3306: ${mariadb ? 'answering' : 'not answering'}`);
  const state = readState();
  const ferret = state !== undefined && alive(state.pid) && (await mongoAnswers(state.uri));
  log(`FerretDB: ${ferret && state ? `answering at ${state.uri}` : 'not running'}`);
  return mariadb && ferret;
}

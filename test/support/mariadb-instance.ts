import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import mysql from 'mysql2/promise';

/**
 * A private MariaDB server for one test file: the machine's mariadbd on its own port of 127.0.0.1, with its
 * own data directory made by mariadb-install-db in a temporary folder, deleted again by stop(). For server
 * settings the shared MariaDB at 3306 must not get (an sql_mode, a server id, binary logging for a replica).
 */
export interface MariaDbOptions {
  /** The server's sql_mode (--sql-mode), which every new session starts with. */
  sqlMode?: string;
  /** --server-id, for a primary and its replicas. */
  serverId?: number;
  /** More mariadbd arguments, e.g. ['--log-bin=mariadb-bin', '--binlog-format=ROW']. */
  args?: string[];
  /** How long to wait for the server to answer (default 60 s). */
  startTimeoutMs?: number;
}

export interface MariaDbInstance {
  /** The server without a database, with a trailing slash: mysql://root@127.0.0.1:PORT/ (root, no password). */
  url: string;
  port: number;
  dataDir: string;
  /** Stops the server and deletes its files; safe to call more than once. */
  stop(): Promise<void>;
}

const MARIADBD = '/usr/sbin/mariadbd';
const INSTALL_DB = 'mariadb-install-db';

export async function startMariaDb(options: MariaDbOptions = {}): Promise<MariaDbInstance> {
  if (!existsSync(MARIADBD)) throw new Error(`${MARIADBD} is not installed (apt-get install mariadb-server)`);
  const dir = mkdtempSync(join(tmpdir(), 'hers-mariadb-'));
  const dataDir = join(dir, 'data');
  const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];
  const install = spawnSync(
    INSTALL_DB,
    [
      '--no-defaults',
      `--datadir=${dataDir}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      ...asRoot,
    ],
    { encoding: 'utf8' },
  );
  if (install.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `${INSTALL_DB} failed: ${(install.stderr || install.error?.message || '').trim().slice(-2000)}`,
    );
  }

  const port = await freePort();
  const errorLog = join(dir, 'error.log');
  const child = spawn(
    MARIADBD,
    [
      '--no-defaults',
      `--datadir=${dataDir}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--socket=${join(dir, 'mariadb.sock')}`,
      `--pid-file=${join(dir, 'mariadb.pid')}`,
      `--log-error=${errorLog}`,
      '--skip-name-resolve',
      '--innodb-buffer-pool-size=32M',
      ...asRoot,
      ...(options.sqlMode === undefined ? [] : [`--sql-mode=${options.sqlMode}`]),
      ...(options.serverId === undefined ? [] : [`--server-id=${options.serverId}`]),
      ...(options.args ?? []),
    ],
    { stdio: 'ignore' },
  );
  // A test process that dies must not leave a server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', killOnExit);
    await terminate(child);
    rmSync(dir, { recursive: true, force: true });
  };

  const url = `mysql://root@127.0.0.1:${port}/`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const log = readTail(errorLog);
      await stop();
      throw new Error(`mariadbd exited at start (${child.exitCode ?? child.signalCode}):\n${log}`);
    }
    if (await answers(url)) return { url, port, dataDir, stop };
    if (Date.now() > deadline) {
      const log = readTail(errorLog);
      await stop();
      throw new Error(`mariadbd did not answer on port ${port} in time:\n${log}`);
    }
    await sleep(200);
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const c = await mysql.createConnection({ uri: url, connectTimeout: 1_000 });
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM (a clean shutdown), then SIGKILL if it has not exited after 30 s. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function readTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no error log)';
  }
}

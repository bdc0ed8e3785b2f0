import mysql from 'mysql2/promise';
import { UserError } from '../core/errors.ts';
import { redactUrl } from '../config.ts';

export type Pool = mysql.Pool;
export type Connection = mysql.Connection;

/** Pool settings shared by every connection: UTC on the wire, DATETIMEs read as UTC instants. */
const COMMON = {
  timezone: 'Z',
  dateStrings: false,
  supportBigNumbers: true,
  decimalNumbers: true,
  charset: 'utf8mb4',
} as const;

/**
 * The sql_mode of every session we open, whatever the server's default. mysql2 escapes values on the client
 * (' becomes \'), which is only safe while a backslash escapes in strings: on a server whose mode has
 * NO_BACKSLASH_ESCAPES, `' OR 1=1#` would end the string and run as SQL. Pinning the mode also makes MySQL
 * 8.0 and MariaDB 10.6+ read our SQL the same way (no ANSI_QUOTES, PIPES_AS_CONCAT or ONLY_FULL_GROUP_BY
 * surprises). Every mode listed exists on both servers; IGNORE_SPACE is what mysql2 asks for when it connects.
 */
export const SESSION_SQL_MODE =
  'IGNORE_SPACE,STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION';
const PIN_SQL_MODE = `SET SESSION sql_mode = '${SESSION_SQL_MODE}'`;
/**
 * UTC sessions: the audit trigger and LockAuditChainHead convert SYSDATE() from the session's zone, which in
 * a zone with daylight saving is ambiguous in the repeated autumn hour. (The server must not run with
 * --sysdate-is-now: SYSDATE() would then follow SET timestamp, and rows could be back-dated again.)
 */
export const PIN_TIME_ZONE = "SET SESSION time_zone = '+00:00'";

/**
 * The session setting that stops any one statement after `ms`, on this server's flavor: MariaDB's
 * max_statement_time (seconds, every statement, lock waits included), or MySQL 8's max_execution_time
 * (milliseconds, read-only SELECTs only).
 */
export function statementLimit(serverVersion: string, ms: number): string {
  return /mariadb/i.test(serverVersion)
    ? `max_statement_time = ${(ms / 1000).toFixed(3)}`
    : `max_execution_time = ${Math.round(ms)}`;
}

/** The version the server announced in its handshake (mysql2 keeps it on the connection, unexported). */
export function serverVersionOf(c: unknown): string {
  const v = (c as { _handshakePacket?: { serverVersion?: unknown } })._handshakePacket?.serverVersion;
  return typeof v === 'string' ? v : '';
}

/**
 * The bot's pool. `statementTimeoutMs` bounds every statement on the server, so a query still running when
 * a command's deadline has passed stops itself instead of holding its connection (and its locks).
 */
export function createPool(url: string, size: number, opts: { statementTimeoutMs?: number } = {}): Pool {
  const pool = mysql.createPool({ uri: url, connectionLimit: size, connectTimeout: 5_000, ...COMMON });
  // mysql2 announces a new connection before it hands it to its first caller, so this statement is queued
  // ahead of any query the connection runs. If it fails, the connection is destroyed and the queries queued
  // behind it fail too: nothing runs in the server's own mode, or without its limit.
  pool.pool.on('connection', (c) => {
    const limit =
      opts.statementTimeoutMs === undefined
        ? ''
        : `, ${statementLimit(serverVersionOf(c), opts.statementTimeoutMs)}`;
    c.query(`${PIN_SQL_MODE}${limit}`, (err) => {
      if (err) c.destroy();
    });
    c.query(PIN_TIME_ZONE, (err) => {
      if (err) c.destroy();
    });
  });
  return pool;
}

export async function connect(
  url: string,
  options: { multipleStatements?: boolean } = {},
): Promise<Connection> {
  let conn: Connection | undefined;
  try {
    conn = await mysql.createConnection({ uri: url, connectTimeout: 5_000, ...COMMON, ...options });
    await conn.query(PIN_SQL_MODE);
    await conn.query(PIN_TIME_ZONE);
    return conn;
  } catch (err) {
    await conn?.end().catch(() => undefined);
    throw describeMysqlError(err, url);
  }
}

/** The same server without a database selected: for CREATE DATABASE. */
/**
 * The connection's transactions read committed rows and take no gap locks, so writers of different
 * patients and visits at once (HL7 lanes, a FHIR import beside them, the er_visit_fact triggers they fire)
 * do not deadlock on the gaps their lookups lock.
 */
export const readCommitted = async (c: Connection) =>
  void (await c.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED'));

export function serverUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/';
  return u.toString();
}

export function databaseName(url: string): string {
  return new URL(url).pathname.slice(1);
}

/** Turns driver failures a person can act on into one sentence; anything else passes through. */
export function describeMysqlError(err: unknown, url: string): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  const where = redactUrl(url);
  switch (code) {
    case 'ECONNREFUSED':
      return new UserError(
        'unavailable',
        `Cannot reach MySQL at ${where}: connection refused. Is the server running? (npm run services -- up starts the local one.)`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new UserError('unavailable', `Cannot reach MySQL at ${where}: the host name does not resolve.`);
    case 'ETIMEDOUT':
      return new UserError('unavailable', `Cannot reach MySQL at ${where}: the connection timed out.`);
    case 'ER_ACCESS_DENIED_ERROR':
    case 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR':
      return new UserError(
        'unavailable',
        `MySQL at ${where} refused the user name or password in MYSQL_URL.`,
      );
    case 'ER_BAD_DB_ERROR':
      return new UserError(
        'misconfigured',
        `The database in MYSQL_URL (${databaseName(url)}) does not exist yet: run npm run db:migrate.`,
      );
    case 'ER_NO_SUCH_TABLE':
      return new UserError(
        'misconfigured',
        `The schema is missing tables: run npm run db:migrate. (${(err as Error).message})`,
      );
    default:
      return err;
  }
}

/** For pools built elsewhere (src/data/read-pool.ts): the same connection settings and session set-up. */
export { COMMON as CONNECTION_SETTINGS, PIN_SQL_MODE };

/** How many of a pool's connections are in use, idle, and how many callers wait for one (mysql2 internals). */
export function poolUsage(pool: Pool): { inUse: number; idle: number; waiting: number } {
  const core = pool.pool as unknown as Record<
    '_allConnections' | '_freeConnections' | '_connectionQueue',
    { length: number } | undefined
  >;
  const all = core._allConnections?.length ?? 0;
  const idle = core._freeConnections?.length ?? 0;
  return { inUse: all - idle, idle, waiting: core._connectionQueue?.length ?? 0 };
}

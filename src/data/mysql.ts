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

export function createPool(url: string, size: number): Pool {
  return mysql.createPool({ uri: url, connectionLimit: size, connectTimeout: 5_000, ...COMMON });
}

export async function connect(
  url: string,
  options: { multipleStatements?: boolean } = {},
): Promise<Connection> {
  try {
    return await mysql.createConnection({ uri: url, connectTimeout: 5_000, ...COMMON, ...options });
  } catch (err) {
    throw describeMysqlError(err, url);
  }
}

/** The same server without a database selected: for CREATE DATABASE. */
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

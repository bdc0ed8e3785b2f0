import type { QueryValues, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import type { Connection, Pool } from './mysql.ts';
import type { ReadPool } from './read-pool.ts';
import { timeQuery } from '../ops/metrics.ts';

/**
 * Runs the statements of sql/queries as compiled by npm run db:codegen into src/data/sql/*.generated.ts.
 * Callers use the generated functions, typed from the schema:
 *
 *   const rows = await arrivalsByCondition(db, { from, to }); // ArrivalsByConditionRow[]
 *
 * Each statement is already in the driver's form (a ? per use of a parameter, its names in order), so
 * nothing here reads SQL. Values go only through parameters; an identifier (a sort column, a table) is
 * picked from a whitelist of generated functions instead.
 */

/** The primary's pool, one of its connections (a transaction), or the read pool of report queries. */
export type Db = Pool | Connection | ReadPool;

/** A statement as generated: its query name (for errors and /metrics), its text, the parameter of each ?. */
export interface Statement {
  readonly name: string;
  readonly sql: string;
  readonly params: readonly string[];
}

/** Rows of a SELECT labelled :many. */
export async function many<Row>(db: Db, q: Statement, args?: object): Promise<Row[]> {
  return (await run<RowDataPacket[]>(db, q, args)) as Row[];
}

/** The row of a SELECT labelled :one, or undefined; more than one row is a mistake in the query. */
export async function one<Row>(db: Db, q: Statement, args?: object): Promise<Row | undefined> {
  const rows = await run<RowDataPacket[]>(db, q, args);
  if (rows.length > 1) throw new Error(`query ${q.name} is :one but returned ${rows.length} rows`);
  return rows[0] as Row | undefined;
}

/** An INSERT, UPDATE or DELETE labelled :exec. */
export async function exec(db: Db, q: Statement, args?: object): Promise<void> {
  await run<ResultSetHeader>(db, q, args);
}

/** An INSERT, UPDATE or DELETE labelled :execrows: how many rows it affected (matched, for an UPDATE). */
export async function execRows(db: Db, q: Statement, args?: object): Promise<number> {
  return (await run<ResultSetHeader>(db, q, args)).affectedRows;
}

/** An INSERT labelled :execlastid: the AUTO_INCREMENT id it made (no second round trip for LAST_INSERT_ID). */
export async function execLastId(db: Db, q: Statement, args?: object): Promise<number> {
  return (await run<ResultSetHeader>(db, q, args)).insertId;
}

/** Every statement runs here, timed by name for /metrics. */
function run<R extends RowDataPacket[] | ResultSetHeader>(db: Db, q: Statement, args?: object): Promise<R> {
  const values = valuesOf(q, args);
  return timeQuery(q.name, async () => {
    const [result] = await db.query<R>(q.sql, values);
    return result;
  });
}

/** The value of each ?, in order. The types already say all this; the check keeps a cast from sending NULL. */
function valuesOf(q: Statement, args: object | undefined): QueryValues {
  const given = (args ?? {}) as Record<string, unknown>;
  const names = [...new Set(q.params)];
  const missing = names.filter((p) => given[p] === undefined);
  const unknown = Object.keys(given).filter((p) => !names.includes(p));
  if (missing.length > 0 || unknown.length > 0 || Array.isArray(args))
    throw new Error(
      `query ${q.name} takes ${names.map((p) => `:${p}`).join(', ') || 'no parameters'}` +
        `${missing.length > 0 ? `; missing ${missing.join(', ')}` : ''}` +
        `${unknown.length > 0 ? `; unknown ${unknown.join(', ')}` : ''}`,
    );
  return q.params.map((p) => given[p]) as QueryValues;
}

/** Runs `fn` on one connection (a transaction needs one): `db` itself, or one taken from the pool. */
export async function onOneConnection<T>(db: Db, fn: (conn: Db) => Promise<T>): Promise<T> {
  if (!('getConnection' in db)) return fn(db);
  const conn = await db.getConnection();
  try {
    return await fn(conn);
  } finally {
    conn.release();
  }
}

/** A LIKE pattern that matches `text` literally anywhere (or at the start, with `prefix`). */
export function likePattern(text: string, mode: 'contains' | 'prefix' = 'contains'): string {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return mode === 'prefix' ? `${escaped}%` : `%${escaped}%`;
}

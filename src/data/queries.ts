import type { QueryValues, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import type { Connection, Pool } from './mysql.ts';
import type { ReadPool } from './read-pool.ts';
import { timeQuery } from '../ops/metrics.ts';
import { readSqlQueries, type QueryKind, type SqlQuery } from './sql-source.ts';
import { QUERIES, type QueryName, type QueryParams } from './sql.generated.ts';

/**
 * Runs the named queries of sql/queries, typed by sql.generated.ts: a query name that no .sql file defines,
 * a parameter it does not have or one it needs and is not given, fails `tsc`.
 *
 *   many<ArrivalsByConditionRow>(db, 'ArrivalsByCondition', { from, to })
 *
 * one, many, exec and execRows each take only queries of their kind. Values go only through parameters;
 * an identifier (a sort column, a table) is picked from a whitelist of query names instead.
 */

/** The primary's pool, one of its connections (a transaction), or the read pool of report queries. */
export type Db = Pool | Connection | ReadPool;
export type { QueryName, QueryParams };
export type { SqlValue } from './sql-source.ts';

type NamesOfKind<K extends QueryKind> = {
  [N in QueryName]: (typeof QUERIES)[N]['kind'] extends K ? N : never;
}[QueryName];

/** The arguments after the database: a query of kind K and its parameters (nothing when it has none). */
export type QueryCall<K extends QueryKind> = {
  [N in NamesOfKind<K>]: QueryParams[N] extends null ? [name: N] : [name: N, params: QueryParams[N]];
}[NamesOfKind<K>];

/** Rows of a SELECT labelled :many. */
export async function many<T>(db: Db, ...call: QueryCall<'many'>): Promise<T[]> {
  return (await run<RowDataPacket[]>(db, 'many', call)) as T[];
}

/** The row of a SELECT labelled :one, or undefined; more than one row is a mistake in the query. */
export async function one<T>(db: Db, ...call: QueryCall<'one'>): Promise<T | undefined> {
  const rows = await run<RowDataPacket[]>(db, 'one', call);
  if (rows.length > 1) throw new Error(`query ${call[0]} is :one but returned ${rows.length} rows`);
  return rows[0] as T | undefined;
}

/** An INSERT, UPDATE or DELETE labelled :exec. */
export async function exec(db: Db, ...call: QueryCall<'exec'>): Promise<void> {
  await run<ResultSetHeader>(db, 'exec', call);
}

/** An INSERT, UPDATE or DELETE labelled :execrows: how many rows it affected (matched, for an UPDATE). */
export async function execRows(db: Db, ...call: QueryCall<'execrows'>): Promise<number> {
  return (await run<ResultSetHeader>(db, 'execrows', call)).affectedRows;
}

/** Every named query runs here, timed by name for /metrics. */
function run<R extends RowDataPacket[] | ResultSetHeader>(
  db: Db,
  kind: QueryKind,
  call: readonly unknown[],
): Promise<R> {
  return timeQuery(String(call[0]), () => runUntimed<R>(db, kind, call));
}

async function runUntimed<R extends RowDataPacket[] | ResultSetHeader>(
  db: Db,
  kind: QueryKind,
  call: readonly unknown[],
): Promise<R> {
  const [name, params] = call as [QueryName, Record<string, unknown> | readonly unknown[] | undefined];
  const q = query(name);
  if (q.kind !== kind) throw new Error(`query ${name} is :${q.kind}; it cannot run as :${kind}`);
  if (q.positional > 0) {
    const [result] = await db.query<R>(q.sql, params as QueryValues);
    return result;
  }
  // The types already say all this; the check keeps a cast or a stale build from sending NULL instead.
  const given = (params ?? {}) as Record<string, unknown>;
  const missing = q.params.filter((p) => given[p] === undefined);
  const unknown = Object.keys(given).filter((p) => !q.params.includes(p));
  if (missing.length > 0 || unknown.length > 0 || Array.isArray(params))
    throw new Error(
      `query ${name} takes ${q.params.map((p) => `:${p}`).join(', ') || 'no parameters'}` +
        `${missing.length > 0 ? `; missing ${missing.join(', ')}` : ''}` +
        `${unknown.length > 0 ? `; unknown ${unknown.join(', ')}` : ''}`,
    );
  const [result] = await db.query<R>({ sql: q.sql, namedPlaceholders: true }, given as QueryValues);
  return result;
}

let loaded: Map<string, SqlQuery> | undefined;

/** A query as read from sql/queries (read once, and only if sql.generated.ts describes the same queries). */
export function query(name: QueryName): SqlQuery {
  loaded ??= loadChecked();
  const q = loaded.get(name);
  if (!q) throw new Error(`no query named ${name} in sql/queries`);
  return q;
}

interface GeneratedEntry {
  file: string;
  kind: QueryKind;
  params: readonly string[];
  positional?: number;
}

function loadChecked(): Map<string, SqlQuery> {
  const read = new Map(readSqlQueries().map((q) => [q.name, q]));
  const names = new Set<string>([...read.keys(), ...Object.keys(QUERIES)]);
  const stale = [...names].filter((name) => {
    const q = read.get(name);
    const g = (QUERIES as Record<string, GeneratedEntry | undefined>)[name];
    return (
      !q ||
      !g ||
      q.file !== g.file ||
      q.kind !== g.kind ||
      q.positional !== (g.positional ?? 0) ||
      q.params.join() !== g.params.join()
    );
  });
  if (stale.length > 0)
    throw new Error(
      `sql/queries and src/data/sql.generated.ts disagree about ${stale.join(', ')}: run npm run db:codegen`,
    );
  return read;
}

/** A LIKE pattern that matches `text` literally anywhere (or at the start, with `prefix`). */
export function likePattern(text: string, mode: 'contains' | 'prefix' = 'contains'): string {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return mode === 'prefix' ? `${escaped}%` : `%${escaped}%`;
}

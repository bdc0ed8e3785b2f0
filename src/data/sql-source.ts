import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Reads sql/queries/*.sql, sqlc style. Each query starts with a header naming it and saying what it returns:
 *
 *   -- name: ArrivalsByCondition :many
 *   -- A comment line or two.
 *   SELECT ... WHERE arrived_at >= :from AND arrived_at < :to;
 *
 * :one is at most one row, :many a list, :exec a statement whose result is not needed, :execrows one whose
 * affected row count is. Values go only through named parameters (:from, written as often as the SQL needs
 * it, given once). This module only parses: tools/sql-codegen.ts turns the result into sql.generated.ts and
 * queries.ts runs it.
 */

export const QUERY_KINDS = ['one', 'many', 'exec', 'execrows'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

/** A value a parameter may take; an array is for `IN (:ids)`. */
export type SqlValue = string | number | bigint | boolean | Date | null | readonly (string | number)[];

export interface SqlQuery {
  name: string;
  kind: QueryKind;
  /** The file it comes from, e.g. er.sql: the queries of er.queries.ts. */
  file: string;
  sql: string;
  /** Named parameters in order of first use, each once. */
  params: string[];
  /** How many `?` placeholders: only in SQL not yet converted to named parameters (0 otherwise). */
  positional: number;
}

export const QUERIES_DIR = fileURLToPath(new URL('../../sql/queries/', import.meta.url));

const HEADER = /^--\s*name:\s*(\S+)\s+:(\S+)\s*$/;
const NAME = /^[A-Z][A-Za-z0-9]*$/;
const PARAM = /^[a-z][A-Za-z0-9]*$/;
const READS = new Set(['SELECT', 'WITH']);
const WRITES = new Set(['INSERT', 'UPDATE', 'DELETE', 'REPLACE']);

export class SqlSourceError extends Error {}

/** The queries of one .sql file; a file that breaks a rule is an error naming the file and line. */
export function parseSqlFile(text: string, file: string): SqlQuery[] {
  const queries: SqlQuery[] = [];
  let current: { name: string; kind: QueryKind; line: number; lines: string[] } | undefined;
  const finish = () => {
    if (current) queries.push(toQuery(current.name, current.kind, file, current.line, current.lines));
  };
  text.split('\n').forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    if (/^--\s*name:/.test(line)) {
      const m = HEADER.exec(line);
      if (!m) throw new SqlSourceError(`${where}: a header reads "-- name: QueryName :kind"`);
      const [, name = '', kind = ''] = m;
      if (!NAME.test(name)) throw new SqlSourceError(`${where}: query name ${name} is not PascalCase`);
      if (!isKind(kind))
        throw new SqlSourceError(`${where}: unknown kind :${kind} (use :one, :many, :exec or :execrows)`);
      finish();
      current = { name, kind, line: i + 1, lines: [] };
    } else if (/^\s*--/.test(line) || line.trim() === '') {
      // Comments and blank lines are for the reader.
    } else if (!current) {
      throw new SqlSourceError(`${where}: SQL before the first "-- name:" header`);
    } else {
      current.lines.push(line);
    }
  });
  finish();
  return queries;
}

function isKind(kind: string): kind is QueryKind {
  return (QUERY_KINDS as readonly string[]).includes(kind);
}

function toQuery(name: string, kind: QueryKind, file: string, line: number, lines: string[]): SqlQuery {
  const where = `${file}:${line} (${name})`;
  const sql = lines.join('\n').trim().replace(/;\s*$/, '');
  if (sql === '') throw new SqlSourceError(`${where}: no SQL after the header`);
  const verb = /^\(*\s*([A-Za-z]+)/.exec(sql)?.[1]?.toUpperCase() ?? '';
  if (!READS.has(verb) && !WRITES.has(verb))
    throw new SqlSourceError(`${where}: a query is a SELECT, INSERT, UPDATE or DELETE, not ${verb}`);
  if ((kind === 'one' || kind === 'many') !== READS.has(verb))
    throw new SqlSourceError(
      `${where}: ${verb} is ${READS.has(verb) ? ':one or :many' : ':exec or :execrows'}, not :${kind}`,
    );
  const scan = scanPlaceholders(sql);
  if (scan.statements > 1) throw new SqlSourceError(`${where}: one statement per query`);
  // A quote or a colon in a trailing comment would confuse the placeholder scan (ours and mysql2's).
  if (scan.comments > 0)
    throw new SqlSourceError(`${where}: comments go on their own lines, above or inside, not after SQL`);
  for (const p of scan.named) {
    if (!PARAM.test(p)) throw new SqlSourceError(`${where}: parameter :${p} is not camelCase`);
  }
  if (scan.named.length > 0 && scan.positional > 0)
    throw new SqlSourceError(`${where}: named parameters and ? placeholders are mixed; use names only`);
  return { name, kind, file, sql, params: [...new Set(scan.named)], positional: scan.positional };
}

/**
 * The placeholders of a statement outside quoted strings and identifiers: `:name` (every use, in order)
 * and `?`. Reads strings the way mysql2's named-placeholders does ('' and \' inside '...'), so the two
 * agree on which `:name` is a parameter.
 */
export function scanPlaceholders(sql: string): {
  named: string[];
  positional: number;
  statements: number;
  comments: number;
} {
  const named: string[] = [];
  let positional = 0;
  let statements = 1;
  let comments = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    const two = sql.slice(i, i + 2);
    if (c === "'" || c === '"' || c === '`') {
      i = endOfQuoted(sql, i);
    } else if (c === '#' || two === '--' || two === '/*') {
      comments++;
    } else if (c === '?') {
      positional++;
    } else if (c === ';') {
      if (sql.slice(i + 1).trim() !== '') statements++;
    } else if (c === ':') {
      const m = /^[A-Za-z0-9_]+/.exec(sql.slice(i + 1));
      if (m && sql[i - 1] !== ':') {
        named.push(m[0]);
        i += m[0].length;
      }
    }
  }
  return { named, positional, statements, comments };
}

/** The index of the quote that closes the one at `start`. */
function endOfQuoted(sql: string, start: number): number {
  const q = sql[start];
  for (let i = start + 1; i < sql.length; i++) {
    if (sql[i] === '\\' && q !== '`') i++;
    else if (sql[i] === q) {
      if (sql[i + 1] === q) i++;
      else return i;
    }
  }
  return sql.length;
}

/** Every query in a folder of .sql files, in file order; a name defined twice is an error. */
export function readSqlQueries(dir = QUERIES_DIR): SqlQuery[] {
  const all: SqlQuery[] = [];
  const seen = new Map<string, string>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    for (const q of parseSqlFile(readFileSync(`${dir}/${file}`, 'utf8'), file)) {
      const first = seen.get(q.name);
      if (first) throw new SqlSourceError(`query ${q.name} is defined twice: in ${first} and in ${file}`);
      seen.set(q.name, file);
      all.push(q);
    }
  }
  return all;
}

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Reads sql/queries/*.sql, sqlc style, for tools/sql-codegen.ts (nothing reads these files at run time).
 * Each query starts with a header naming it and saying what it returns:
 *
 *   -- name: ArrivalsByCondition :many
 *   -- A comment line or two.
 *   -- @column esi1: number
 *   SELECT ... WHERE arrived_at >= :from AND arrived_at < :to;
 *
 * :one is at most one row, :many a list, :exec a statement whose result is not needed, :execrows one whose
 * affected row count is, :execlastid an INSERT whose new AUTO_INCREMENT id is. Values go only through named parameters (:from, written as often as the SQL needs
 * it, given once). Where the schema cannot tell a type, the .sql file says it: `-- @param name: Type` for a
 * parameter used only in an expression, `-- @column name: Type` for a result column, and `-- @notnull a, b`
 * for result columns the server marks nullable that cannot be NULL (a column of a derived table or a CTE,
 * an aggregate over a group that has rows, TIMESTAMPDIFF of NOT NULL columns).
 */

export const QUERY_KINDS = ['one', 'many', 'exec', 'execrows', 'execlastid'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface SqlQuery {
  name: string;
  kind: QueryKind;
  /** The file it comes from, e.g. er.sql: the queries of er.queries.ts. */
  file: string;
  /** The comment lines under the header, for the generated function's doc comment. */
  doc: string[];
  /** The statement as written, with :named parameters. */
  sql: string;
  /** The statement as sent: each :name replaced by ?, outside strings and identifiers. */
  text: string;
  /** The parameter of each ? in `text`, in order (a name used twice is listed twice). */
  order: string[];
  /** Named parameters in order of first use, each once. */
  params: string[];
  /** Types set by `-- @param` and `-- @column` lines. */
  paramTypes: Record<string, string>;
  columnTypes: Record<string, string>;
  /** Result columns named by `-- @notnull a, b`: never NULL, whatever the server's metadata says. */
  notNull: string[];
}

export const QUERIES_DIR = fileURLToPath(new URL('../../sql/queries/', import.meta.url));

const HEADER = /^--\s*name:\s*(\S+)\s+:(\S+)\s*$/;
const ANNOTATION = /^--\s*@(param|column)\s+([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.+?)\s*$/;
const NOT_NULL = /^--\s*@notnull\s+(.+?)\s*$/;
const NAME = /^[A-Z][A-Za-z0-9]*$/;
const PARAM = /^[a-z][A-Za-z0-9]*$/;
const READS = new Set(['SELECT', 'WITH']);
const WRITES = new Set(['INSERT', 'UPDATE', 'DELETE', 'REPLACE']);

export class SqlSourceError extends Error {}

interface Draft {
  name: string;
  kind: QueryKind;
  line: number;
  lines: string[];
  doc: string[];
  paramTypes: Record<string, string>;
  columnTypes: Record<string, string>;
  notNull: string[];
}

/** The queries of one .sql file; a file that breaks a rule is an error naming the file and line. */
export function parseSqlFile(text: string, file: string): SqlQuery[] {
  const queries: SqlQuery[] = [];
  let current: Draft | undefined;
  const finish = () => {
    if (current) queries.push(toQuery(current, file));
  };
  text.split('\n').forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    if (/^--\s*name:/.test(line)) {
      const m = HEADER.exec(line);
      if (!m) throw new SqlSourceError(`${where}: a header reads "-- name: QueryName :kind"`);
      const [, name = '', kind = ''] = m;
      if (!NAME.test(name)) throw new SqlSourceError(`${where}: query name ${name} is not PascalCase`);
      if (!isKind(kind))
        throw new SqlSourceError(
          `${where}: unknown kind :${kind} (use :one, :many, :exec, :execrows or :execlastid)`,
        );
      finish();
      current = { name, kind, line: i + 1, lines: [], doc: [], paramTypes: {}, columnTypes: {}, notNull: [] };
    } else if (current && NOT_NULL.test(line.trim())) {
      for (const c of (NOT_NULL.exec(line.trim())?.[1] ?? '').split(/[\s,]+/)) current.notNull.push(c);
    } else if (/^\s*--\s*@/.test(line)) {
      const m = ANNOTATION.exec(line.trim());
      if (!m || !current) throw new SqlSourceError(`${where}: an annotation reads "-- @param name: Type"`);
      const [, what, name = '', type = ''] = m;
      (what === 'param' ? current.paramTypes : current.columnTypes)[name] = type;
    } else if (/^\s*--/.test(line) || line.trim() === '') {
      // Comments directly under the header document the query; the others are for the reader.
      if (current && current.lines.length === 0 && /^--/.test(line))
        current.doc.push(line.replace(/^--\s?/, ''));
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

function toQuery(d: Draft, file: string): SqlQuery {
  const where = `${file}:${d.line} (${d.name})`;
  const sql = d.lines.join('\n').trim().replace(/;\s*$/, '');
  if (sql === '') throw new SqlSourceError(`${where}: no SQL after the header`);
  const verb = /^\(*\s*([A-Za-z]+)/.exec(sql)?.[1]?.toUpperCase() ?? '';
  if (!READS.has(verb) && !WRITES.has(verb))
    throw new SqlSourceError(`${where}: a query is a SELECT, INSERT, UPDATE or DELETE, not ${verb}`);
  if ((d.kind === 'one' || d.kind === 'many') !== READS.has(verb))
    throw new SqlSourceError(
      `${where}: ${verb} is ${READS.has(verb) ? ':one or :many' : ':exec, :execrows or :execlastid'}, not :${d.kind}`,
    );
  // The driver puts each value in place of a ?, wherever it stands (in a string too): only ours may be there.
  if (sql.includes('?')) throw new SqlSourceError(`${where}: no ? in a query (parameters are named: :name)`);
  const scan = compilePlaceholders(sql);
  if (scan.statements > 1) throw new SqlSourceError(`${where}: one statement per query`);
  if (scan.comments > 0)
    throw new SqlSourceError(`${where}: comments go on their own lines, above or inside, not after SQL`);
  for (const p of scan.order) {
    if (!PARAM.test(p)) throw new SqlSourceError(`${where}: parameter :${p} is not camelCase`);
  }
  const params = [...new Set(scan.order)];
  for (const p of Object.keys(d.paramTypes)) {
    if (!params.includes(p))
      throw new SqlSourceError(`${where}: @param ${p} is not a parameter of the query`);
  }
  return {
    name: d.name,
    kind: d.kind,
    file,
    doc: d.doc,
    sql,
    text: scan.text,
    order: scan.order,
    params,
    paramTypes: d.paramTypes,
    columnTypes: d.columnTypes,
    notNull: d.notNull,
  };
}

/**
 * The statement with each `:name` outside quoted strings and identifiers replaced by `?`, and the names in
 * order. Reads strings as MySQL does ('' and \' inside '...').
 */
export function compilePlaceholders(sql: string): {
  text: string;
  order: string[];
  statements: number;
  comments: number;
} {
  const order: string[] = [];
  let text = '';
  let statements = 1;
  let comments = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i] ?? '';
    const two = sql.slice(i, i + 2);
    if (c === "'" || c === '"' || c === '`') {
      const end = endOfQuoted(sql, i);
      text += sql.slice(i, end + 1);
      i = end;
      continue;
    }
    if (c === '#' || two === '--' || two === '/*') comments++;
    else if (c === ';' && sql.slice(i + 1).trim() !== '') statements++;
    else if (c === ':' && sql[i - 1] !== ':') {
      const m = /^[A-Za-z0-9_]+/.exec(sql.slice(i + 1));
      if (m) {
        order.push(m[0]);
        text += '?';
        i += m[0].length;
        continue;
      }
    }
    text += c;
  }
  return { text, order, statements, comments };
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

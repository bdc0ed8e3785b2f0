import type { SqlQuery } from './parse.ts';

/** A column of the migrated schema, with the TypeScript type of a value given for it. */
export interface SchemaColumn {
  table: string;
  column: string;
  type: string;
  /** An ENUM's values as a union of string literals (a parameter takes any string: the server checks it). */
  values?: string | undefined;
  nullable: boolean;
}

const OPERATOR = String.raw`(?:=|<>|!=|<=|>=|<|>|\bLIKE\b)`;
const COLUMN = String.raw`((?:\w+\.)?\w+)`;
const KEYWORDS = new Set(
  ['and', 'or', 'not', 'where', 'set', 'on', 'when', 'then', 'else', 'limit', 'null'].concat([
    'microsecond',
    'second',
    'minute',
    'hour',
    'day',
    'week',
    'month',
    'year',
  ]),
);

/**
 * The type of each parameter, from where the SQL uses it: LIMIT and OFFSET take a number; a comparison
 * (`col >= :from`, `col BETWEEN :lo AND :hi`, `col LIKE :pattern`) takes the column's type, `col IN (:ids)`
 * a list of it; INSERT ... VALUES and UPDATE ... SET take it too, or NULL where the column allows NULL;
 * `:p IS NULL` allows NULL. Anywhere else (`INTERVAL :ms MICROSECOND`, `CAST(:id AS CHAR)`) the .sql file
 * says it with `-- @param name: Type`, which also wins over what is inferred.
 */
export function inferParamTypes(q: SqlQuery, schema: SchemaColumn[]): [string, string][] {
  const sql = maskStrings(q.sql);
  const tables = new Set([...sql.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE)\s+`?(\w+)/gi)].map((m) => m[1]));
  const lookup = (ref: string): SchemaColumn => {
    const name = ref.replace(/^\w+\./, '');
    const inQuery = schema.filter((c) => c.column === name && tables.has(c.table));
    const candidates = inQuery.length > 0 ? inQuery : schema.filter((c) => c.column === name);
    const types = new Set(candidates.map((c) => c.type));
    const [first] = candidates;
    if (!first || types.size !== 1)
      throw new Error(`${where(q)}: cannot tell the type of column ${ref}; add -- @param`);
    return { ...first, nullable: candidates.some((c) => c.nullable) };
  };
  const writes = writtenColumns(sql);
  return q.params.map((p): [string, string] => {
    const given = q.paramTypes[p];
    if (given) return [p, given];
    const type = inferOne(sql, p, lookup, writes);
    if (!type)
      throw new Error(`${where(q)}: cannot tell the type of :${p} from its use; add -- @param ${p}: Type`);
    return [p, type];
  });
}

function inferOne(
  sql: string,
  p: string,
  lookup: (ref: string) => SchemaColumn,
  writes: Map<string, string>,
): string | undefined {
  const nullable = new RegExp(String.raw`:${p}\s+IS\s+NULL\b`, 'i').test(sql);
  const orNull = (t: string) => (nullable ? `${t} | null` : t);
  if (new RegExp(String.raw`\b(?:LIMIT|OFFSET)\s+:${p}\b`, 'i').test(sql)) return orNull('number');
  const written = writes.get(p);
  if (written) {
    const c = lookup(written);
    return c.nullable ? `${c.type} | null` : c.type;
  }
  const list = new RegExp(String.raw`${COLUMN}\s+(?:NOT\s+)?IN\s*\(\s*:${p}\s*\)`, 'i').exec(sql);
  if (list?.[1]) return orNull(`readonly ${lookup(list[1]).type}[]`);
  const patterns = [
    new RegExp(String.raw`${COLUMN}\s*${OPERATOR}\s*:${p}\b`, 'gi'),
    new RegExp(String.raw`:${p}\s*${OPERATOR}\s*${COLUMN}`, 'gi'),
    new RegExp(String.raw`${COLUMN}\s+(?:NOT\s+)?BETWEEN\s+:${p}\b`, 'gi'),
    new RegExp(String.raw`${COLUMN}\s+(?:NOT\s+)?BETWEEN\s+:\w+\s+AND\s+:${p}\b`, 'gi'),
  ];
  for (const re of patterns) {
    for (const m of sql.matchAll(re)) {
      const ref = m[1];
      if (!ref || KEYWORDS.has(ref.toLowerCase()) || /^\d/.test(ref)) continue;
      try {
        return orNull(lookup(ref).type);
      } catch {
        // Not a column of the schema (an alias of a derived table): another use may tell.
      }
    }
  }
  return undefined;
}

/** Parameters given straight to a column: INSERT INTO t (a, b) VALUES (:a, :b), and UPDATE t SET a = :a. */
function writtenColumns(sql: string): Map<string, string> {
  const out = new Map<string, string>();
  const insert = /\bINSERT\s+INTO\s+(\w+)\s*\(([^)]*)\)\s*VALUES\s*\(([\s\S]*?)\)\s*(?:ON\b|$)/i.exec(sql);
  if (insert) {
    const cols = (insert[2] ?? '').split(',').map((c) => c.trim());
    splitTopLevel(insert[3] ?? '').forEach((v, i) => {
      const m = /^:(\w+)$/.exec(v.trim());
      const col = cols[i];
      if (m?.[1] && col) out.set(m[1], `${insert[1]}.${col}`);
    });
  }
  const update = /\bUPDATE\s+(\w+)\s+SET\b([\s\S]*?)(?:\bWHERE\b|$)/i.exec(sql);
  if (update) {
    for (const m of (update[2] ?? '').matchAll(/(\w+)\s*=\s*:(\w+)\s*(?:,|$)/g)) {
      if (m[1] && m[2]) out.set(m[2], `${update[1]}.${m[1]}`);
    }
  }
  return out;
}

function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === '(') depth++;
    else if (list[i] === ')') depth--;
    else if (list[i] === ',' && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(list.slice(start));
  return parts;
}

/** The SQL with the text of quoted strings blanked, so that nothing inside one is read as SQL. */
function maskStrings(sql: string): string {
  return sql.replace(/'(?:[^'\\]|\\.|'')*'/g, (s) => `'${' '.repeat(s.length - 2)}'`);
}

const where = (q: SqlQuery) => `${q.file} (${q.name})`;

import { randomBytes } from 'node:crypto';
import type { FieldPacket, RowDataPacket } from 'mysql2/promise';
import { migrate } from '../../src/data/migrate.ts';
import { connect, type Connection } from '../../src/data/mysql.ts';
import { readMigrations } from './migrations-source.ts';
import type { SqlQuery } from './parse.ts';
import { inferParamTypes, type SchemaColumn } from './params.ts';

/** A query with the TypeScript type of each parameter and of each column of its rows. */
export interface DescribedQuery extends SqlQuery {
  args: [name: string, type: string][];
  columns: [name: string, type: string][];
}

/**
 * Describes every query against the schema itself: migrates a scratch database on `serverUrl`, prepares
 * each statement and reads what the server says of each result column (its type, and whether it can be
 * NULL), then drops the database. Parameters are typed from the columns they are compared with, inserted
 * into or set (src/data/sql tools: params.ts).
 */
export async function describeQueries(queries: SqlQuery[], serverUrl: string): Promise<DescribedQuery[]> {
  const database = `hers_codegen_${randomBytes(4).toString('hex')}`;
  const url = `${serverUrl.replace(/\/$/, '')}/${database}`;
  await migrate(url, () => undefined, readMigrations());
  const conn = await connect(url);
  try {
    const [schema] = await conn.query<RowDataPacket[]>(
      `SELECT table_name AS t, column_name AS c, data_type AS d, column_type AS ct, is_nullable AS n
       FROM information_schema.columns WHERE table_schema = ?`,
      [database],
    );
    const columns = schema.map((r): SchemaColumn => ({
      table: String(r.t),
      column: String(r.c),
      type: sqlTypeToTs(String(r.d)),
      values: enumUnion(String(r.ct)),
      nullable: r.n === 'YES',
    }));
    const described: DescribedQuery[] = [];
    for (const q of queries) {
      const args = inferParamTypes(q, columns);
      described.push({ ...q, args, columns: await resultColumns(conn, q, columns) });
    }
    return described;
  } finally {
    await conn.query(`DROP DATABASE \`${database}\``).catch(() => undefined);
    await conn.end();
  }
}

async function resultColumns(
  conn: Connection,
  q: SqlQuery,
  schema: SchemaColumn[],
): Promise<[string, string][]> {
  if (q.kind !== 'one' && q.kind !== 'many') return [];
  let fields: FieldPacket[];
  try {
    const statement = await conn.prepare(q.text);
    fields = (statement as unknown as { statement: { columns: FieldPacket[] } }).statement.columns;
    await statement.close();
  } catch (err) {
    throw new Error(`${q.file} (${q.name}): the server refused the statement: ${(err as Error).message}`);
  }
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const f of fields) {
    if (seen.has(f.name)) throw new Error(`${q.file} (${q.name}): two result columns are named ${f.name}`);
    seen.add(f.name);
    const given = q.columnTypes[f.name];
    // An ENUM column read as it is keeps its values as a union (the server flags it, and names its table).
    const column = schema.find((c) => c.table === f.orgTable && c.column === f.orgName);
    const base = ((f.flags as number) & ENUM && column?.values) || fieldToTs(f);
    const notNull = (f.flags as number) & NOT_NULL || q.notNull.includes(f.name);
    out.push([f.name, given ?? (notNull ? base : `${base} | null`)]);
  }
  const unknown = [...Object.keys(q.columnTypes), ...q.notNull].filter((c) => !seen.has(c));
  if (unknown.length > 0)
    throw new Error(`${q.file} (${q.name}): ${unknown.join(', ')}: annotated, but not a result column`);
  return out;
}

const NOT_NULL = 1;
const ENUM = 256;
const BINARY_CHARSET = 63;

/**
 * What mysql2 returns for a result column, with the connection settings of src/data/mysql.ts (dateStrings
 * false, decimalNumbers and supportBigNumbers true, no typeCast): numbers for every integer and DECIMAL
 * (a BIGINT beyond 2^53 would come as a string; no id or count here comes near), Date for DATE, DATETIME
 * and TIMESTAMP, Buffer for binary strings and BIT, a string for TIME and every text type.
 */
function fieldToTs(f: FieldPacket): string {
  const type = f.columnType ?? f.type ?? -1;
  if ([0, 1, 2, 3, 4, 5, 8, 9, 13, 246].includes(type)) return 'number';
  if ([7, 10, 12, 14].includes(type)) return 'Date';
  if (type === 6) return 'null';
  if (type === 16) return 'Buffer';
  if ([15, 249, 250, 251, 252, 253, 254].includes(type))
    return f.characterSet === BINARY_CHARSET ? 'Buffer' : 'string';
  if ([11, 247, 248].includes(type)) return 'string';
  return 'unknown';
}

/** The TypeScript type of a value given for a column of this information_schema data_type. */
function sqlTypeToTs(dataType: string): string {
  const t = dataType.toLowerCase();
  if (/int|decimal|numeric|float|double|real|year|bit/.test(t)) return 'number';
  if (/^(datetime|timestamp)$/.test(t)) return 'Date';
  // A DATE is given as 'YYYY-MM-DD': a Date would be sent as an instant in UTC and cut to its UTC day.
  if (t === 'date') return 'string';
  if (/blob|binary/.test(t)) return 'Buffer';
  return 'string';
}

/** `'a' | 'b'` for a column_type of enum('a','b'). */
function enumUnion(columnType: string): string | undefined {
  const m = /^enum\((.*)\)$/i.exec(columnType);
  if (!m?.[1]) return undefined;
  return [...m[1].matchAll(/'((?:[^']|'')*)'/g)]
    .map((v) => `'${(v[1] ?? '').replace(/''/g, "\\'")}'`)
    .join(' | ');
}

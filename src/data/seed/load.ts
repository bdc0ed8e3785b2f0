import type { Db } from 'mongodb';
import type { RowDataPacket } from 'mysql2/promise';
import { UserError } from '../../core/errors.ts';
import { DISPATCH_INCIDENTS, ER_TREATMENTS } from '../documents.ts';
import { isBucketCollection, writeErDocuments } from '../er.buckets.ts';
import { ensureMongoSchema } from '../mongo.ts';
import { connect, describeMysqlError, type Connection } from '../mysql.ts';
import { TABLE_ORDER, type Cell, type Dataset, type TableData } from './generate.ts';

/** Called as work completes: `done` of `total` rows and documents, and what is being written. */
export type Progress = (done: number, total: number, what: string) => void;

export interface LoadResult {
  sqlRows: number;
  mongoDocs: number;
  tables: { name: string; rows: number }[];
}

/** Keeps each INSERT well under MariaDB's default 16 MiB max_allowed_packet. */
const MAX_STATEMENT_BYTES = 4 * 1024 * 1024;
const SQL_CONNECTIONS = 2;

/**
 * Called on the connection that truncates, just before anything is truncated or dropped: it may check
 * again what the stores hold (and throw to change nothing) and audit the replacement.
 */
export type BeforeReplace = (conn: Connection) => Promise<void>;

/**
 * Replaces the domain data in both stores with `dataset`. The bot's own tables (audit_event,
 * summary_post, the ledger) are left alone. MySQL and MongoDB load at the same time.
 */
export async function loadDataset(
  dataset: Dataset,
  mysqlUrl: string,
  mongo: Db,
  progress: Progress,
  beforeReplace: BeforeReplace,
): Promise<LoadResult> {
  const sqlRows = dataset.tables.reduce((n, t) => n + t.rows.length, 0);
  const mongoDocs = dataset.dispatchIncidents.length + dataset.erTreatments.length;
  const total = sqlRows + mongoDocs;
  let done = 0;
  const advance = (n: number, what: string) => {
    done += n;
    progress(done, total, what);
  };

  const connections: Connection[] = [];
  try {
    for (let i = 0; i < SQL_CONNECTIONS; i++) connections.push(await connect(mysqlUrl));
    const first = connections[0];
    if (!first) throw new Error('no connection');
    await assertSchema(first);
    await beforeReplace(first);
    for (const c of connections) await c.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
    for (const name of [...TABLE_ORDER].reverse()) await first.query(`TRUNCATE TABLE \`${name}\``);

    await Promise.all([
      ...splitTables(dataset.tables, connections.length).map(async (tables, i) => {
        const conn = connections[i];
        if (!conn) return;
        for (const table of tables) await insertTable(conn, table, (n) => advance(n, table.name));
      }),
      loadMongo(mongo, dataset, advance),
    ]);
    for (const c of connections) await c.query('SET SESSION foreign_key_checks = 1, unique_checks = 1');
  } catch (err) {
    throw describeMysqlError(err, mysqlUrl);
  } finally {
    await Promise.all(connections.map((c) => c.end().catch(() => undefined)));
  }
  return { sqlRows, mongoDocs, tables: dataset.tables.map((t) => ({ name: t.name, rows: t.rows.length })) };
}

/**
 * The rows of each domain table this module replaces (the ones it truncates), in one statement. Table
 * names come from the constant TABLE_ORDER, never from input.
 */
export async function domainRowCounts(conn: Connection): Promise<{ name: string; rows: number }[]> {
  const [rows] = await conn.query<RowDataPacket[]>(
    TABLE_ORDER.map((t) => `SELECT '${t}' AS name, COUNT(*) AS n FROM \`${t}\``).join(' UNION ALL '),
  );
  return rows.map((r) => ({ name: String(r.name), rows: Number(r.n) }));
}

/** Fails early, before any generating, when MySQL is unreachable or not migrated. */
export async function checkSchema(mysqlUrl: string): Promise<void> {
  const conn = await connect(mysqlUrl);
  try {
    await assertSchema(conn);
  } catch (err) {
    throw describeMysqlError(err, mysqlUrl);
  } finally {
    await conn.end();
  }
}

async function assertSchema(conn: Connection): Promise<void> {
  const [rows] = await conn.query<RowDataPacket[]>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()`,
  );
  const present = new Set(rows.map((r) => String(r.name)));
  const missing = TABLE_ORDER.filter((t) => !present.has(t));
  if (missing.length > 0) {
    throw new UserError(
      'misconfigured',
      `The database has no ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', ...' : ''} table: run npm run db:migrate first.`,
    );
  }
}

/** Deals tables to connections so each gets about the same number of rows. */
function splitTables(tables: TableData[], n: number): TableData[][] {
  const queues: { rows: number; tables: TableData[] }[] = Array.from({ length: n }, () => ({
    rows: 0,
    tables: [],
  }));
  for (const t of [...tables].sort((a, b) => b.rows.length - a.rows.length)) {
    const q = queues.reduce((a, b) => (b.rows < a.rows ? b : a));
    q.tables.push(t);
    q.rows += t.rows.length;
  }
  return queues.map((q) => q.tables);
}

async function insertTable(conn: Connection, table: TableData, advance: (n: number) => void): Promise<void> {
  if (table.rows.length === 0) return;
  const head = `INSERT INTO \`${table.name}\` (${table.columns.map((c) => `\`${c}\``).join(', ')}) VALUES `;
  let parts: string[] = [];
  let bytes = head.length;
  const flush = async () => {
    if (parts.length === 0) return;
    await conn.query(head + parts.join(','));
    advance(parts.length);
    parts = [];
    bytes = head.length;
  };
  for (const row of table.rows) {
    const tuple = `(${row.map(literal).join(',')})`;
    if (bytes + tuple.length + 1 > MAX_STATEMENT_BYTES) await flush();
    parts.push(tuple);
    bytes += tuple.length + 1;
  }
  await flush();
}

/** A SQL literal for a generated value. Strings are quoted for both MySQL and MariaDB's default mode. */
export function literal(v: Cell): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    return String(v);
  }
  return `'${v.replace(/[\0\\']/g, (c) => (c === "'" ? "''" : c === '\\' ? '\\\\' : '\\0'))}'`;
}

async function loadMongo(
  db: Db,
  dataset: Dataset,
  advance: (n: number, what: string) => void,
): Promise<void> {
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
  for (const name of names.filter(
    (n) => n === DISPATCH_INCIDENTS || n === ER_TREATMENTS || isBucketCollection(n),
  ))
    await db.collection(name).drop();
  // In one call, so that each bucket is written once.
  await writeErDocuments(db, dataset.dispatchIncidents, dataset.erTreatments, advance);
  await ensureMongoSchema(db);
}

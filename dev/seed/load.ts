import type { Db } from 'mongodb';
import type { RowDataPacket } from 'mysql2/promise';
import { UserError } from '../../src/core/errors.ts';
import { DISPATCH_INCIDENTS, ER_TREATMENTS } from '../../src/data/documents.ts';
import { ErDocumentWriter } from '../../src/data/er.bucket-writer.ts';
import { isBucketCollection } from '../../src/data/er.buckets.ts';
import { ensureMongoSchema } from '../../src/data/mongo.ts';
import { connect, describeMysqlError, type Connection } from '../../src/data/mysql.ts';
import { generateInto, TABLE_ORDER, type GenerateOptions, type GenerationStep } from './generate.ts';
import { assertLocalInfile, SqlRowStream } from './sql-stream.ts';

/** Called as work proceeds: `done` of `total` (generating work), and what is happening. */
export type Progress = (done: number, total: number, what: string) => void;

export interface LoadResult {
  sqlRows: number;
  mongoDocs: number;
  tables: { name: string; rows: number }[];
  /** Time spent generating (the loads run meanwhile), and in all. */
  generateMs: number;
  totalMs: number;
}

const SQL_CONNECTIONS = 2;
/** The share of the progress bar for what follows generating: the last loads, and the Mongo indexes. */
const FINISHING = 0.03;

/**
 * Called on the connection that truncates, just before anything is truncated or dropped: it may check
 * again what the stores hold (and throw to change nothing) and audit the replacement.
 */
export type BeforeReplace = (conn: Connection) => Promise<void>;

/**
 * Replaces the domain data in both stores with data generated for `opts`, loading it as it is generated:
 * rows and documents are not all held at once (see SqlRowStream and ErDocumentWriter). The bot's own tables
 * (audit_event, summary_post, the ledger) are left alone.
 */
export async function loadGenerated(
  opts: GenerateOptions,
  mysqlUrl: string,
  mongo: Db,
  progress: Progress,
  beforeReplace: BeforeReplace,
): Promise<LoadResult> {
  const t0 = performance.now();
  const connections: Connection[] = [];
  let sql: SqlRowStream | undefined;
  // Set once the visits' facts are emptied for the load: only then does a failure rebuild them.
  let factsEmptied = false;
  let documents: ErDocumentWriter | undefined;
  try {
    for (let i = 0; i < SQL_CONNECTIONS; i++) connections.push(await connect(mysqlUrl));
    const first = connections[0];
    if (!first) throw new Error('no connection');
    await assertSchema(first);
    await assertLocalInfile(first);
    await beforeReplace(first);
    // The visits' measure facts (migration 019) are filled from their view once the rows are in, not by
    // the triggers row by row.
    for (const c of connections)
      await c.query('SET SESSION foreign_key_checks = 0, unique_checks = 0, @er_visit_fact_deferred = 1');
    await first.query('TRUNCATE TABLE er_visit_fact');
    factsEmptied = true;
    for (const name of [...TABLE_ORDER].reverse()) await first.query(`TRUNCATE TABLE \`${name}\``);
    await dropErCollections(mongo);

    let mongoDocs = 0;
    const rows = new SqlRowStream(connections);
    const docs = new ErDocumentWriter(mongo, { fresh: true, written: (n) => (mongoDocs += n) });
    sql = rows;
    documents = docs;
    const steps = generateInto(opts, {
      row: (table, row) => rows.row(table, row),
      incident: (doc) => docs.incident(doc),
      treatment: (doc) => docs.treatment(doc),
    });
    const said = (step: GenerationStep | undefined) =>
      `${step?.phase ?? 'done'}, ${(rows.loaded + mongoDocs).toLocaleString('en-US')} loaded`;
    let generateMs = 0;
    let last: GenerationStep | undefined;
    for (;;) {
      const t = performance.now();
      const next = steps.next();
      generateMs += performance.now() - t;
      if (next.done) break;
      last = next.value;
      docs.documentsFrom(last.documentsFrom);
      progress(last.done, last.total / (1 - FINISHING), said(last));
      await Promise.all([rows.ready(), docs.ready()]);
    }
    await Promise.all([rows.finish(), docs.finish()]);
    await ensureMongoSchema(mongo);
    for (const c of connections)
      await c.query('SET SESSION foreign_key_checks = 1, unique_checks = 1, @er_visit_fact_deferred = NULL');
    await fillVisitFacts(first);
    // Index statistics as of the load, not of the empty tables: InnoDB recomputes them in the background
    // only some time after a bulk load, and until then the optimizer picks plans for empty tables (a
    // patient's appointments took 570 ms instead of 1 ms at scale 5 right after seeding).
    await first.query(`ANALYZE TABLE ${[...TABLE_ORDER, 'er_visit_fact'].map((t) => `\`${t}\``).join(', ')}`);
    progress(1, 1, said(undefined));
    const tables = rows.tables();
    return {
      sqlRows: tables.reduce((n, t) => n + t.rows, 0),
      mongoDocs,
      tables,
      generateMs,
      totalMs: performance.now() - t0,
    };
  } catch (err) {
    await Promise.all([sql?.stop(), documents?.stop()]);
    // The facts were emptied for the load: filled for the rows that did go in (best effort; a failure
    // here leaves the error that stopped the load to be reported). A refusal changed nothing.
    if (factsEmptied) await fillVisitFactsAlone(mysqlUrl).catch(() => undefined);
    throw describeMysqlError(err, mysqlUrl);
  } finally {
    await Promise.all(connections.map((c) => c.end().catch(() => undefined)));
  }
}

/** Fills er_visit_fact (migration 019) from the view that defines it, for the visits loaded. */
const fillVisitFacts = (conn: Connection) =>
  conn.query('REPLACE INTO er_visit_fact SELECT * FROM er_visit_fact_source');

/** After a failed load, on a connection of its own: the facts of whatever visits are there. */
async function fillVisitFactsAlone(mysqlUrl: string): Promise<void> {
  const conn = await connect(mysqlUrl);
  try {
    await fillVisitFacts(conn);
  } finally {
    await conn.end();
  }
}

/** Drops the raw document collections and their buckets (ensureMongoSchema makes them again). */
async function dropErCollections(db: Db): Promise<void> {
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
  for (const name of names.filter(
    (n) => n === DISPATCH_INCIDENTS || n === ER_TREATMENTS || isBucketCollection(n),
  ))
    await db.collection(name).drop();
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

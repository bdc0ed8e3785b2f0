import { Readable } from 'node:stream';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { UserError } from '../../src/core/errors.ts';
import type { Connection } from '../../src/data/mysql.ts';
import { columnsOf, TABLE_ORDER, type Cell, type TableName } from './generate.ts';

/** A table's rows go to the server in chunks of about this much text, one LOAD DATA each. */
const CHUNK_CHARS = 2 * 1024 * 1024;
/** Finished chunks waiting for a connection before `ready` makes the generator wait. */
const MAX_WAITING_CHUNKS = 4;
/** LOAD DATA LOCAL sends its file in packets; one holds at most 16 MiB. */
const PACKET_BYTES = 256 * 1024;
/** A chunk whose load the server rolled back (deadlock, lock wait timeout) is loaded again, up to this often. */
const MAX_ATTEMPTS = 5;
const RETRY_PAUSE_MS = 100;
const ER_LOCK_WAIT_TIMEOUT = 1205;
const ER_LOCK_DEADLOCK = 1213;

/** Characters that LOAD DATA's default format (FIELDS ESCAPED BY '\\') reads specially, and their escapes. */
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\0' };
const SPECIAL = /[\\\t\n\r\0]/g;

/** A row in LOAD DATA's default text format: fields split by tabs, NULL as \N, and specials escaped. */
export function tsvLine(row: readonly Cell[]): string {
  return row.map(tsvField).join('\t');
}

function tsvField(v: Cell): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    return String(v);
  }
  return v.replace(SPECIAL, (c) => ESCAPES[c] ?? c);
}

interface Chunk {
  table: TableName;
  lines: string[];
}

/** The error db:seed gives when the server will not read data from the client. */
function localInfileRefused(): UserError {
  return new UserError(
    'misconfigured',
    'The MySQL server refuses LOAD DATA LOCAL INFILE, which db:seed loads rows with: turn local_infile on ' +
      '(SET GLOBAL local_infile = ON, or start the server with --local-infile=1) and run db:seed again.',
  );
}

/** Fails before anything is changed when the server will refuse LOAD DATA LOCAL INFILE. */
export async function assertLocalInfile(conn: Connection): Promise<void> {
  const [rows] = await conn.query<RowDataPacket[]>('SELECT @@GLOBAL.local_infile AS enabled');
  if (Number(rows[0]?.enabled) !== 1) throw localInfileRefused();
}

/**
 * Loads generated rows into MySQL as they come: each table's rows collect as text in LOAD DATA's format and,
 * every CHUNK_CHARS, go to the server on whichever connection is free (LOAD DATA LOCAL INFILE, fed from
 * memory: no file is written). `row` never waits; the generator calls `ready` between its steps, which
 * lets the loads run and holds the generator back while MAX_WAITING_CHUNKS chunks wait. The connections
 * should have foreign-key and unique checks off, as the rows of a chunk may reference rows of chunks not
 * yet loaded, and autocommit on (the default), so that a load the server rolls back is loaded again whole.
 */
export class SqlRowStream {
  private readonly open = new Map<TableName, { lines: string[]; chars: number }>();
  private readonly waiting: Chunk[] = [];
  private readonly idle: Connection[];
  private readonly counts = new Map<TableName, number>();
  private running = 0;
  private loadedRows = 0;
  private retriedChunks = 0;
  /** Chunks of each table loading now, and the tables a chunk has been loaded into (no longer empty). */
  private readonly loading = new Map<TableName, number>();
  private readonly filled = new Set<TableName>();
  private wakers: (() => void)[] = [];
  private failure: { error: unknown } | undefined;
  private stopped = false;

  /** `chunkChars` is for tests, which send small chunks to see several loads. */
  constructor(
    connections: readonly Connection[],
    private readonly chunkChars = CHUNK_CHARS,
  ) {
    this.idle = [...connections];
  }

  row(table: TableName, row: Cell[]): void {
    let open = this.open.get(table);
    if (!open) this.open.set(table, (open = { lines: [], chars: 0 }));
    const line = tsvLine(row);
    open.lines.push(line);
    open.chars += line.length + 1;
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
    if (open.chars >= this.chunkChars) this.cut(table);
  }

  /** Rows loaded so far. */
  get loaded(): number {
    return this.loadedRows;
  }

  /** Loads of a chunk the server rolled back (a deadlock, a lock wait timeout) and that were made again. */
  get retried(): number {
    return this.retriedChunks;
  }

  /** Rows given of each table, in TABLE_ORDER. */
  tables(): { name: TableName; rows: number }[] {
    return TABLE_ORDER.map((name) => ({ name, rows: this.counts.get(name) ?? 0 }));
  }

  /**
   * Lets the loads run (a turn of the event loop), then waits while too many chunks wait; throws what a
   * load threw.
   */
  async ready(): Promise<void> {
    await nextTurn();
    while (this.waiting.length >= MAX_WAITING_CHUNKS && !this.failure) await this.change();
    if (this.failure) throw this.failure.error;
  }

  /** Loads every row still held and waits for all loads; throws what a load threw. */
  async finish(): Promise<void> {
    for (const table of [...this.open.keys()]) this.cut(table);
    while ((this.waiting.length > 0 || this.running > 0) && !this.failure) await this.change();
    if (this.failure) {
      await this.stop();
      throw this.failure.error;
    }
  }

  /** Starts no more loads and waits for the running ones (before closing the connections). */
  async stop(): Promise<void> {
    this.stopped = true;
    while (this.running > 0) await this.change();
  }

  /** Resolves when a load ends. */
  private change(): Promise<void> {
    return new Promise<void>((resolve) => this.wakers.push(resolve));
  }

  private cut(table: TableName): void {
    const open = this.open.get(table);
    if (!open || open.lines.length === 0) return;
    this.open.delete(table);
    this.waiting.push({ table, lines: open.lines });
    this.pump();
  }

  private pump(): void {
    while (!this.failure && !this.stopped && this.idle.length > 0) {
      const next = this.waiting.findIndex((c) => this.mayStart(c.table));
      if (next < 0) return;
      const [chunk] = this.waiting.splice(next, 1) as [Chunk];
      const conn = this.idle.pop() as Connection;
      this.running++;
      this.loading.set(chunk.table, (this.loading.get(chunk.table) ?? 0) + 1);
      void loadChunk(conn, chunk, () => this.retriedChunks++)
        .then(
          () => {
            this.loadedRows += chunk.lines.length;
            this.filled.add(chunk.table);
          },
          (error: unknown) => (this.failure ??= { error }),
        )
        .finally(() => {
          this.running--;
          this.loading.set(chunk.table, (this.loading.get(chunk.table) ?? 1) - 1);
          this.idle.push(conn);
          this.pump();
          for (const wake of this.wakers.splice(0)) wake();
        });
    }
  }

  /**
   * Whether a chunk of `table` may start loading now. MariaDB (10.6 on) loads into an empty table under
   * an exclusive table lock when unique and foreign-key checks are off: two loads that start together on
   * an empty table each hold the intention lock the other's exclusive lock waits for, a deadlock. So a
   * table's first chunk loads alone; once one is in, its chunks load side by side.
   */
  private mayStart(table: TableName): boolean {
    return this.filled.has(table) || (this.loading.get(table) ?? 0) === 0;
  }
}

/**
 * Loads a chunk, again when the server chose its LOAD DATA as the victim of a deadlock (or it waited for a
 * lock past innodb_lock_wait_timeout). Each LOAD DATA is one statement on an autocommit connection: when it
 * fails, the server has rolled back every row of it, so loading the chunk again cannot duplicate rows.
 */
async function loadChunk(conn: Connection, chunk: Chunk, retried: () => void): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await loadChunkOnce(conn, chunk);
      return;
    } catch (err) {
      const errno = (err as { errno?: number }).errno;
      if (attempt >= MAX_ATTEMPTS || (errno !== ER_LOCK_DEADLOCK && errno !== ER_LOCK_WAIT_TIMEOUT))
        throw err;
      retried();
      await sleep(RETRY_PAUSE_MS * attempt);
    }
  }
}

/** One LOAD DATA LOCAL INFILE of a chunk; every row must go in, with no warning (LOCAL only warns). */
async function loadChunkOnce(conn: Connection, chunk: Chunk): Promise<void> {
  const text = Buffer.from(`${chunk.lines.join('\n')}\n`);
  const packets: Buffer[] = [];
  for (let i = 0; i < text.length; i += PACKET_BYTES) packets.push(text.subarray(i, i + PACKET_BYTES));
  const columns = columnsOf(chunk.table)
    .map((c) => `\`${c}\``)
    .join(', ');
  let result: ResultSetHeader;
  try {
    [result] = await conn.query<ResultSetHeader>({
      // The file name is only a label: infileStreamFactory supplies the data.
      sql:
        `LOAD DATA LOCAL INFILE '${chunk.table}' INTO TABLE \`${chunk.table}\` CHARACTER SET utf8mb4 ` +
        `FIELDS TERMINATED BY '\\t' ENCLOSED BY '' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${columns})`,
      infileStreamFactory: () => Readable.from(packets),
    });
  } catch (err) {
    const errno = (err as { errno?: number }).errno;
    // ER_NOT_ALLOWED_COMMAND (MariaDB, and MySQL 5.7), ER_CLIENT_LOCAL_FILES_DISABLED (MySQL 8).
    if (errno === 1148 || errno === 3948) throw localInfileRefused();
    throw err;
  }
  if (result.affectedRows !== chunk.lines.length || result.warningStatus > 0) {
    // The warnings' codes only: their messages may quote the data.
    const [warnings] = await conn.query<RowDataPacket[]>('SHOW WARNINGS LIMIT 5');
    throw new Error(
      `LOAD DATA into ${chunk.table} took ${result.affectedRows} of ${chunk.lines.length} rows with ` +
        `${result.warningStatus} warning(s) (codes ${warnings.map((w) => String(w.Code)).join(', ') || 'none'})`,
    );
  }
}

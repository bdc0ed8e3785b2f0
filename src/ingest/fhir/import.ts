import { createHash } from 'node:crypto';
import { readCommitted, type Connection } from '../../data/mysql.ts';
import { countsFor, skipped, type ImportCounts, type InvalidLine, type TypeCounts } from './counts.ts';
import { finishRun, settleDispositions, startRun } from '../../data/fhir.queries.ts';
import { storedChecksums, upsert } from './fhir.queries.ts';
import { exportFiles, linesOf, type ExportFile } from './files.ts';
import { HANDLERS, isUsedType, type Handler } from './handlers.ts';
import type { Item } from './write.ts';

export interface ImportOptions {
  timeZone: string;
  /** The export's _since, recorded with the run. */
  since: Date | null;
  batchSize?: number;
  onInvalid?: (line: InvalidLine) => void;
  onProgress?: (file: string, line: number) => void;
}

interface Line {
  file: string;
  line: number;
  text: string;
}

interface Pending extends Item<unknown> {
  checksum: Buffer;
  at: Line;
}

/**
 * Imports the NDJSON files of a Bulk Data export: each type's files in dependency order, line by line in
 * batches; each batch in one transaction, so a line is written whole or not at all. Resources whose line is
 * unchanged since the last import are not written again.
 */
export async function importFhir(
  conn: Connection,
  paths: readonly string[],
  opts: ImportOptions,
): Promise<ImportCounts> {
  const files = await exportFiles(paths);
  const counts: ImportCounts = { files: files.length, types: {} };
  // As the HL7 listener's sessions, so that an import beside a live feed does not hold up its writers.
  await readCommitted(conn);
  const runId = await startRun(conn, { startedAt: new Date(), since: opts.since, files: files.length });
  for (const file of files) await importFile(conn, file, counts, opts);
  await conn.beginTransaction();
  try {
    await settleDispositions(conn);
    await conn.commit();
  } catch (err) {
    await conn.rollback().catch(() => undefined);
    throw err;
  }
  await finishRun(conn, runId, counts);
  return counts;
}

async function importFile(conn: Connection, file: ExportFile, counts: ImportCounts, opts: ImportOptions) {
  const size = opts.batchSize ?? 1000;
  let batch: Batch | undefined;
  // While one batch is written, the next is read and validated: the database and the parsing overlap.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (!batch || batch.pending.length === 0) return;
    const full = batch;
    batch = new Batch(full.type, counts, opts);
    await writing;
    writing = full.write(conn);
    // Settled here too, so that a failure is not left unhandled while the next batch is read.
    writing.catch(() => undefined);
  };
  for await (const { text, line } of linesOf(file.path)) {
    const at = { file: file.path, line, text };
    const type = resourceTypeOf(text) ?? file.type ?? '';
    if (file.type !== undefined && type !== file.type) {
      const c = countsFor(counts, file.type);
      c.read++;
      invalid(c, at, `resourceType is ${type || 'missing'}, but the file holds ${file.type}`, opts);
      continue;
    }
    if (batch?.type !== type) {
      await flush();
      batch = new Batch(type, counts, opts);
    }
    // Batches are counted in rows to write: a file of mostly skipped lines still writes in few round trips.
    if (batch.add(at) >= size) await flush();
    opts.onProgress?.(file.path, line);
  }
  await flush();
  await writing;
}

/** The resourceType a line declares, read without parsing the whole line when it comes first (it usually does). */
function resourceTypeOf(text: string): string | undefined {
  const m = /"resourceType"\s*:\s*"([A-Za-z]+)"/.exec(text);
  return m?.[1];
}

function invalid(c: TypeCounts, at: Line, reason: string, opts: ImportOptions) {
  c.invalid++;
  opts.onInvalid?.({ file: at.file, line: at.line, reason });
}

/** Lines of one type: each validated and mapped as it is added; written together. */
class Batch {
  readonly pending: Pending[] = [];
  private readonly c: TypeCounts;
  private readonly handler: Handler | undefined;

  constructor(
    readonly type: string,
    counts: ImportCounts,
    private readonly opts: ImportOptions,
  ) {
    this.c = countsFor(counts, type || '(unknown)');
    this.handler = isUsedType(type) ? HANDLERS[type] : undefined;
  }

  /** Validates and maps one line; how many rows now wait to be written. */
  add(at: Line): number {
    const { c, opts } = this;
    c.read++;
    if (!this.handler) {
      if (/^[A-Z][A-Za-z]+$/.test(this.type) && parses(at.text))
        skipped(c, `resource type ${this.type} is not used`);
      else invalid(c, at, parses(at.text) ? 'no resourceType' : 'not a complete JSON line', opts);
      return this.pending.length;
    }
    const mapped = readLine(this.handler, at, opts.timeZone);
    if ('invalid' in mapped) invalid(c, at, mapped.invalid, opts);
    else if ('skip' in mapped) skipped(c, mapped.skip);
    else if (this.handler.write)
      this.pending.push({ ...mapped, at, checksum: createHash('sha1').update(at.text).digest() });
    return this.pending.length;
  }

  async write(conn: Connection): Promise<void> {
    const { type, handler, pending, c, opts } = this;
    if (!handler || pending.length === 0) return;
    try {
      await writeBatch(conn, type, handler, pending, c, opts);
    } catch (err) {
      if (!refusedData(err) || pending.length === 1) throw err;
      // A row the database refused: write the lines one by one, so only that line is left out.
      for (const p of pending) {
        try {
          await writeBatch(conn, type, handler, [p], c, opts);
        } catch (one) {
          if (!refusedData(one)) throw one;
          invalid(c, p.at, `the database refused it (${(one as { code?: string }).code ?? 'error'})`, opts);
        }
      }
    }
  }
}

/** Errors about a row's values (not about the connection or the SQL): that line alone is left out. */
const DATA_ERRORS = new Set([
  'ER_DATA_TOO_LONG',
  'ER_CHECK_CONSTRAINT_VIOLATED',
  'ER_CONSTRAINT_FAILED',
  'ER_TRUNCATED_WRONG_VALUE',
  'ER_TRUNCATED_WRONG_VALUE_FOR_FIELD',
  'ER_WARN_DATA_OUT_OF_RANGE',
  'ER_BAD_NULL_ERROR',
  'ER_DUP_ENTRY',
  'ER_NO_REFERENCED_ROW_2',
]);
const refusedData = (err: unknown) => DATA_ERRORS.has(String((err as { code?: unknown }).code));

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function readLine(handler: Handler, at: Line, timeZone: string) {
  let json: unknown;
  try {
    json = JSON.parse(at.text);
  } catch {
    return { invalid: 'not a complete JSON line' };
  }
  const parsed = handler.schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') || '(resource)';
    return { invalid: `${path}: ${issue?.message ?? 'does not match the schema'}` };
  }
  const mapped = handler.map(parsed.data, timeZone);
  return 'row' in mapped ? { fhirId: parsed.data.id, row: mapped.row } : mapped;
}

async function writeBatch(
  conn: Connection,
  type: string,
  handler: Handler,
  pending: Pending[],
  c: TypeCounts,
  opts: ImportOptions,
) {
  const tally = { imported: 0, updated: 0, unchanged: 0, notUsed: [] as [Pending, string, boolean][] };
  await conn.beginTransaction();
  try {
    const stored = await storedChecksums(
      conn,
      type,
      pending.map((p) => p.fhirId),
    );
    const changed = pending.filter((p) => !stored.get(p.fhirId)?.equals(p.checksum));
    tally.unchanged = pending.length - changed.length;
    const result = changed.length === 0 ? undefined : await handler.write?.(conn, changed);
    const written: Pending[] = [];
    for (const p of changed) {
      const why = result?.notUsed.get(p.fhirId);
      if (why) tally.notUsed.push([p, 'skip' in why ? why.skip : why.invalid, 'invalid' in why]);
      else {
        written.push(p);
        if (stored.has(p.fhirId)) tally.updated++;
        else tally.imported++;
      }
    }
    await upsert(
      conn,
      'fhir_resource',
      ['resource_type', 'fhir_id', 'checksum', 'row_id'],
      written.map((p) => [type, p.fhirId, p.checksum, result?.rowIds?.get(p.fhirId) ?? null]),
      ['checksum', 'row_id'],
    );
    await conn.commit();
  } catch (err) {
    await conn.rollback().catch(() => undefined);
    throw err;
  }
  c.imported += tally.imported;
  c.updated += tally.updated;
  c.unchanged += tally.unchanged;
  for (const [p, why, bad] of tally.notUsed) {
    if (bad) invalid(c, p.at, why, opts);
    else skipped(c, why);
  }
}

import type { Db, Document } from 'mongodb';
import {
  DISPATCH_INCIDENTS,
  ER_TREATMENTS,
  type DispatchIncidentDoc,
  type ErTreatmentDoc,
} from './documents.ts';
import { BucketBuilder, merge, type Buckets } from './er.bucket-builder.ts';
import { utcDay } from './er.buckets.ts';

const BATCH = 1_000;
/** Finished days of buckets written together (fewer round trips; a week of buckets is small). */
const DAYS_PER_WRITE = 7;
/** Writes queued before `ready` makes the caller wait. */
const MAX_QUEUED_WRITES = 8;

export interface ErDocumentWriterOptions {
  /**
   * The collections were empty when writing began and only this writer writes them: a bucket needs reading
   * back only if this writer wrote it before (and never does while documents come in time order).
   */
  fresh?: boolean;
  /** Told of each batch of raw documents inserted. */
  written?: (n: number, collection: string) => void;
}

/**
 * Inserts raw dispatch incidents and ER treatments as they come, in batches, and keeps their buckets in
 * step: a bucket already stored is read, merged with the new documents, and written back. Buckets of a day
 * are written once `documentsFrom` says no more documents of that day will come (or at `finish`), so a
 * caller that gives documents in about time order holds only a few days of buckets. Writes go one at a
 * time, in order; `ready` waits while too many are queued. Not atomic: a reader at the same moment may miss
 * a bucket being rewritten; the seed, the only writer, runs alone.
 */
export class ErDocumentWriter {
  private readonly builder = new BucketBuilder();
  private readonly raw = new Map<string, DispatchIncidentDoc[] | ErTreatmentDoc[]>([
    [DISPATCH_INCIDENTS, []],
    [ER_TREATMENTS, []],
  ]);
  /** Bucket ids this writer has stored, by collection. */
  private readonly stored = new Map<string, Set<string>>();
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;
  /** Callers of `ready` waiting for a write to end. */
  private waiting: (() => void)[] = [];
  private failure: { error: unknown } | undefined;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly opts: ErDocumentWriterOptions = {},
  ) {}

  incident(d: DispatchIncidentDoc): void {
    this.builder.incident(d);
    this.addRaw(DISPATCH_INCIDENTS, d);
  }

  treatment(d: ErTreatmentDoc): void {
    this.builder.treatment(d);
    this.addRaw(ER_TREATMENTS, d);
  }

  /** Every document still to come is dated at or after `ms`: the buckets of earlier days can be written. */
  documentsFrom(ms: number): void {
    const days = this.builder.daysBefore(Number.isFinite(ms) ? utcDay(new Date(ms)) : '9999-12-31');
    if (days.length >= DAYS_PER_WRITE) this.enqueue(this.builder.take(days, false));
  }

  /** Resolves when fewer than MAX_QUEUED_WRITES writes are queued; throws what a write threw. */
  async ready(): Promise<void> {
    while (this.queued >= MAX_QUEUED_WRITES && !this.failure)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.failure) throw this.failure.error;
  }

  /** Writes everything still held and waits for every write; throws what a write threw. */
  async finish(): Promise<void> {
    for (const name of this.raw.keys()) this.flushRaw(name);
    this.enqueue(this.builder.takeAll());
    await this.queue;
    if (this.failure) throw this.failure.error;
  }

  /** Writes nothing more and waits for the write under way (for cleaning up after a failure). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.queue;
  }

  private addRaw(name: string, d: DispatchIncidentDoc | ErTreatmentDoc): void {
    const batch = this.raw.get(name) as (DispatchIncidentDoc | ErTreatmentDoc)[];
    batch.push(d);
    if (batch.length >= BATCH) this.flushRaw(name);
  }

  private flushRaw(name: string): void {
    const batch = this.raw.get(name) ?? [];
    if (batch.length === 0) return;
    this.raw.set(name, []);
    this.run(async () => {
      await this.db.collection(name).insertMany(batch as Document[], { ordered: false });
      this.opts.written?.(batch.length, name);
    });
  }

  private enqueue(buckets: Buckets): void {
    for (const [collection, docs] of buckets) this.run(() => this.writeBuckets(collection, docs));
  }

  private async writeBuckets(collection: string, docs: Map<string, Document>): Promise<void> {
    const coll = this.db.collection<{ _id: string }>(collection);
    let stored = this.stored.get(collection);
    if (!stored) this.stored.set(collection, (stored = new Set()));
    const known = this.opts.fresh ? [...docs.keys()].filter((id) => stored.has(id)) : [...docs.keys()];
    const existing = known.length > 0 ? await coll.find({ _id: { $in: known } }).toArray() : [];
    for (const old of existing) {
      const doc = docs.get(old._id);
      if (doc) docs.set(old._id, merge(collection, old, doc));
    }
    if (existing.length > 0) await coll.deleteMany({ _id: { $in: existing.map((d) => d._id) } });
    const all = [...docs.values()] as { _id: string }[];
    for (let i = 0; i < all.length; i += BATCH)
      await coll.insertMany(all.slice(i, i + BATCH), { ordered: false });
    for (const id of docs.keys()) stored.add(id);
  }

  /** Queues a write after the others; after a failure, nothing more is written. */
  private run(write: () => Promise<void>): void {
    this.queued++;
    this.queue = this.queue.then(async () => {
      try {
        if (!this.failure && !this.stopped) await write();
      } catch (error) {
        this.failure ??= { error };
      } finally {
        this.queued--;
        for (const wake of this.waiting.splice(0)) wake();
      }
    });
  }
}

/**
 * Inserts raw dispatch incidents and ER treatments and keeps their buckets in step (see ErDocumentWriter).
 * `written` is told of each batch of raw documents inserted.
 */
export async function writeErDocuments(
  db: Db,
  incidents: readonly DispatchIncidentDoc[],
  treatments: readonly ErTreatmentDoc[],
  written: (n: number, collection: string) => void = () => undefined,
): Promise<void> {
  const writer = new ErDocumentWriter(db, { written });
  for (const d of incidents) writer.incident(d);
  for (const d of treatments) writer.treatment(d);
  await writer.finish();
}

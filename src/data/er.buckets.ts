import type { Db, Document } from 'mongodb';
import {
  DISPATCH_INCIDENTS,
  ER_TREATMENTS,
  type DispatchIncidentDoc,
  type ErTreatmentDoc,
} from './documents.ts';

/**
 * Bucket documents kept beside dispatch_incidents and er_treatments, so that a report costs what its
 * window holds rather than what the whole history holds.
 *
 * FerretDB 1.24 on SQLite pushes no filter down except a lone `_id` equality, and even that is answered by
 * a scan of the collection (its WHERE does not match the `_id` index expression), so every query costs the
 * bytes of the collection it reads. The buckets are therefore small documents in collections partitioned by
 * UTC month, each keyed by `_id`:
 *
 * - `<source>_counts_YYYY_MM`: one document per UTC day, `{ _id: 'YYYY-MM-DD', counts: [{ ..., n }] }`,
 *   for the whole days of a window;
 * - `<source>_items_YYYY_MM`: one document per UTC day (and severity, for incidents) with the fields the
 *   reports show, for the partly covered days at a window's edges and for listings;
 * - `er_treatment_firsts`: per treatment type, the earliest EARLIEST_KEPT treatments on record.
 *
 * They are derived from the raw documents only, and written with them by `writeErDocuments`.
 */

/** How many of the earliest treatments of each type are kept (the most /er earliest-treatments lists). */
export const EARLIEST_KEPT = 50;

export const ER_TREATMENT_FIRSTS = 'er_treatment_firsts';
export const INCIDENT_COUNTS = 'dispatch_incident_counts';
export const INCIDENT_ITEMS = 'dispatch_incident_items';
export const TREATMENT_COUNTS = 'er_treatment_counts';
export const TREATMENT_ITEMS = 'er_treatment_items';
const PARTITIONED = [INCIDENT_COUNTS, INCIDENT_ITEMS, TREATMENT_COUNTS, TREATMENT_ITEMS] as const;
type Partitioned = (typeof PARTITIONED)[number];

/** The collection of a partitioned bucket kind for the UTC month of `day` (YYYY-MM-DD). */
export function bucketCollection(kind: Partitioned, day: string): string {
  return `${kind}_${day.slice(0, 4)}_${day.slice(5, 7)}`;
}

/** Whether a collection is one of the bucket collections (all dropped when re-seeding). */
export function isBucketCollection(name: string): boolean {
  return (
    name === ER_TREATMENT_FIRSTS ||
    PARTITIONED.some((kind) => name.startsWith(`${kind}_`) && /_\d{4}_\d{2}$/.test(name))
  );
}

export const utcDay = (d: Date): string => d.toISOString().slice(0, 10);

/** The id of an incident items bucket: a severity's incidents of one UTC day. */
export const incidentItemsId = (severity: string, day: string): string => `${severity}:${day}`;

export type IncidentItem = Pick<
  DispatchIncidentDoc,
  | '_id'
  | 'severity'
  | 'dispatchedAt'
  | 'nature'
  | 'location'
  | 'units'
  | 'responseMinutes'
  | 'patientIds'
  | 'tags'
>;
export type TreatmentItem = Pick<
  ErTreatmentDoc,
  '_id' | 'visitId' | 'patientId' | 'type' | 'performedAt' | 'outcome'
>;

export interface IncidentCountsDoc {
  _id: string;
  counts: { severity: string; nature: string; n: number }[];
}
export interface IncidentItemsDoc {
  _id: string;
  items: IncidentItem[];
}
export interface TreatmentCountsDoc {
  _id: string;
  counts: { type: string; n: number }[];
}
export interface TreatmentItemsDoc {
  _id: string;
  items: TreatmentItem[];
}
export interface TreatmentFirstsDoc {
  _id: string;
  items: TreatmentItem[];
}

const incidentItem = (d: DispatchIncidentDoc): IncidentItem => ({
  _id: d._id,
  severity: d.severity,
  dispatchedAt: d.dispatchedAt,
  nature: d.nature,
  location: d.location,
  units: d.units,
  responseMinutes: d.responseMinutes,
  patientIds: d.patientIds,
  tags: d.tags,
});
const treatmentItem = (d: ErTreatmentDoc): TreatmentItem => ({
  _id: d._id,
  visitId: d.visitId,
  patientId: d.patientId,
  type: d.type,
  performedAt: d.performedAt,
  outcome: d.outcome,
});

const byTime =
  <T extends { _id: number }>(at: (x: T) => Date) =>
  (a: T, b: T): number =>
    at(a).getTime() - at(b).getTime() || a._id - b._id;
const incidentOrder = byTime<IncidentItem>((i) => i.dispatchedAt);
const treatmentOrder = byTime<TreatmentItem>((i) => i.performedAt);

/** Bucket documents by collection, then by _id. */
type Buckets = Map<string, Map<string, Document>>;

function bucket<T extends Document>(buckets: Buckets, collection: string, id: string, empty: () => T): T {
  let docs = buckets.get(collection);
  if (!docs) buckets.set(collection, (docs = new Map()));
  let doc = docs.get(id) as T | undefined;
  if (!doc) docs.set(id, (doc = empty()));
  return doc;
}

function addCount<K extends object>(counts: (K & { n: number })[], key: K, n: number): void {
  const keys = Object.keys(key) as (keyof K)[];
  const hit = counts.find((c) => keys.every((k) => c[k] === key[k]));
  if (hit) hit.n += n;
  else counts.push({ ...key, n });
}

/**
 * A stored bucket document with `added` (a document of the same collection and id, from documents written
 * later) added: counts keep the order they were first seen in, as if all had been bucketed at once, and
 * items are sorted again.
 */
function merge(collection: string, stored: Document, added: Document): Document {
  if (collection.startsWith(INCIDENT_COUNTS)) {
    const counts = (stored.counts as IncidentCountsDoc['counts']).map((c) => ({ ...c }));
    for (const c of added.counts as IncidentCountsDoc['counts'])
      addCount(counts, { severity: c.severity, nature: c.nature }, c.n);
    return { ...stored, counts };
  }
  if (collection.startsWith(TREATMENT_COUNTS)) {
    const counts = (stored.counts as TreatmentCountsDoc['counts']).map((c) => ({ ...c }));
    for (const c of added.counts as TreatmentCountsDoc['counts']) addCount(counts, { type: c.type }, c.n);
    return { ...stored, counts };
  }
  // The added items first, so that they win over stored ones of the same _id.
  const doc = { ...stored, items: [...(added.items as Document[]), ...(stored.items as Document[])] };
  tidy(collection, doc);
  return doc;
}

/** Items in time order (then by id), without repeats; the firsts cut to EARLIEST_KEPT. */
function tidy(collection: string, doc: Document): void {
  if (collection.startsWith(INCIDENT_ITEMS))
    doc.items = dedupe(doc.items as IncidentItem[]).sort(incidentOrder);
  else if (collection.startsWith(TREATMENT_ITEMS))
    doc.items = dedupe(doc.items as TreatmentItem[]).sort(treatmentOrder);
  else if (collection === ER_TREATMENT_FIRSTS)
    doc.items = dedupe(doc.items as TreatmentItem[])
      .sort(treatmentOrder)
      .slice(0, EARLIEST_KEPT);
}

function dedupe<T extends { _id: number }>(items: T[]): T[] {
  const seen = new Set<number>();
  return items.filter((i) => !seen.has(i._id) && seen.add(i._id));
}

/**
 * Bucket documents being built from raw documents as they come: the partitioned ones by the UTC day they
 * cover, so that finished days can be written and forgotten; the firsts (at most 4 * EARLIEST_KEPT items
 * a type) until the end.
 */
class BucketBuilder {
  private readonly days = new Map<string, Buckets>();
  private readonly firsts = new Map<string, TreatmentFirstsDoc>();

  private of(day: string): Buckets {
    let buckets = this.days.get(day);
    if (!buckets) this.days.set(day, (buckets = new Map()));
    return buckets;
  }

  incident(d: DispatchIncidentDoc): void {
    const day = utcDay(d.dispatchedAt);
    const buckets = this.of(day);
    const counts = bucket<IncidentCountsDoc>(buckets, bucketCollection(INCIDENT_COUNTS, day), day, () => ({
      _id: day,
      counts: [],
    }));
    addCount<{ severity: string; nature: string }>(
      counts.counts,
      { severity: d.severity, nature: d.nature },
      1,
    );
    const id = incidentItemsId(d.severity, day);
    bucket<IncidentItemsDoc>(buckets, bucketCollection(INCIDENT_ITEMS, day), id, () => ({
      _id: id,
      items: [],
    })).items.push(incidentItem(d));
  }

  treatment(d: ErTreatmentDoc): void {
    const day = utcDay(d.performedAt);
    const buckets = this.of(day);
    const counts = bucket<TreatmentCountsDoc>(buckets, bucketCollection(TREATMENT_COUNTS, day), day, () => ({
      _id: day,
      counts: [],
    }));
    addCount(counts.counts, { type: d.type }, 1);
    bucket<TreatmentItemsDoc>(buckets, bucketCollection(TREATMENT_ITEMS, day), day, () => ({
      _id: day,
      items: [],
    })).items.push(treatmentItem(d));
    let firsts = this.firsts.get(d.type);
    if (!firsts) this.firsts.set(d.type, (firsts = { _id: d.type, items: [] }));
    firsts.items.push(treatmentItem(d));
    if (firsts.items.length >= 4 * EARLIEST_KEPT) tidy(ER_TREATMENT_FIRSTS, firsts);
  }

  /** UTC days (YYYY-MM-DD) before `day` that have buckets being built. */
  daysBefore(day: string): string[] {
    return [...this.days.keys()].filter((d) => d < day);
  }

  /** Takes the buckets of `days` out of the builder, tidied; with `firsts`, the firsts too. */
  take(days: Iterable<string>, firsts: boolean): Buckets {
    const taken: Buckets = new Map();
    const put = (collection: string, id: string, doc: Document) => {
      let docs = taken.get(collection);
      if (!docs) taken.set(collection, (docs = new Map()));
      tidy(collection, doc);
      docs.set(id, doc);
    };
    for (const day of days) {
      for (const [collection, docs] of this.days.get(day) ?? [])
        for (const [id, doc] of docs) put(collection, id, doc);
      this.days.delete(day);
    }
    if (firsts) {
      for (const [type, doc] of this.firsts) put(ER_TREATMENT_FIRSTS, type, doc);
      this.firsts.clear();
    }
    return taken;
  }

  /** Takes every bucket. */
  takeAll(): Buckets {
    return this.take([...this.days.keys()], true);
  }
}

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

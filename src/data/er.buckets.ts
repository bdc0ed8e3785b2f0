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

/** Adds the contents of `from` to `into`, a bucket document of the same collection and id. */
function merge(collection: string, into: Document, from: Document): void {
  if (collection.startsWith(INCIDENT_COUNTS)) {
    for (const c of from.counts as IncidentCountsDoc['counts'])
      addCount(into.counts as IncidentCountsDoc['counts'], { severity: c.severity, nature: c.nature }, c.n);
  } else if (collection.startsWith(TREATMENT_COUNTS)) {
    for (const c of from.counts as TreatmentCountsDoc['counts'])
      addCount(into.counts as TreatmentCountsDoc['counts'], { type: c.type }, c.n);
  } else {
    into.items = [...(into.items as Document[]), ...(from.items as Document[])];
  }
  tidy(collection, into);
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

/** The bucket documents that the given raw documents contribute, by collection and _id. */
export function bucketsOf(
  incidents: readonly DispatchIncidentDoc[],
  treatments: readonly ErTreatmentDoc[],
): Buckets {
  const buckets: Buckets = new Map();
  for (const d of incidents) {
    const day = utcDay(d.dispatchedAt);
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
  for (const d of treatments) {
    const day = utcDay(d.performedAt);
    const counts = bucket<TreatmentCountsDoc>(buckets, bucketCollection(TREATMENT_COUNTS, day), day, () => ({
      _id: day,
      counts: [],
    }));
    addCount(counts.counts, { type: d.type }, 1);
    bucket<TreatmentItemsDoc>(buckets, bucketCollection(TREATMENT_ITEMS, day), day, () => ({
      _id: day,
      items: [],
    })).items.push(treatmentItem(d));
    const firsts = bucket<TreatmentFirstsDoc>(buckets, ER_TREATMENT_FIRSTS, d.type, () => ({
      _id: d.type,
      items: [],
    }));
    firsts.items.push(treatmentItem(d));
    if (firsts.items.length >= 4 * EARLIEST_KEPT) tidy(ER_TREATMENT_FIRSTS, firsts);
  }
  for (const [collection, docs] of buckets) for (const doc of docs.values()) tidy(collection, doc);
  return buckets;
}

const BATCH = 1_000;

/**
 * Inserts raw dispatch incidents and ER treatments and keeps their buckets in step: the buckets they touch
 * are read, merged with the new documents, and written back (so writing in one call is cheapest).
 * `written` is told of each batch of raw documents inserted. Not atomic: a reader at the same moment may
 * miss a bucket being rewritten; the seed, the only writer, runs alone.
 */
export async function writeErDocuments(
  db: Db,
  incidents: readonly DispatchIncidentDoc[],
  treatments: readonly ErTreatmentDoc[],
  written: (n: number, collection: string) => void = () => undefined,
): Promise<void> {
  for (const [name, docs] of [
    [DISPATCH_INCIDENTS, incidents],
    [ER_TREATMENTS, treatments],
  ] as const) {
    for (let i = 0; i < docs.length; i += BATCH) {
      const batch = docs.slice(i, i + BATCH);
      await db.collection(name).insertMany(batch as Document[], { ordered: false });
      written(batch.length, name);
    }
  }
  for (const [collection, docs] of bucketsOf(incidents, treatments)) {
    const coll = db.collection<{ _id: string }>(collection);
    const existing = await coll.find({ _id: { $in: [...docs.keys()] } }).toArray();
    for (const old of existing) {
      const doc = docs.get(old._id);
      if (doc) merge(collection, doc, old);
    }
    if (existing.length > 0) await coll.deleteMany({ _id: { $in: existing.map((d) => d._id) } });
    const all = [...docs.values()] as { _id: string }[];
    for (let i = 0; i < all.length; i += BATCH)
      await coll.insertMany(all.slice(i, i + BATCH), { ordered: false });
  }
}

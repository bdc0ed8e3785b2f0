import type { Document } from 'mongodb';
import type { DispatchIncidentDoc, ErTreatmentDoc } from './documents.ts';
import {
  EARLIEST_KEPT,
  ER_TREATMENT_FIRSTS,
  INCIDENT_COUNTS,
  INCIDENT_ITEMS,
  TREATMENT_COUNTS,
  TREATMENT_ITEMS,
  bucketCollection,
  incidentItemsId,
  utcDay,
  type IncidentCountsDoc,
  type IncidentItem,
  type IncidentItemsDoc,
  type TreatmentCountsDoc,
  type TreatmentFirstsDoc,
  type TreatmentItem,
  type TreatmentItemsDoc,
} from './er.buckets.ts';

/** Building the bucket documents of er.buckets.ts from raw documents, and merging them with stored ones. */
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
export type Buckets = Map<string, Map<string, Document>>;

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
export function merge(collection: string, stored: Document, added: Document): Document {
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
export class BucketBuilder {
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

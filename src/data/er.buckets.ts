import type { DispatchIncidentDoc, ErTreatmentDoc } from './documents.ts';

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
 * They are derived from the raw documents only: built by er.bucket-builder.ts, and written with the raw
 * documents by `writeErDocuments` (er.bucket-writer.ts).
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

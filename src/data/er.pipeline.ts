import type { Db, Document } from 'mongodb';
import { DAY_MS } from '../core/time.ts';
import {
  DISPATCH_INCIDENTS,
  ER_TREATMENTS,
  type DispatchIncidentDoc,
  type ErTreatmentDoc,
} from './documents.ts';
import {
  bucketCollection,
  EARLIEST_KEPT,
  ER_TREATMENT_FIRSTS,
  INCIDENT_COUNTS,
  INCIDENT_ITEMS,
  incidentItemsId,
  TREATMENT_COUNTS,
  TREATMENT_ITEMS,
  utcDay,
  type IncidentCountsDoc,
  type IncidentItem,
  type IncidentItemsDoc,
  type TreatmentCountsDoc,
  type TreatmentFirstsDoc,
  type TreatmentItem,
  type TreatmentItemsDoc,
} from './er.buckets.ts';

/**
 * Aggregation pipelines over the day buckets of dispatch_incidents and er_treatments (er.buckets.ts), and
 * the typed functions that run them (the database first, typed rows back): callers use those and never
 * reach for a collection themselves. A window is answered from the counts of the UTC days it covers whole
 * and the items of the days at its edges, so its cost follows the window, not the history. Only stages
 * that MongoDB and FerretDB 1.24 both run; sums across buckets and the final order are done in TypeScript.
 * Each pipeline starts with a $match on _id.
 */

/** A dispatch incident as a severity report lists it. */
export type IncidentRow = Omit<IncidentItem, 'severity'>;

/** The latest incidents of a severity dispatched in [from, to), newest first, at most `limit`. */
export async function incidentsOfSeverity(
  db: Db,
  severity: DispatchIncidentDoc['severity'],
  from: Date,
  to: Date,
  limit: number,
): Promise<IncidentRow[]> {
  const { whole, partial } = windowDays(from, to);
  const days = [...whole, ...partial].sort().reverse();
  const found: IncidentItem[] = [];
  // Newest days first, a week at a time, until enough are found: older days cannot hold newer incidents.
  for (let i = 0; i < days.length && found.length < limit; i += 7) {
    const batch = await Promise.all(
      days.slice(i, i + 7).map((day) =>
        db
          .collection<IncidentItemsDoc>(bucketCollection(INCIDENT_ITEMS, day))
          .aggregate<{ items: IncidentItem }>(incidentsOfSeverityOnDay(severity, day, from, to))
          .toArray(),
      ),
    );
    for (const rows of batch) for (const r of rows) found.push(r.items);
  }
  return found
    .sort((a, b) => b.dispatchedAt.getTime() - a.dispatchedAt.getTime() || a._id - b._id)
    .slice(0, limit)
    .map(({ severity: _severity, ...row }) => row);
}

/** How many incidents of a severity in [from, to) had each nature, most frequent first. */
export async function natureCountsOfSeverity(
  db: Db,
  severity: DispatchIncidentDoc['severity'],
  from: Date,
  to: Date,
): Promise<{ nature: string; n: number }[]> {
  const { whole, partial } = windowDays(from, to);
  const parts = await Promise.all([
    ...byMonth(whole).map((days) =>
      db
        .collection<IncidentCountsDoc>(bucketCollection(INCIDENT_COUNTS, days[0] ?? ''))
        .aggregate<Count>(natureCountsOnWholeDays(severity, days))
        .toArray(),
    ),
    ...partial.map((day) =>
      db
        .collection<IncidentItemsDoc>(bucketCollection(INCIDENT_ITEMS, day))
        .aggregate<Count>(natureCountsOnPartOfDay(severity, day, from, to))
        .toArray(),
    ),
  ]);
  return sumCounts(parts).map(([nature, n]) => ({ nature, n }));
}

/** ER treatments performed in [from, to) by type, most frequent first. */
export async function treatmentCountsByType(
  db: Db,
  from: Date,
  to: Date,
): Promise<{ type: string; n: number }[]> {
  const { whole, partial } = windowDays(from, to);
  const parts = await Promise.all([
    ...byMonth(whole).map((days) =>
      db
        .collection<TreatmentCountsDoc>(bucketCollection(TREATMENT_COUNTS, days[0] ?? ''))
        .aggregate<Count>(treatmentTypeCountsOnWholeDays(days))
        .toArray(),
    ),
    ...partial.map((day) =>
      db
        .collection<TreatmentItemsDoc>(bucketCollection(TREATMENT_ITEMS, day))
        .aggregate<Count>(treatmentTypeCountsOnPartOfDay(day, from, to))
        .toArray(),
    ),
  ]);
  return sumCounts(parts).map(([type, n]) => ({ type, n }));
}

export type EarliestTreatmentRow = Pick<
  ErTreatmentDoc,
  '_id' | 'visitId' | 'patientId' | 'performedAt' | 'outcome'
>;

/** The first `limit` (at most EARLIEST_KEPT) treatments of a type on record, oldest first. */
export async function earliestTreatments(
  db: Db,
  type: string,
  limit: number,
): Promise<EarliestTreatmentRow[]> {
  const rows = await db
    .collection<TreatmentFirstsDoc>(ER_TREATMENT_FIRSTS)
    .aggregate<{ items: TreatmentItem }>(earliestTreatmentsOfType(type, limit))
    .toArray();
  return rows.map(({ items: { _id, visitId, patientId, performedAt, outcome } }) => ({
    _id,
    visitId,
    patientId,
    performedAt,
    outcome,
  }));
}

/** About how many documents each collection holds (from collection metadata, not a scan). */
export async function documentCounts(db: Db): Promise<{ dispatchIncidents: number; erTreatments: number }> {
  const [dispatchIncidents, erTreatments] = await Promise.all([
    db.collection(DISPATCH_INCIDENTS).estimatedDocumentCount(),
    db.collection(ER_TREATMENTS).estimatedDocumentCount(),
  ]);
  return { dispatchIncidents, erTreatments };
}

// ---- Windows over day buckets -------------------------------------------------------------------------

/**
 * The UTC days that [from, to) touches, as bucket ids: `whole` ones it covers from midnight to midnight
 * (answered from the day's counts), `partial` ones at its edges (answered from the day's items).
 */
export function windowDays(from: Date, to: Date): { whole: string[]; partial: string[] } {
  const whole: string[] = [];
  const partial: string[] = [];
  const [start, end] = [from.getTime(), to.getTime()];
  for (let day = Math.floor(start / DAY_MS) * DAY_MS; day < end; day += DAY_MS) {
    (day >= start && day + DAY_MS <= end ? whole : partial).push(utcDay(new Date(day)));
  }
  return { whole, partial };
}

/** Days (YYYY-MM-DD, ascending) grouped by UTC month, the partition of their bucket collections. */
function byMonth(days: readonly string[]): string[][] {
  const months = new Map<string, string[]>();
  for (const day of days) {
    const month = day.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), day]);
  }
  return [...months.values()];
}

interface Count {
  _id: string;
  n: number;
}

/** Adds up partial counts by key: most frequent first, then by key (as MongoDB orders strings). */
function sumCounts(parts: readonly Count[][]): [string, number][] {
  const total = new Map<string, number>();
  for (const part of parts) for (const c of part) total.set(c._id, (total.get(c._id) ?? 0) + c.n);
  return [...total].sort(([a, n], [b, m]) => m - n || (a < b ? -1 : a > b ? 1 : 0));
}

// ---- The pipelines ------------------------------------------------------------------------------------
// Each starts with a $match on _id, which the _id index serves on MongoDB.

export function incidentsOfSeverityOnDay(severity: string, day: string, from: Date, to: Date): Document[] {
  return [
    { $match: { _id: incidentItemsId(severity, day) } },
    { $unwind: '$items' },
    { $match: { 'items.dispatchedAt': { $gte: from, $lt: to } } },
    { $project: { _id: 0, items: 1 } },
  ];
}

export function natureCountsOnWholeDays(severity: string, days: readonly string[]): Document[] {
  return [
    { $match: { _id: { $in: days } } },
    { $unwind: '$counts' },
    { $match: { 'counts.severity': severity } },
    { $group: { _id: '$counts.nature', n: { $sum: '$counts.n' } } },
  ];
}

export function natureCountsOnPartOfDay(severity: string, day: string, from: Date, to: Date): Document[] {
  return [
    { $match: { _id: incidentItemsId(severity, day) } },
    { $unwind: '$items' },
    { $match: { 'items.dispatchedAt': { $gte: from, $lt: to } } },
    { $group: { _id: '$items.nature', n: { $sum: 1 } } },
  ];
}

export function treatmentTypeCountsOnWholeDays(days: readonly string[]): Document[] {
  return [
    { $match: { _id: { $in: days } } },
    { $unwind: '$counts' },
    { $group: { _id: '$counts.type', n: { $sum: '$counts.n' } } },
  ];
}

export function treatmentTypeCountsOnPartOfDay(day: string, from: Date, to: Date): Document[] {
  return [
    { $match: { _id: day } },
    { $unwind: '$items' },
    { $match: { 'items.performedAt': { $gte: from, $lt: to } } },
    { $group: { _id: '$items.type', n: { $sum: 1 } } },
  ];
}

export function earliestTreatmentsOfType(type: string, limit: number): Document[] {
  return [
    { $match: { _id: type } },
    // The bucket keeps its items oldest first.
    { $unwind: '$items' },
    { $limit: Math.min(limit, EARLIEST_KEPT) },
    { $project: { _id: 0, items: 1 } },
  ];
}

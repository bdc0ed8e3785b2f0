import type { Db, Document } from 'mongodb';
import {
  DISPATCH_INCIDENTS,
  ER_TREATMENTS,
  type DispatchIncidentDoc,
  type ErTreatmentDoc,
} from './documents.ts';

/**
 * Aggregation pipelines over dispatch_incidents and er_treatments, and the typed functions that run them
 * (the database first, typed rows back): callers use those and never reach for a collection themselves.
 * Only stages that MongoDB and FerretDB 1.24 both run; averages and percentages are computed in TypeScript.
 * Each pipeline matches first so the indexes serve it.
 */

/** A dispatch incident as a severity report lists it. */
export type IncidentRow = Pick<
  DispatchIncidentDoc,
  '_id' | 'dispatchedAt' | 'nature' | 'location' | 'units' | 'responseMinutes' | 'patientIds' | 'tags'
>;

/** The latest incidents of a severity dispatched in [from, to), newest first, at most `limit`. */
export const incidentsOfSeverity = (
  db: Db,
  severity: DispatchIncidentDoc['severity'],
  from: Date,
  to: Date,
  limit: number,
): Promise<IncidentRow[]> =>
  db
    .collection<DispatchIncidentDoc>(DISPATCH_INCIDENTS)
    .aggregate<IncidentRow>(incidentsBySeverity(severity, from, to, limit))
    .toArray();

/** How many incidents of a severity in [from, to) had each nature, most frequent first. */
export async function natureCountsOfSeverity(
  db: Db,
  severity: DispatchIncidentDoc['severity'],
  from: Date,
  to: Date,
): Promise<{ nature: string; n: number }[]> {
  const rows = await db
    .collection<DispatchIncidentDoc>(DISPATCH_INCIDENTS)
    .aggregate<{ _id: string; n: number }>(natureCountsForSeverity(severity, from, to))
    .toArray();
  return rows.map((r) => ({ nature: r._id, n: r.n }));
}

/** ER treatments performed in [from, to) by type, most frequent first. */
export async function treatmentCountsByType(
  db: Db,
  from: Date,
  to: Date,
): Promise<{ type: string; n: number }[]> {
  const rows = await db
    .collection<ErTreatmentDoc>(ER_TREATMENTS)
    .aggregate<{ _id: string; n: number }>(treatmentTypeCounts(from, to))
    .toArray();
  return rows.map((r) => ({ type: r._id, n: r.n }));
}

export type EarliestTreatmentRow = Pick<
  ErTreatmentDoc,
  '_id' | 'visitId' | 'patientId' | 'performedAt' | 'outcome'
>;

/** The first `limit` treatments of a type on record, oldest first. */
export const earliestTreatments = (db: Db, type: string, limit: number): Promise<EarliestTreatmentRow[]> =>
  db
    .collection<ErTreatmentDoc>(ER_TREATMENTS)
    .aggregate<EarliestTreatmentRow>(earliestTreatmentsOfType(type, limit))
    .toArray();

/** About how many documents each collection holds (from collection metadata, not a scan). */
export async function documentCounts(db: Db): Promise<{ dispatchIncidents: number; erTreatments: number }> {
  const [dispatchIncidents, erTreatments] = await Promise.all([
    db.collection(DISPATCH_INCIDENTS).estimatedDocumentCount(),
    db.collection(ER_TREATMENTS).estimatedDocumentCount(),
  ]);
  return { dispatchIncidents, erTreatments };
}

// ---- The pipelines ------------------------------------------------------------------------------------

export function incidentsBySeverity(severity: string, from: Date, to: Date, limit: number): Document[] {
  return [
    { $match: { severity, dispatchedAt: { $gte: from, $lt: to } } },
    { $sort: { dispatchedAt: -1, _id: 1 } },
    { $limit: limit },
    {
      $project: {
        _id: 1,
        dispatchedAt: 1,
        nature: 1,
        location: 1,
        units: 1,
        responseMinutes: 1,
        patientIds: 1,
        tags: 1,
      },
    },
  ];
}

export function natureCountsForSeverity(severity: string, from: Date, to: Date): Document[] {
  return [
    { $match: { severity, dispatchedAt: { $gte: from, $lt: to } } },
    { $group: { _id: '$nature', n: { $sum: 1 } } },
    { $sort: { n: -1, _id: 1 } },
  ];
}

export function treatmentTypeCounts(from: Date, to: Date): Document[] {
  return [
    { $match: { performedAt: { $gte: from, $lt: to } } },
    { $group: { _id: '$type', n: { $sum: 1 } } },
    { $sort: { n: -1, _id: 1 } },
  ];
}

export function earliestTreatmentsOfType(type: string, limit: number): Document[] {
  return [
    { $match: { type } },
    { $sort: { performedAt: 1, _id: 1 } },
    { $limit: limit },
    { $project: { _id: 1, visitId: 1, patientId: 1, performedAt: 1, outcome: 1 } },
  ];
}

import type { Document } from 'mongodb';

/**
 * Aggregation pipelines over dispatch_incidents and er_treatments. Only stages that MongoDB and FerretDB
 * 1.24 both run; averages and percentages are computed in TypeScript. Each pipeline matches first so the
 * indexes serve it.
 */

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

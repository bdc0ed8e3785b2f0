import type { ArrivalsRow } from '../core/reports/er-arrivals.ts';
import type { LatestTreatment } from '../core/reports/er-recent-treatments.ts';
import type { SymptomMatch } from '../core/reports/er-symptom.ts';
import { many, one, likePattern, type Db } from './queries.ts';

export type ArrivalsByConditionRow = ArrivalsRow;

/** ER arrivals in [from, to) by condition on arrival, with triage counts. */
export const arrivalsByCondition = (db: Db, from: Date, to: Date) =>
  many<ArrivalsByConditionRow>(db, 'ArrivalsByCondition', { from, to });

export type LatestTreatmentRow = LatestTreatment;
export const latestTreatmentPerPatient = (db: Db, from: Date, to: Date, limit: number) =>
  many<LatestTreatmentRow>(db, 'LatestTreatmentPerPatient', { from, to, limit });

export interface ResponseLegRow {
  id: number;
  severity: string;
  dispatched_at: Date;
  first_call: Date | null;
  first_on_scene: Date;
  unit_type: string;
  pickup_at: Date | null;
  dropoff_at: Date | null;
  arrived_at: Date | null;
}
export const dispatchResponseLegs = (db: Db, from: Date, to: Date) =>
  many<ResponseLegRow>(db, 'DispatchResponseLegs', { from, to });

export const dispositionCounts = (db: Db, from: Date, to: Date) =>
  many<{ decision: string; patient_status: string; n: number }>(db, 'DispositionCounts', { from, to });

/** Which events a per-day series counts; the query name comes from this whitelist, never from input. */
export const TREND_METRICS = {
  arrivals: 'ArrivalBuckets',
  treatments: 'TreatmentBuckets',
  dispositions: 'DispositionBuckets',
} as const;
export type TrendMetric = keyof typeof TREND_METRICS;

/** Event counts per 15-minute bucket; `bucket` is minutes since the epoch divided by 15. */
export const eventBuckets = (db: Db, metric: TrendMetric, from: Date, to: Date) =>
  many<{ bucket: number; n: number }>(db, TREND_METRICS[metric], { from, to });

export const censusByCondition = (db: Db, at: Date) =>
  many<{ condition: string; triage_level: number; patients: number; earliest: Date }>(
    db,
    'CensusByCondition',
    { at },
  );

export const censusLongestWaits = (db: Db, at: Date) =>
  many<{ arrived_at: Date; condition_on_arrival: string; triage_level: number; reason: string }>(
    db,
    'CensusLongestWaits',
    { at },
  );

export const lengthOfStay = (db: Db, from: Date, to: Date) =>
  many<{ age: number; minutes: number }>(db, 'LengthOfStay', { from, to });

export type SymptomRow = SymptomMatch;
export function symptomMatches(
  db: Db,
  term: string,
  from: Date,
  to: Date,
  limit: number,
): Promise<SymptomRow[]> {
  return many<SymptomRow>(db, 'SymptomMatches', { pattern: likePattern(term), from, to, limit });
}

export const assessmentsPerPatient = (db: Db, from: Date, to: Date) =>
  many<{ assessments: number; patients: number }>(db, 'AssessmentsPerPatient', { from, to });

export const treatmentsByType = (db: Db, from: Date, to: Date) =>
  many<{ type: string; n: number }>(db, 'TreatmentsByType', { from, to });

export async function callCount(db: Db, from: Date, to: Date): Promise<number> {
  return (await one<{ n: number }>(db, 'CallCount', { from, to }))?.n ?? 0;
}

export const dispatchesBySeverity = (db: Db, from: Date, to: Date) =>
  many<{ severity: string; n: number }>(db, 'DispatchesBySeverity', { from, to });

export async function patientNames(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, { mrn: string; first_name: string; last_name: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await many<{ id: number; mrn: string; first_name: string; last_name: string }>(
    db,
    'PatientNamesByIds',
    { ids: [...new Set(ids)] },
  );
  return new Map(rows.map((r) => [r.id, r]));
}

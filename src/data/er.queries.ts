import * as sql from './sql/er.generated.ts';
import type { ArrivalsRow } from '../core/reports/er-arrivals.ts';
import type { LatestTreatment } from '../core/reports/er-recent-treatments.ts';
import type { SymptomMatch } from '../core/reports/er-symptom.ts';
import type { ResponseLeg } from '../core/reports/er-response-times.ts';
import { minutesBetween } from '../core/response-times.ts';
import { likePattern, type Db } from './queries.ts';

export type ArrivalsByConditionRow = ArrivalsRow;

/** ER arrivals in [from, to) by condition on arrival, with triage counts. */
export const arrivalsByCondition = (db: Db, from: Date, to: Date) =>
  sql.arrivalsByCondition(db, { from, to });

export type LatestTreatmentRow = LatestTreatment;
export const latestTreatmentPerPatient = (db: Db, from: Date, to: Date, limit: number) =>
  sql.latestTreatmentPerPatient(db, { from, to, limit });

export type { ResponseLeg };

/**
 * Each dispatch in [from, to) (in no particular order) with its legs in minutes: its first call, the first unit on
 * scene (earliest, then lowest unit id) and its type, and that unit's first transport (earliest pick-up,
 * then lowest id) with the ER arrival it led to. Dispatches no unit reached are left out.
 *
 * The calls, units and transports are read as one range of the window's dispatch ids each (ids follow
 * dispatch time, so the range holds little else) and joined here; a single statement looked each
 * dispatch's rows up one by one, about 130,000 index lookups for a year.
 */
export async function dispatchResponseLegs(db: Db, from: Date, to: Date): Promise<ResponseLeg[]> {
  const dispatches = await sql.dispatchesBetween(db, { from, to });
  if (dispatches.length === 0) return [];
  const { lo, hi } = idRange(dispatches);
  const [calls, units, transports, types] = await Promise.all([
    sql.firstCallsOfDispatches(db, { lo, hi }),
    sql.unitsOnSceneOfDispatches(db, {
      lo,
      hi,
    }),
    sql.transportsOfDispatches(db, { lo, hi }),
    sql.ambulanceTypes(db),
  ]);
  // Everything below is kept per dispatch position in typed arrays (a year holds some 150,000 times): one
  // Map from dispatch id to position, no object per row.
  const n = dispatches.length;
  const at = positions(dispatches, lo, hi);
  const call = new Float64Array(n).fill(NaN);
  for (const c of calls) {
    const i = at(c.dispatch_id);
    if (i >= 0) call[i] = c.received_s;
  }
  // The first unit on scene: earliest, then the lowest unit id (-1: none reached the scene).
  const unit = new Int32Array(n).fill(-1);
  const scene = new Float64Array(n);
  for (const u of units) {
    const i = at(u.dispatch_id);
    if (i < 0) continue;
    const seen = unit[i] as number;
    const t = scene[i] as number;
    if (seen === -1 || u.on_scene_s < t || (u.on_scene_s === t && u.ambulance_id < seen)) {
      unit[i] = u.ambulance_id;
      scene[i] = u.on_scene_s;
    }
  }
  // That unit's first transport: earliest pick-up, then the lowest transport id.
  const transport = new Float64Array(n).fill(NaN);
  const pickup = new Float64Array(n);
  const dropoff = new Float64Array(n);
  for (const t of transports) {
    const i = at(t.dispatch_id);
    if (i < 0 || unit[i] !== t.ambulance_id) continue;
    const seen = transport[i] as number;
    if (
      Number.isNaN(seen) ||
      t.pickup_s < (pickup[i] as number) ||
      (t.pickup_s === pickup[i] && t.id < seen)
    ) {
      transport[i] = t.id;
      pickup[i] = t.pickup_s;
      dropoff[i] = t.dropoff_s;
    }
  }
  const arrivals = await arrivalsOfTransports(db, transports);
  const unitType = new Map(types.map((a) => [a.id, a.type]));
  const known = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? undefined : x);
  const legs: ResponseLeg[] = [];
  for (let i = 0; i < n; i++) {
    if (unit[i] === -1) continue;
    const d = dispatches[i] as (typeof dispatches)[number];
    const first = known(call[i]);
    const moved = !Number.isNaN(transport[i] as number);
    legs.push({
      severity: d.severity,
      unit_type: unitType.get(unit[i] as number) ?? '',
      callToScene: minutesBetween(first, scene[i]),
      sceneToHospital: moved ? minutesBetween(pickup[i], dropoff[i]) : null,
      callToArrival: moved ? minutesBetween(first, arrivals.get(transport[i] as number)) : null,
    });
  }
  return legs;
}

/**
 * Where each row's id stands in `rows` (-1 for an id not among them), for ids in [lo, hi]: an array over the
 * ids when they are about as dense as dispatch ids are, a Map otherwise.
 */
function positions(rows: readonly { id: number }[], lo: number, hi: number): (id: number) => number {
  if (hi - lo < 4 * rows.length + 1024) {
    const dense = new Int32Array(hi - lo + 1).fill(-1);
    rows.forEach((r, i) => (dense[r.id - lo] = i));
    return (id) => (id >= lo && id <= hi ? (dense[id - lo] as number) : -1);
  }
  const map = new Map(rows.map((r, i) => [r.id, i]));
  return (id) => map.get(id) ?? -1;
}

/** The lowest and highest id of some rows (at least one). */
function idRange(rows: readonly { id: number }[]): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    if (r.id < lo) lo = r.id;
    if (r.id > hi) hi = r.id;
  }
  return { lo, hi };
}

/** The ER arrival (seconds since the epoch) each transport led to, read as one range of the transports' ids. */
async function arrivalsOfTransports(
  db: Db,
  transports: readonly { id: number }[],
): Promise<Map<number, number>> {
  if (transports.length === 0) return new Map();
  const rows = await sql.arrivalsOfTransports(db, idRange(transports));
  return new Map(rows.map((r) => [r.transport_id, r.arrived_s]));
}

export const dispositionCounts = (db: Db, from: Date, to: Date) => sql.dispositionCounts(db, { from, to });

/** Which events a per-day series counts; the query comes from this whitelist, never from input. */
export const TREND_METRICS = {
  arrivals: sql.arrivalBuckets,
  treatments: sql.treatmentBuckets,
  dispositions: sql.dispositionBuckets,
};
export type TrendMetric = keyof typeof TREND_METRICS;

/** Event counts per 15-minute bucket; `bucket` is minutes since the epoch divided by 15. */
export const eventBuckets = (db: Db, metric: TrendMetric, from: Date, to: Date) =>
  TREND_METRICS[metric](db, { from, to });

export const censusByCondition = (db: Db, at: Date) => sql.censusByCondition(db, { at });

export const censusLongestWaits = (db: Db, at: Date) => sql.censusLongestWaits(db, { at });

export const lengthOfStay = (db: Db, from: Date, to: Date) => sql.lengthOfStay(db, { from, to });

export type SymptomRow = SymptomMatch;
export function symptomMatches(
  db: Db,
  term: string,
  from: Date,
  to: Date,
  limit: number,
): Promise<SymptomRow[]> {
  return sql.symptomMatches(db, { pattern: likePattern(term), from, to, limit });
}

export const assessmentsPerPatient = (db: Db, from: Date, to: Date) =>
  sql.assessmentsPerPatient(db, { from, to });

export const treatmentsByType = (db: Db, from: Date, to: Date) => sql.treatmentsByType(db, { from, to });

export async function callCount(db: Db, from: Date, to: Date): Promise<number> {
  return (await sql.callCount(db, { from, to }))?.n ?? 0;
}

export const dispatchesBySeverity = (db: Db, from: Date, to: Date) =>
  sql.dispatchesBySeverity(db, { from, to });

export async function patientNames(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, { mrn: string; first_name: string; last_name: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.patientNamesByIds(db, { ids: [...new Set(ids)] });
  return new Map(rows.map((r) => [r.id, r]));
}

import { percentileOfSorted, round1 } from './stats.ts';

/**
 * The three legs of an emergency response, in minutes: call-to-scene (first call to first unit on
 * scene), scene-to-hospital (that unit's pick-up to drop-off), call-to-arrival (first call to ER arrival).
 */
export interface Legs {
  callToScene: number | null;
  sceneToHospital: number | null;
  callToArrival: number | null;
}

export interface LegTimes {
  first_call: Date | null;
  first_on_scene: Date | null;
  pickup_at: Date | null;
  dropoff_at: Date | null;
  arrived_at: Date | null;
}

const minutes = (a: Date | null, b: Date | null) => (a && b ? (b.getTime() - a.getTime()) / 60_000 : null);

export function legsOf(r: LegTimes): Legs {
  return {
    callToScene: minutes(r.first_call, r.first_on_scene),
    sceneToHospital: minutes(r.pickup_at, r.dropoff_at),
    callToArrival: minutes(r.first_call, r.arrived_at),
  };
}

export interface LegStats {
  n: number;
  median: number | null;
  p90: number | null;
}

export function legStats(values: (number | null)[]): LegStats {
  const v = Float64Array.from(values.filter((x): x is number => x !== null)).sort();
  return { n: v.length, median: round1(percentileOfSorted(v, 50)), p90: round1(percentileOfSorted(v, 90)) };
}

export interface GroupStats {
  group: string;
  dispatches: number;
  callToScene: LegStats;
  sceneToHospital: LegStats;
  callToArrival: LegStats;
}

/**
 * Median and 90th percentile of each leg per group, groups in the given order, then "all". `legs` are the
 * rows' legs (`rows.map(legsOf)`), when the caller already has them: each row's legs are computed once.
 */
export function responseStats<R extends LegTimes>(
  rows: readonly R[],
  groupOf: (r: R) => string,
  order: readonly string[],
  legs: readonly Legs[] = rows.map(legsOf),
): GroupStats[] {
  const groups = new Map<string, Legs[]>();
  rows.forEach((r, i) => {
    const l = legs[i];
    if (!l) return;
    const g = groupOf(r);
    const list = groups.get(g);
    if (list) list.push(l);
    else groups.set(g, [l]);
  });
  const stats = (group: string, legs: readonly Legs[]): GroupStats => ({
    group,
    dispatches: legs.length,
    callToScene: legStats(legs.map((l) => l.callToScene)),
    sceneToHospital: legStats(legs.map((l) => l.sceneToHospital)),
    callToArrival: legStats(legs.map((l) => l.callToArrival)),
  });
  const ordered = order.filter((g) => groups.has(g)).map((g) => stats(g, groups.get(g) ?? []));
  return [...ordered, stats('all', legs)];
}

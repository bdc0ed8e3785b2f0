import { percentileInPlace, round1 } from './stats.ts';

/**
 * The three legs of an emergency response, in minutes: call-to-scene (first call to first unit on
 * scene), scene-to-hospital (that unit's pick-up to drop-off), call-to-arrival (first call to ER arrival).
 */
export interface Legs {
  callToScene: number | null;
  sceneToHospital: number | null;
  callToArrival: number | null;
}

/** Minutes from `a` to `b`, both in seconds since the epoch, or null when either did not happen. */
export function minutesBetween(a: number | undefined, b: number | undefined): number | null {
  return a === undefined || b === undefined ? null : (b - a) / 60;
}

export interface LegStats {
  n: number;
  median: number | null;
  p90: number | null;
}

/** Median and 90th percentile of one leg's minutes (reordered in place). */
export function legStats(minutes: Float64Array): LegStats {
  return {
    n: minutes.length,
    median: round1(percentileInPlace(minutes, 50)),
    p90: round1(percentileInPlace(minutes, 90)),
  };
}

export interface GroupStats {
  group: string;
  dispatches: number;
  callToScene: LegStats;
  sceneToHospital: LegStats;
  callToArrival: LegStats;
}

/** Median and 90th percentile of each leg per group, groups in the given order, then "all". */
export function responseStats<R extends Legs>(
  rows: readonly R[],
  groupOf: (r: R) => string,
  order: readonly string[],
): GroupStats[] {
  const groups = new Map<string, R[]>();
  for (const r of rows) {
    const g = groupOf(r);
    const list = groups.get(g);
    if (list) list.push(r);
    else groups.set(g, [r]);
  }
  const stats = (group: string, legs: readonly Legs[]): GroupStats => {
    // Each leg's minutes where it happened, gathered in one pass.
    const scene = new Float64Array(legs.length);
    const hospital = new Float64Array(legs.length);
    const arrival = new Float64Array(legs.length);
    let s = 0;
    let h = 0;
    let a = 0;
    for (const l of legs) {
      if (l.callToScene !== null) scene[s++] = l.callToScene;
      if (l.sceneToHospital !== null) hospital[h++] = l.sceneToHospital;
      if (l.callToArrival !== null) arrival[a++] = l.callToArrival;
    }
    return {
      group,
      dispatches: legs.length,
      callToScene: legStats(scene.subarray(0, s)),
      sceneToHospital: legStats(hospital.subarray(0, h)),
      callToArrival: legStats(arrival.subarray(0, a)),
    };
  };
  const ordered = order.filter((g) => groups.has(g)).map((g) => stats(g, groups.get(g) ?? []));
  return [...ordered, stats('all', rows)];
}

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
  // Two passes over the rows and no object per row: which group each is in (-1: none of `order`, counted
  // in "all" only), then each group's minutes of each leg into typed arrays.
  const position = new Map(order.map((g, i) => [g, i]));
  const groupOfRow = new Int32Array(rows.length);
  const sizes = new Int32Array(order.length);
  rows.forEach((r, i) => {
    const g = position.get(groupOf(r)) ?? -1;
    groupOfRow[i] = g;
    if (g >= 0) sizes[g] = (sizes[g] as number) + 1;
  });
  const gather = (size: number) => ({
    size,
    scene: new Float64Array(size),
    hospital: new Float64Array(size),
    arrival: new Float64Array(size),
    filled: [0, 0, 0],
  });
  const groups = [...sizes].map(gather);
  const all = gather(rows.length);
  const add = (into: ReturnType<typeof gather>, l: Legs) => {
    const f = into.filled as [number, number, number];
    if (l.callToScene !== null) into.scene[f[0]++] = l.callToScene;
    if (l.sceneToHospital !== null) into.hospital[f[1]++] = l.sceneToHospital;
    if (l.callToArrival !== null) into.arrival[f[2]++] = l.callToArrival;
  };
  rows.forEach((r, i) => {
    const g = groupOfRow[i] as number;
    if (g >= 0) add(groups[g] as ReturnType<typeof gather>, r);
    add(all, r);
  });
  const stats = (group: string, into: ReturnType<typeof gather>): GroupStats => {
    const [s, h, a] = into.filled as [number, number, number];
    return {
      group,
      dispatches: into.size,
      callToScene: legStats(into.scene.subarray(0, s)),
      sceneToHospital: legStats(into.hospital.subarray(0, h)),
      callToArrival: legStats(into.arrival.subarray(0, a)),
    };
  };
  const ordered = order.flatMap((g, i) => {
    const into = groups[i] as ReturnType<typeof gather>;
    return into.size > 0 ? [stats(g, into)] : [];
  });
  return [...ordered, stats('all', all)];
}

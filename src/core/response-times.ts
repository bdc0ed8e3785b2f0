import { median, percentile, round1 } from './stats.ts';

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
  const v = values.filter((x): x is number => x !== null);
  return { n: v.length, median: round1(median(v)), p90: round1(percentile(v, 90)) };
}

export interface GroupStats {
  group: string;
  dispatches: number;
  callToScene: LegStats;
  sceneToHospital: LegStats;
  callToArrival: LegStats;
}

/** Median and 90th percentile of each leg per group, groups in the given order, then "all". */
export function responseStats<R extends LegTimes>(
  rows: R[],
  groupOf: (r: R) => string,
  order: readonly string[],
): GroupStats[] {
  const groups = new Map<string, Legs[]>();
  for (const r of rows) {
    const g = groupOf(r);
    const list = groups.get(g) ?? [];
    list.push(legsOf(r));
    groups.set(g, list);
  }
  const stats = (group: string, legs: Legs[]): GroupStats => ({
    group,
    dispatches: legs.length,
    callToScene: legStats(legs.map((l) => l.callToScene)),
    sceneToHospital: legStats(legs.map((l) => l.sceneToHospital)),
    callToArrival: legStats(legs.map((l) => l.callToArrival)),
  });
  const ordered = order.filter((g) => groups.has(g)).map((g) => stats(g, groups.get(g) ?? []));
  return [...ordered, stats('all', rows.map(legsOf))];
}

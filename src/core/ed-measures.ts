import { percentileInPlace, round1 } from './stats.ts';
import { ageBandOf, AGE_BANDS, LEFT_BEFORE_COMPLETE, stratumOf, type Stratum } from './strata.ts';

/**
 * The standard ED measures of docs/domain.md (section 4), over the visits that arrived in a window: CMS's
 * OP-18 and OP-22, the benchmarking alliance's ED-1 and ED-2 style stays, door to provider, LBTC, CMS's ED
 * access composite (ECAT, CMS1244) and 72-hour returns. Pure: the rows come from MeasureVisits.
 */

/** A visit as the measures see it: epoch seconds of arrival, then seconds after arrival (NULL: not recorded). */
export interface MeasureVisit {
  arrived_s: number;
  roomed_s: number | null;
  provider_s: number | null;
  decided_s: number | null;
  departed_s: number | null;
  decision: string | null;
  observation: number;
  mental_health: number;
  treated: number;
  age: number | null;
  is_return: number;
}

type Kind = 'minutes' | 'percent';

/** Each measure: its CMS or benchmark name, what it is, and its definition in one short line. */
export const MEASURES = {
  op18a: {
    name: 'OP-18a',
    label: 'stay, discharged or transferred',
    kind: 'minutes',
    definition: 'OP-18a: median minutes arrival → departure, discharged or transferred out, no observation',
  },
  op18b: {
    name: 'OP-18b',
    label: 'stay, discharged',
    kind: 'minutes',
    definition:
      'OP-18b: median minutes arrival → departure, discharged, excluding mental health and transfers',
  },
  op18c: {
    name: 'OP-18c',
    label: 'stay, mental health',
    kind: 'minutes',
    definition: 'OP-18c: median minutes arrival → departure, discharged or transferred, mental health',
  },
  op18d: {
    name: 'OP-18d',
    label: 'stay, transferred',
    kind: 'minutes',
    definition: 'OP-18d: median minutes arrival → departure, transferred to another hospital',
  },
  ed1: {
    name: 'ED-1',
    label: 'stay, admitted',
    kind: 'minutes',
    definition: 'ED-1: median minutes arrival → departure, admitted, no observation',
  },
  ed1Other: {
    name: 'ED-1',
    label: 'stay, admitted, not mental health',
    kind: 'minutes',
    definition: 'ED-1: admitted stay without mental-health visits',
  },
  ed1Mh: {
    name: 'ED-1',
    label: 'stay, admitted, mental health',
    kind: 'minutes',
    definition: 'ED-1: admitted stay of mental-health visits',
  },
  ed2: {
    name: 'ED-2',
    label: 'boarding, admitted',
    kind: 'minutes',
    definition: 'ED-2: median minutes decision to admit → departure, no observation',
  },
  ed2Other: {
    name: 'ED-2',
    label: 'boarding, not mental health',
    kind: 'minutes',
    definition: 'ED-2: boarding without mental-health visits',
  },
  ed2Mh: {
    name: 'ED-2',
    label: 'boarding, mental health',
    kind: 'minutes',
    definition: 'ED-2: boarding of mental-health visits',
  },
  doorToProvider: {
    name: 'Door to provider',
    label: 'arrival to first provider contact',
    kind: 'minutes',
    definition: 'Door to provider: median minutes arrival → first physician or APP contact',
  },
  lwbs: {
    name: 'OP-22',
    label: 'left without being seen',
    kind: 'percent',
    definition: 'OP-22: % of visits that left before any provider contact',
  },
  lbtc: {
    name: 'LBTC',
    label: 'left before treatment complete',
    kind: 'percent',
    definition: 'LBTC: % of visits that left unseen, against medical advice or eloped',
  },
  ecat: {
    name: 'ECAT',
    label: 'ED access composite',
    kind: 'percent',
    definition: 'ECAT (CMS1244): % of visits roomed > 60 min, unseen, boarded > 240 min or stayed > 480 min',
  },
  returns: {
    name: '72-hour returns',
    label: 'all',
    kind: 'percent',
    definition: '72-hour return: back within 72 h of a discharged or unseen visit',
  },
  returnsAdmitted: {
    name: '72-hour returns',
    label: 'ended in admission',
    kind: 'percent',
    definition: '72-hour return whose own visit ended in admission',
  },
} as const satisfies Record<string, { name: string; label: string; kind: Kind; definition: string }>;
export type MeasureKey = keyof typeof MEASURES;

/** The rates, each a share of every visit in the window (OP-22, LBTC, ECAT, 72-hour returns). */
export const RATE_KEYS = (Object.keys(MEASURES) as MeasureKey[]).filter(
  (k) => MEASURES[k].kind === 'percent',
);

export interface MeasureFigure {
  key: MeasureKey | `ecat.${string}`;
  name: string;
  label: string;
  kind: Kind;
  /** Median minutes, or a percentage of `denominator`. */
  value: number | null;
  /** 90th percentile minutes (time measures). */
  p90: number | null;
  /** Visits meeting the measure (rates). */
  meeting: number | null;
  /** Visits measured: with the times it needs (time measures), or every visit in the window (rates). */
  denominator: number;
  /** Visits of the measure's population it had to leave out: a time not recorded, or still in the ED. */
  leftOut: number;
}

const ROOM_LIMIT_S = 60 * 60;
const BOARDING_LIMIT_S = 240 * 60;
const STAY_LIMIT_S = 480 * 60;

/** Minutes from `from` to `to` (seconds after arrival), or null when either is missing. */
const span = (from: number | null, to: number | null) =>
  from === null || to === null ? null : (to - from) / 60;

/** A time measure's minutes, in a typed array as large as the window's visits (no growth, no garbage). */
class Times {
  count = 0;
  leftOut = 0;
  constructor(readonly values: Float64Array) {}
  add(m: number | null) {
    if (m === null) this.leftOut++;
    else this.values[this.count++] = m;
  }
}

class Rate {
  meeting = 0;
  of = 0;
  add(yes: boolean) {
    this.of++;
    if (yes) this.meeting++;
  }
}

/** What ECAT counts against a visit: any of its four parts. */
export function ecatMet(v: MeasureVisit, stratum: Stratum | null): boolean {
  const toRoom = v.roomed_s ?? v.departed_s;
  const observation = stratum === 'observation';
  const boardedS =
    stratum === 'admitted' && v.decided_s !== null && v.departed_s !== null
      ? v.departed_s - v.decided_s
      : null;
  return (
    (toRoom !== null && toRoom > ROOM_LIMIT_S) ||
    stratum === 'left without being seen' ||
    (!observation && boardedS !== null && boardedS > BOARDING_LIMIT_S) ||
    (!observation && v.departed_s !== null && v.departed_s > STAY_LIMIT_S)
  );
}

export const stratumOfVisit = (v: MeasureVisit): Stratum | null =>
  stratumOf({
    decision: v.decision,
    observation: v.observation !== 0,
    departed: v.departed_s !== null,
    seen: v.provider_s !== null || v.treated !== 0 || v.decision !== null,
  });

/** Every measure of these visits, in the order of MEASURES, then ECAT by age band and by mental health. */
export function edMeasures(visits: readonly MeasureVisit[]): MeasureFigure[] {
  const t = Object.fromEntries(
    (Object.keys(MEASURES) as MeasureKey[]).map((k) => [
      k,
      MEASURES[k].kind === 'minutes' ? new Times(new Float64Array(visits.length)) : new Rate(),
    ]),
  ) as Record<MeasureKey, Times | Rate>;
  const times = (k: MeasureKey) => t[k] as Times;
  const rate = (k: MeasureKey) => t[k] as Rate;
  const ecatBy = new Map<string, Rate>(
    [...AGE_BANDS.map((b) => b.label), 'mental health', 'not mental health'].map((l) => [l, new Rate()]),
  );
  // Each measure's collector looked up once, not once per visit (a year is 100,000 visits).
  const [op18a, op18b, op18c, op18d] = (['op18a', 'op18b', 'op18c', 'op18d'] as const).map(times);
  const [ed1, ed1Mh, ed1Other, ed2, ed2Mh, ed2Other, doorToProvider] = (
    ['ed1', 'ed1Mh', 'ed1Other', 'ed2', 'ed2Mh', 'ed2Other', 'doorToProvider'] as const
  ).map(times) as Times[];
  const [lwbsRate, lbtc, ecatRate, returns, returnsAdmitted] = (
    ['lwbs', 'lbtc', 'ecat', 'returns', 'returnsAdmitted'] as const
  ).map(rate) as Rate[];
  const ecatMh = ecatBy.get('mental health') as Rate;
  const ecatOther = ecatBy.get('not mental health') as Rate;
  for (const v of visits) {
    const s = stratumOfVisit(v);
    const mh = v.mental_health !== 0;
    const stay = v.departed_s === null ? null : v.departed_s / 60;
    if (s === 'discharged' || s === 'transferred') {
      op18a?.add(stay);
      if (mh) op18c?.add(stay);
      else if (s === 'discharged') op18b?.add(stay);
      if (s === 'transferred') op18d?.add(stay);
    } else if (s === 'admitted') {
      const boarding = span(v.decided_s, v.departed_s);
      ed1?.add(stay);
      (mh ? ed1Mh : ed1Other)?.add(stay);
      ed2?.add(boarding);
      (mh ? ed2Mh : ed2Other)?.add(boarding);
    }
    doorToProvider?.add(v.provider_s === null ? null : v.provider_s / 60);
    const lwbs = s === 'left without being seen';
    lwbsRate?.add(lwbs);
    lbtc?.add(lwbs || (s !== null && LEFT_BEFORE_COMPLETE.includes(s)));
    const ecat = ecatMet(v, s);
    ecatRate?.add(ecat);
    const band = ageBandOf(v.age);
    if (band) ecatBy.get(band)?.add(ecat);
    (mh ? ecatMh : ecatOther).add(ecat);
    returns?.add(v.is_return !== 0);
    returnsAdmitted?.add(v.is_return !== 0 && s === 'admitted');
  }
  const figures = (Object.keys(MEASURES) as MeasureKey[]).map((k) => {
    const m = t[k];
    return m instanceof Times ? timeFigure(k, m) : rateFigure(k, MEASURES[k], m);
  });
  const at = figures.findIndex((f) => f.key === 'ecat') + 1;
  figures.splice(
    at,
    0,
    ...[...ecatBy].map(([label, r]) =>
      rateFigure(`ecat.${label}`, { ...MEASURES.ecat, label: `ED access composite, ${label}` }, r),
    ),
  );
  return figures;
}

function timeFigure(key: MeasureKey, m: Times): MeasureFigure {
  // Selection, not a sort: each percentile is found in linear time (it reorders the array, not the set).
  const minutes = m.values.subarray(0, m.count);
  const at = (p: number) => round1(percentileInPlace(minutes, p));
  const d = MEASURES[key];
  return {
    key,
    name: d.name,
    label: d.label,
    kind: 'minutes',
    value: at(50),
    p90: at(90),
    meeting: null,
    denominator: m.count,
    leftOut: m.leftOut,
  };
}

function rateFigure(key: MeasureFigure['key'], d: { name: string; label: string }, r: Rate): MeasureFigure {
  return {
    key,
    name: d.name,
    label: d.label,
    kind: 'percent',
    value: r.of === 0 ? null : round1((100 * r.meeting) / r.of),
    p90: null,
    meeting: r.meeting,
    denominator: r.of,
    leftOut: 0,
  };
}

import { ecatMet, RATE_KEYS, stratumOfVisit, type MeasureFigure, type MeasureVisit } from './ed-measures.ts';
import { ageBandOf, LEFT_BEFORE_COMPLETE } from './strata.ts';

/**
 * How the counts behind the standard ED measures hang together, declared once for every answer that shows
 * them in public (/er measures in a channel, the daily summary's measure lines): a reader who knows the
 * definitions knows these sums, so a count withheld by the small-cell rule could be worked out from them
 * unless suppression.ts `protect` is given them too.
 *
 * A count is named `<figure key>:counted|of|leftOut` (a figure's meeting, denominator and left out, as in
 * ed-measures.ts), `boarding:now` and `boarding:over4h`, or `~<name>` for a count no answer shows (visits that
 * left against advice or eloped, discharged mental-health visits): a reader knows only that it is >= 0.
 */
export interface MeasureLinks {
  /** Every count the sums name, with its value. */
  values: Map<string, number>;
  /** Each: the parts add up to the total. */
  sums: { parts: string[]; total: string }[];
}

/** Whether a count is one no answer shows. */
export const isUnshownCount = (name: string) => name.startsWith('~');

/** The counts no answer shows, by name (the order of `count` below). */
const UNSHOWN = [
  '~discharged mh:of',
  '~discharged mh:leftOut',
  '~transferred not mh:of',
  '~transferred not mh:leftOut',
  '~transferred mh:of',
  '~transferred mh:leftOut',
  '~admitted',
  '~admitted not mh',
  '~admitted mh',
  '~admitted, not a return',
  '~left against advice or eloped',
  '~other strata',
  '~mh, other strata',
  '~no provider time, not lwbs',
  '~ecat met, not lwbs',
  '~age unknown',
  '~age unknown, ecat met',
  '~returns not admitted',
] as const;
const at = (name: (typeof UNSHOWN)[number]) => UNSHOWN.indexOf(name);
const [D_MH, T_NOT, T_MH, ADM, ADM_NOT, ADM_MH, ADM_NOT_RETURN, LEFT, OTHER, MH_OTHER] = [
  at('~discharged mh:of'),
  at('~transferred not mh:of'),
  at('~transferred mh:of'),
  at('~admitted'),
  at('~admitted not mh'),
  at('~admitted mh'),
  at('~admitted, not a return'),
  at('~left against advice or eloped'),
  at('~other strata'),
  at('~mh, other strata'),
];
const [NO_PROVIDER, ECAT_SEEN, AGE_UNKNOWN, AGE_UNKNOWN_MET, RETURNS_NOT_ADM] = [
  at('~no provider time, not lwbs'),
  at('~ecat met, not lwbs'),
  at('~age unknown'),
  at('~age unknown, ecat met'),
  at('~returns not admitted'),
];

/** The visits counted apart from what the figures show, by the strata of ed-measures.ts, in one pass. */
function unshownCounts(visits: readonly MeasureVisit[]): Map<string, number> {
  const n = new Array<number>(UNSHOWN.length).fill(0);
  const count = (i: number) => (n[i] = (n[i] ?? 0) + 1);
  for (const v of visits) {
    const s = stratumOfVisit(v);
    const mh = v.mental_health !== 0;
    const lwbs = s === 'left without being seen';
    const leftOut = v.departed_s === null ? 1 : 0;
    // OP-18's atoms: discharged or transferred, mental health or not (18b is discharged, not mental health).
    if (s === 'discharged' || s === 'transferred') {
      if (s === 'transferred') count((mh ? T_MH : T_NOT) + leftOut);
      else if (mh) count(D_MH + leftOut);
    } else if (s === 'admitted') {
      count(ADM);
      count(mh ? ADM_MH : ADM_NOT);
      if (v.is_return === 0) count(ADM_NOT_RETURN);
    } else if (s !== null && LEFT_BEFORE_COMPLETE.includes(s)) count(LEFT);
    else if (!lwbs) count(OTHER);
    if (mh && s !== 'discharged' && s !== 'transferred' && s !== 'admitted') count(MH_OTHER);
    if (v.provider_s === null && !lwbs) count(NO_PROVIDER);
    const met = ecatMet(v, s);
    if (met && !lwbs) count(ECAT_SEEN);
    if (ageBandOf(v.age) === null) {
      count(AGE_UNKNOWN);
      if (met) count(AGE_UNKNOWN_MET);
    }
    if (v.is_return !== 0 && s !== 'admitted') count(RETURNS_NOT_ADM);
  }
  return new Map(UNSHOWN.map((name, i) => [name, n[i] ?? 0]));
}

const sum = (total: string, ...parts: string[]) => ({ parts, total });

/** The sums a reader knows between the measures' counts (README, "ED measures"), none of them shown. */
function declaredSums(rates: readonly string[]): MeasureLinks['sums'] {
  const sums: MeasureLinks['sums'] = [];
  for (const f of ['of', 'leftOut']) {
    // OP-18: 18a is 18b (discharged, not mental health) and the three atoms 18c and 18d split between them.
    const [dMh, tNot, tMh] = ['discharged mh', 'transferred not mh', 'transferred mh'].map(
      (a) => `~${a}:${f}`,
    );
    sums.push(sum(`op18a:${f}`, `op18b:${f}`, dMh ?? '', tNot ?? '', tMh ?? ''));
    sums.push(sum(`op18c:${f}`, dMh ?? '', tMh ?? ''), sum(`op18d:${f}`, tNot ?? '', tMh ?? ''));
    for (const m of ['ed1', 'ed2']) sums.push(sum(`${m}:${f}`, `${m}Other:${f}`, `${m}Mh:${f}`));
  }
  // ED-1 and ED-2 measure or leave out the same admitted visits, in each mental-health stratum.
  for (const [m, population] of [
    ['', '~admitted'],
    ['Other', '~admitted not mh'],
    ['Mh', '~admitted mh'],
  ] as const)
    for (const e of ['ed1', 'ed2']) sums.push(sum(population, `${e}${m}:of`, `${e}${m}:leftOut`));
  sums.push(sum('~admitted', '~admitted not mh', '~admitted mh'));
  // Every visit: each rate is of all of them; door to provider measures or leaves out each.
  const all = 'lwbs:of';
  for (const r of RATE_KEYS) if (`${r}:of` !== all) sums.push(sum(all, `${r}:of`));
  sums.push(sum(all, 'doorToProvider:of', 'doorToProvider:leftOut'));
  sums.push(sum(all, 'op18a:of', 'op18a:leftOut', '~admitted', 'lbtc:counted', '~other strata'));
  // LWBS left before any provider: LBTC adds those who left against advice or eloped; ECAT counts them all.
  sums.push(sum('lbtc:counted', 'lwbs:counted', '~left against advice or eloped'));
  sums.push(sum('doorToProvider:leftOut', 'lwbs:counted', '~no provider time, not lwbs'));
  sums.push(sum('ecat:counted', 'lwbs:counted', '~ecat met, not lwbs'));
  // ECAT by age band (visits of unknown age in none) and by mental health.
  const bands = ['under 18', '18-64', '65 and over'].map((b) => `ecat.${b}`);
  sums.push(sum('ecat:of', ...bands.map((b) => `${b}:of`), '~age unknown'));
  sums.push(sum('ecat:counted', ...bands.map((b) => `${b}:counted`), '~age unknown, ecat met'));
  for (const f of ['of', 'counted'])
    sums.push(sum(`ecat:${f}`, `ecat.mental health:${f}`, `ecat.not mental health:${f}`));
  sums.push(sum('ecat.mental health:of', 'op18c:of', 'op18c:leftOut', '~admitted mh', '~mh, other strata'));
  // 72-hour returns that ended in admission are returns, and admitted visits.
  sums.push(sum('returns:counted', 'returnsAdmitted:counted', '~returns not admitted'));
  sums.push(sum('~admitted', 'returnsAdmitted:counted', '~admitted, not a return'));
  // Each rate's visits: those meeting it and those not.
  for (const r of rates) sums.push(sum(`${r}:of`, `${r}:counted`, `~${r}:not met`));
  // Boarders now: over 4 hours and under.
  sums.push(sum('boarding:now', 'boarding:over4h', '~boarding under 4h'));
  return sums;
}

/** The measures' counts and the sums between them, for these visits, their figures and the boarders now. */
export function measureLinks(
  visits: readonly MeasureVisit[],
  figures: readonly MeasureFigure[],
  boarding: { boarders: number; over_4h: number },
): MeasureLinks {
  const values = unshownCounts(visits);
  const rates: string[] = [];
  for (const f of figures) {
    values.set(`${f.key}:of`, f.denominator).set(`${f.key}:leftOut`, f.leftOut);
    if (f.meeting === null) continue;
    rates.push(f.key);
    values.set(`${f.key}:counted`, f.meeting).set(`~${f.key}:not met`, f.denominator - f.meeting);
  }
  values.set('boarding:now', boarding.boarders).set('boarding:over4h', boarding.over_4h);
  values.set('~boarding under 4h', boarding.boarders - boarding.over_4h);
  // Differences a reader knows are never negative: the admitted stays without a boarding time (ED-2 measures
  // a subset of ED-1's visits), and the visits of unknown age that ECAT does not count.
  const count = (name: string) => values.get(name) ?? 0;
  for (const m of ['', 'Other', 'Mh'])
    values.set(`~ed1${m} without boarding time`, count(`ed1${m}:of`) - count(`ed2${m}:of`));
  values.set('~age unknown, ecat not met', count('~age unknown') - count('~age unknown, ecat met'));
  const sums = declaredSums(rates);
  for (const m of ['', 'Other', 'Mh'])
    sums.push(sum(`ed1${m}:of`, `ed2${m}:of`, `~ed1${m} without boarding time`));
  sums.push(sum('~age unknown', '~age unknown, ecat met', '~age unknown, ecat not met'));
  // A count of no visit of these (no transferred mental-health visit) is 0, as a reader would take it.
  for (const s of sums) for (const name of [...s.parts, s.total]) if (!values.has(name)) values.set(name, 0);
  return { values, sums };
}

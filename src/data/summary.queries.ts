import * as sql from './sql/summary.generated.ts';
import type { PeriodFigures, SummaryInput } from '../core/daily-summary.ts';
import { isLwbs } from '../core/flow.ts';
import { addDays, atLocal } from '../core/time.ts';
import { localDay } from '../core/window.ts';
import { TRIAGE_LEVELS } from '../core/vocabulary.ts';
import {
  arrivalsByCondition,
  callCount,
  dispatchesBySeverity,
  dispatchResponseLegs,
  dispositionCounts,
  eventBuckets,
  treatmentsByType,
} from './er.queries.ts';
import { edMeasures } from '../core/ed-measures.ts';
import { measureLinks } from '../core/measure-links.ts';
import type { SummaryMeasures } from '../core/summary-measures.ts';
import { boardersAt, flowVisits, measureVisits, returnVisits } from './flow.queries.ts';
import type { Db } from './queries.ts';

async function periodFigures(db: Db, from: Date, to: Date): Promise<PeriodFigures> {
  const [calls, dispatches, legs, arrivals, treatments, dispositions, buckets, flow, returns] =
    await Promise.all([
      callCount(db, from, to),
      dispatchesBySeverity(db, from, to),
      dispatchResponseLegs(db, from, to),
      arrivalsByCondition(db, from, to),
      treatmentsByType(db, from, to),
      dispositionCounts(db, from, to),
      eventBuckets(db, 'arrivals', from, to),
      flowVisits(db, from, to),
      returnVisits(db, from, to),
    ]);
  const byTriage: Record<number, number> = {};
  for (const r of arrivals) for (const l of TRIAGE_LEVELS) byTriage[l] = (byTriage[l] ?? 0) + r[`esi${l}`];
  const byDecision: Record<string, number> = {};
  for (const r of dispositions) byDecision[r.decision] = (byDecision[r.decision] ?? 0) + r.n;
  return {
    calls,
    dispatches: Object.fromEntries(dispatches.map((r) => [r.severity, r.n])),
    responseMinutes: legs.map((r) => r.callToScene).filter((m): m is number => m !== null),
    arrivalsByCondition: Object.fromEntries(arrivals.map((r) => [r.condition, r.arrivals])),
    arrivalsByTriage: byTriage,
    treatmentsByType: Object.fromEntries(treatments.map((r) => [r.type, r.n])),
    dispositions: byDecision,
    arrivalBuckets: new Map(buckets.map((b) => [b.bucket, b.n])),
    lwbs: flow.filter(isLwbs).length,
    doorToTreatment: flow.flatMap((v) =>
      v.first_treatment_at ? [(v.first_treatment_at.getTime() - v.arrived_at.getTime()) / 60_000] : [],
    ),
    returns: returns.length,
  };
}

async function census(db: Db, at: number): Promise<number> {
  return (await sql.censusCount(db, { at: new Date(at) }))?.n ?? 0;
}

/** Everything the daily summary of a local date needs: the day, the seven days before, and censuses. */
export async function summaryInput(db: Db, date: string, timeZone: string): Promise<SummaryInput> {
  const day = localDay(date, timeZone);
  // The census at the midnight that ends each of the seven days before, for its baseline.
  const midnights = Array.from({ length: 7 }, (_, i) => atLocal(timeZone, addDays(date, -i)));
  const weekStart = atLocal(timeZone, addDays(date, -7));
  const [measures, dayFigures, baseline, atMidnight, ...before] = await Promise.all([
    summaryMeasures(db, date, timeZone),
    periodFigures(db, day.from, day.to),
    periodFigures(db, new Date(weekStart), day.from),
    census(db, day.to.getTime()),
    ...midnights.map((m) => census(db, m)),
  ]);
  return {
    date,
    timeZone,
    from: day.from.getTime(),
    to: day.to.getTime(),
    day: dayFigures,
    baseline,
    censusAtMidnight: atMidnight,
    baselineCensus: before,
    measures,
  };
}

/** The ED measures of a local date and of the seven days before, boarders at its end, and last week's arrivals. */
async function summaryMeasures(db: Db, date: string, timeZone: string): Promise<SummaryMeasures> {
  const day = localDay(date, timeZone);
  const weekStart = atLocal(timeZone, addDays(date, -7));
  const weekAgoEnds = atLocal(timeZone, addDays(date, -6)) / 1000;
  // The seven days and the day in one read (returns marked alike: the day's predecessors are in the week),
  // split where the day begins: the rows come in order of arrival.
  const [week, boarding] = await Promise.all([
    measureVisits(db, new Date(weekStart), day.to),
    boardersAt(db, day.to),
  ]);
  const dayStarts = day.from.getTime() / 1000;
  const split = week.findIndex((v) => v.arrived_s >= dayStarts);
  const before = split < 0 ? week : week.slice(0, split);
  const visits = split < 0 ? [] : week.slice(split);
  const figures = edMeasures(visits);
  return {
    day: figures,
    baseline: edMeasures(before),
    boarding,
    links: measureLinks(visits, figures, boarding),
    arrivalsLastWeek: before.filter((v) => v.arrived_s < weekAgoEnds).length,
  };
}

import { MINUTE_MS, addDays, atLocal, localParts, parseIsoDate } from './time.ts';

/**
 * Five-field cron (minute hour day-of-month month day-of-week) with numbers, `*`, ranges, steps and
 * lists, matched against the wall clock of a time zone. node-cron fires the job in production; this
 * decides which day's summary is due, with any clock (tests inject one).
 */
export interface Cron {
  minute: Set<number>;
  hour: Set<number>;
  day: Set<number>;
  month: Set<number>;
  weekday: Set<number>;
  /** Cron's rule: with both day fields restricted, either may match. */
  dayOr: boolean;
}

const FIELDS: [keyof Omit<Cron, 'dayOr'>, number, number][] = [
  ['minute', 0, 59],
  ['hour', 0, 23],
  ['day', 1, 31],
  ['month', 1, 12],
  ['weekday', 0, 7],
];

export function parseCron(expr: string): Cron | undefined {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 5) return undefined;
  const cron: Partial<Cron> = {};
  for (const [i, [name, lo, hi]] of FIELDS.entries()) {
    const set = new Set<number>();
    for (const item of (parts[i] ?? '').split(',')) {
      const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(item);
      if (!m) return undefined;
      const from = m[1] === '*' ? lo : Number(m[2]);
      const to = m[1] === '*' ? hi : m[3] !== undefined ? Number(m[3]) : m[4] !== undefined ? hi : from;
      const step = m[4] !== undefined ? Number(m[4]) : 1;
      if (from < lo || to > hi || from > to || step < 1) return undefined;
      for (let v = from; v <= to; v += step) set.add(name === 'weekday' && v === 7 ? 0 : v);
    }
    cron[name] = set;
  }
  cron.dayOr = parts[2] !== '*' && parts[4] !== '*';
  return cron as Cron;
}

/** The most days each month has (February in a leap year). */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether the cron fires at all: not when its days of the month fall in none of its months (30 February,
 * 31 April). Days and weekdays both restricted fire on the weekday alone; 29 February fires in leap years.
 */
export function cronEverFires(cron: Cron): boolean {
  if (cron.dayOr) return true;
  return [...cron.month].some((m) => [...cron.day].some((d) => d <= (DAYS_IN_MONTH[m - 1] ?? 0)));
}

export function cronMatches(cron: Cron, timeZone: string, ms: number): boolean {
  const p = localParts(timeZone, ms);
  if (!cron.minute.has(p.minute) || !cron.hour.has(p.hour) || !cron.month.has(p.month)) return false;
  const day = cron.day.has(p.day);
  const weekday = cron.weekday.has(p.weekday);
  return cron.dayOr ? day || weekday : day && weekday;
}

/** The first instant on a local date (YYYY-MM-DD) at which the cron fires, if it fires that day. */
export function firstFireOn(cron: Cron, timeZone: string, date: string): number | undefined {
  if (!parseIsoDate(date)) return undefined;
  const start = atLocal(timeZone, date);
  const end = atLocal(timeZone, addDays(date, 1));
  for (let t = start; t < end; t += MINUTE_MS) if (cronMatches(cron, timeZone, t)) return t;
  return undefined;
}

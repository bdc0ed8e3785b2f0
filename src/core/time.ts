/** Time-zone arithmetic without dependencies: Intl gives the offset, everything else is plain math. */
import { sanitizeText } from './text.ts';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
}

/** The wall-clock reading in `timeZone` at instant `ms` (whole seconds). */
export function localParts(timeZone: string, ms: number): LocalParts {
  const d = new Date(Math.floor(ms / 1000) * 1000 + zoneOffsetMs(timeZone, ms));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

/** Milliseconds to add to UTC to get local wall-clock time at instant `ms`. */
export function zoneOffsetMs(timeZone: string, ms: number): number {
  // A zone's offset changes a few times a year at most, so it is looked up once per UTC hour: when the
  // offsets at the hour's start and at the next hour's agree, it holds for the whole hour. Only an instant
  // in an hour that holds a change is asked of Intl directly. (Intl costs microseconds a call; reports
  // that bin a year of events into local days made thousands of calls.)
  const hour = Math.floor(ms / HOUR_MS);
  const atStart = hourOffset(timeZone, hour);
  return atStart === hourOffset(timeZone, hour + 1) ? atStart : intlOffsetMs(timeZone, ms);
}

/** Most whole-hour offsets remembered per zone (about 11 years of hours); past it the cache starts over. */
const MAX_CACHED_HOURS = 100_000;
const hourOffsets = new Map<string, Map<number, number>>();

function hourOffset(timeZone: string, hour: number): number {
  let zone = hourOffsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    hourOffsets.set(timeZone, zone);
  }
  let offset = zone.get(hour);
  if (offset === undefined) {
    if (zone.size >= MAX_CACHED_HOURS) zone.clear();
    offset = intlOffsetMs(timeZone, hour * HOUR_MS);
    zone.set(hour, offset);
  }
  return offset;
}

/** The offset at `ms` as Intl reads it: the source of truth the cache above is filled from. */
function intlOffsetMs(timeZone: string, ms: number): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `timeZone` reads the given local time. A time skipped by a
 * spring-forward change resolves to the instant just after the gap; an ambiguous (repeated) time to
 * its first occurrence.
 */
export function localToUtc(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Try the offsets in force a day either side; keep the earliest candidate that reads back exactly.
  const candidates = [zoneOffsetMs(timeZone, wall - DAY_MS), zoneOffsetMs(timeZone, wall + DAY_MS)]
    .map((off) => wall - off)
    .sort((a, b) => a - b);
  for (const c of candidates) {
    if (zoneOffsetMs(timeZone, c) === wall - c) return c;
  }
  // In a gap no instant reads `wall`: move it forward by the gap, as clocks did (02:30 becomes 03:30).
  return wall - zoneOffsetMs(timeZone, wall - DAY_MS);
}

/** Local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(timeZone: string, ms: number): string {
  const p = localParts(timeZone, ms);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
}

/** Start of the local day containing `ms`, as an instant. */
export function startOfLocalDay(timeZone: string, ms: number): number {
  const p = localParts(timeZone, ms);
  return localToUtc(timeZone, p.year, p.month, p.day);
}

/** Parses YYYY-MM-DD strictly (real calendar dates only). */
export function parseIsoDate(s: string): { year: number; month: number; day: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return undefined;
  return { year, month, day };
}

/** The years a date that a person types may name: anything else is a slip of the keyboard. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

/**
 * Why a date a person typed cannot be used, worded to follow its option's name ("Option `from`: …"), or
 * undefined when it is a real calendar date (YYYY-MM-DD) in the years FIRST_YEAR to LAST_YEAR.
 */
export function dateProblem(s: string): string | undefined {
  const d = parseIsoDate(s);
  if (!d) return `"${sanitizeText(s)}" is not a date (YYYY-MM-DD)`;
  if (d.year < FIRST_YEAR || d.year > LAST_YEAR)
    return `${s} is outside the years ${FIRST_YEAR} to ${LAST_YEAR}`;
  return undefined;
}

/** 'YYYY-MM-DD HH:MM:SS' in UTC, the form DATETIME columns take. */
export function toSqlDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export function toSqlDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The calendar date `n` days after a YYYY-MM-DD date (`n` may be negative). */
export function addDays(date: string, n: number): string {
  const d = parseIsoDate(date);
  if (!d) throw new Error(`not a date: ${date}`);
  return new Date(Date.UTC(d.year, d.month - 1, d.day + n)).toISOString().slice(0, 10);
}

/** The instant at which a local date (YYYY-MM-DD) reaches `hour:minute` on the wall clock (midnight by default). */
export function atLocal(timeZone: string, date: string, hour = 0, minute = 0): number {
  const d = parseIsoDate(date);
  if (!d) throw new Error(`not a date: ${date}`);
  return localToUtc(timeZone, d.year, d.month, d.day, hour, minute);
}

/** The local calendar dates (YYYY-MM-DD) that [from, to) touches, in order. */
export function localDatesBetween(timeZone: string, from: number, to: number): string[] {
  const dates: string[] = [];
  for (let date = localDate(timeZone, from); atLocal(timeZone, date) < to; date = addDays(date, 1))
    dates.push(date);
  return dates;
}

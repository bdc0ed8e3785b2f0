import { describe, expect, it } from 'vitest';
import {
  FIRST_YEAR,
  HOUR_MS,
  LAST_YEAR,
  dateProblem,
  localDate,
  localParts,
  localToUtc,
  parseIsoDate,
  startOfLocalDay,
  zoneOffsetMs,
} from '../../src/core/time.ts';

const NY = 'America/New_York';

describe('localToUtc', () => {
  it('on an ordinary day, applies the standard offset', () => {
    expect(new Date(localToUtc(NY, 2026, 1, 15, 7)).toISOString()).toBe('2026-01-15T12:00:00.000Z');
    expect(new Date(localToUtc(NY, 2026, 7, 15, 7)).toISOString()).toBe('2026-07-15T11:00:00.000Z');
  });

  it('on the spring-forward day, the local day is 23 hours long', () => {
    const start = localToUtc(NY, 2026, 3, 8);
    const next = localToUtc(NY, 2026, 3, 9);
    expect((next - start) / HOUR_MS).toBe(23);
  });

  it('on the fall-back day, the local day is 25 hours long', () => {
    expect((localToUtc(NY, 2026, 11, 2) - localToUtc(NY, 2026, 11, 1)) / HOUR_MS).toBe(25);
  });

  it('for a time skipped by spring-forward, lands just after the gap', () => {
    expect(new Date(localToUtc(NY, 2026, 3, 8, 2, 30)).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(localParts(NY, localToUtc(NY, 2026, 3, 8, 2, 30)).hour).toBe(3);
  });

  it('for a repeated time on fall-back, takes the first occurrence', () => {
    expect(new Date(localToUtc(NY, 2026, 11, 1, 1, 30)).toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('local dates', () => {
  it('late evening UTC is still the previous day in New York', () => {
    expect(localDate(NY, Date.parse('2026-01-16T03:00:00Z'))).toBe('2026-01-15');
    expect(new Date(startOfLocalDay(NY, Date.parse('2026-01-16T03:00:00Z'))).toISOString()).toBe(
      '2026-01-15T05:00:00.000Z',
    );
  });

  it('parseIsoDate accepts real dates only', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2026-02-29')).toBeUndefined();
    expect(parseIsoDate('2026-1-5')).toBeUndefined();
  });
});

describe('zone offsets (looked up once per hour)', () => {
  /** The wall clock as Intl reads it at `ms`, independently of the module's cache. */
  function intlReading(timeZone: string, ms: number): string {
    const f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
  }
  const reading = (timeZone: string, ms: number) => {
    const p = localParts(timeZone, ms);
    const two = (n: number) => String(n).padStart(2, '0');
    return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
  };
  // Whole-hour, half-hour (Lord Howe's 30-minute change, Newfoundland) and 45-minute (Nepal) zones.
  const ZONES = [NY, 'Europe/London', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kathmandu', 'UTC'];

  it('matches Intl minute by minute across every change of 2026, in zones of every offset kind', () => {
    for (const zone of ZONES) {
      let previous = zoneOffsetMs(zone, Date.UTC(2026, 0, 1));
      for (let hour = Date.UTC(2026, 0, 1); hour < Date.UTC(2027, 0, 1); hour += HOUR_MS) {
        const offset = zoneOffsetMs(zone, hour + HOUR_MS - 1000);
        if (offset === previous) continue;
        // The offset changed within this hour: every minute (and second around it) must read right.
        for (let ms = hour - HOUR_MS; ms < hour + 2 * HOUR_MS; ms += 60_000) {
          expect(reading(zone, ms), `${zone} at ${new Date(ms).toISOString()}`).toBe(intlReading(zone, ms));
          expect(reading(zone, ms - 1000)).toBe(intlReading(zone, ms - 1000));
        }
        previous = offset;
      }
    }
  });

  it('matches Intl at random instants from 1900 to 2100, weekday included', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const from = Date.UTC(FIRST_YEAR, 0, 1);
    const to = Date.UTC(LAST_YEAR, 11, 31);
    for (let i = 0; i < 2000; i++) {
      const ms = Math.floor(from + next() * (to - from));
      for (const zone of ZONES) {
        expect(reading(zone, ms), `${zone} at ${new Date(ms).toISOString()}`).toBe(intlReading(zone, ms));
        const weekday = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short' }).format(ms);
        expect(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][localParts(zone, ms).weekday]).toBe(weekday);
      }
    }
  });
});

describe('dateProblem', () => {
  it('for the first and last day of every year from 0000 to 9999, accepts exactly 1900 to 2100', () => {
    for (let year = 0; year <= 9999; year++) {
      const inRange = year >= FIRST_YEAR && year <= LAST_YEAR;
      for (const date of [
        `${String(year).padStart(4, '0')}-01-01`,
        `${String(year).padStart(4, '0')}-12-31`,
      ]) {
        const problem = dateProblem(date);
        if ((problem === undefined) !== inRange)
          expect(problem, date).toBe(inRange ? undefined : `${date} is outside the years 1900 to 2100`);
      }
    }
  });

  it('for every day of a leap year and of a common year in range, accepts the real dates only', () => {
    for (const year of [2024, 2026, 1900, 2100]) {
      const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
      for (let month = 1; month <= 12; month++) {
        const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
        for (let day = 1; day <= 31; day++) {
          const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(dateProblem(date) === undefined, date).toBe(day <= days);
        }
      }
    }
  });

  it.each([
    ['9999-12-31', '9999-12-31 is outside the years 1900 to 2100'],
    ['0100-01-01', '0100-01-01 is outside the years 1900 to 2100'],
    ['1899-12-31', '1899-12-31 is outside the years 1900 to 2100'],
    ['2101-01-01', '2101-01-01 is outside the years 1900 to 2100'],
    ['+10000-01-01', '"+10000-01-01" is not a date (YYYY-MM-DD)'],
    ['2026-02-30', '"2026-02-30" is not a date (YYYY-MM-DD)'],
    ['\x1b]0;x\x072026-01-01', '"2026-01-01" is not a date (YYYY-MM-DD)'],
  ])('%j: %s', (date, message) => {
    expect(dateProblem(date)).toBe(message);
  });
});

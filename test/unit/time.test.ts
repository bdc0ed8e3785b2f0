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

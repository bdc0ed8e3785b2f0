import { describe, expect, it } from 'vitest';
import {
  HOUR_MS,
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

import { describe, expect, it } from 'vitest';
import { parseTimes, slotActions, slotsBetween } from '../../src/core/subscription.ts';
import { isUserError } from '../../src/core/errors.ts';
import { HOUR_MS, MINUTE_MS } from '../../src/core/time.ts';

const NY = 'America/New_York';
const iso = (ms: number) => new Date(ms).toISOString();

describe('subscription times', () => {
  it('reads local times in any order, once each, as minutes after midnight', () => {
    expect(parseTimes('19:00, 07:00,7:00')).toEqual([420, 1140]);
  });

  it('refuses a time that is not HH:MM on a 24-hour clock, saying how to write it', () => {
    for (const bad of ['25:00', '7pm', '07:60', '', '1,2']) {
      let err: unknown;
      try {
        parseTimes(bad);
      } catch (e) {
        err = e;
      }
      expect(isUserError(err), bad).toBe(true);
      expect((err as Error).message).toMatch(/^at: /);
    }
  });
});

describe('subscription slots on daylight-saving days (as the daily summary)', () => {
  it('on the spring-forward day, 07:00 and 19:00 come at local time, and 02:30 does not come', () => {
    const spec = { times: [150, 420, 1140], days: 'every' as const };
    const day = slotsBetween(
      spec,
      NY,
      Date.parse('2026-03-08T04:59:00Z'),
      Date.parse('2026-03-09T03:59:00Z'),
    );
    expect(day.map(iso)).toEqual(['2026-03-08T11:00:00.000Z', '2026-03-08T23:00:00.000Z']);
  });

  it('on the fall-back day, a repeated 01:30 comes once, at its first occurrence', () => {
    const spec = { times: [90], days: 'every' as const };
    const day = slotsBetween(
      spec,
      NY,
      Date.parse('2026-11-01T03:59:00Z'),
      Date.parse('2026-11-02T04:59:00Z'),
    );
    expect(day.map(iso)).toEqual(['2026-11-01T05:30:00.000Z']);
  });

  it('weekdays leave out Saturday and Sunday', () => {
    const spec = { times: [420], days: 'weekdays' as const };
    // Friday 2026-12-04 to Monday 2026-12-07, New York
    const slots = slotsBetween(
      spec,
      NY,
      Date.parse('2026-12-04T05:00:00Z'),
      Date.parse('2026-12-07T23:00:00Z'),
    );
    expect(slots.map(iso)).toEqual(['2026-12-04T12:00:00.000Z', '2026-12-07T12:00:00.000Z']);
  });
});

describe('what a run does with the slots it finds', () => {
  const spec = { times: [420, 1140], days: 'every' as const };
  const seven = Date.parse('2026-12-07T12:00:00Z');

  it('delivers a slot just come', () => {
    expect(slotActions(spec, NY, seven - HOUR_MS, seven + 20_000, 0, new Set())).toEqual([
      { slot: seven, action: 'deliver' },
    ]);
  });

  it('catches up the newest slot missed within the catch-up minutes, and records older ones missed', () => {
    const now = seven + 30 * MINUTE_MS;
    const since = seven - 13 * HOUR_MS;
    expect(slotActions(spec, NY, since, now, 60 * MINUTE_MS, new Set())).toEqual([
      { slot: seven - 12 * HOUR_MS, action: 'missed' },
      { slot: seven, action: 'deliver' },
    ]);
  });

  it('records a slot older than the catch-up minutes as missed, not delivered', () => {
    const now = seven + 90 * MINUTE_MS;
    expect(slotActions(spec, NY, seven - HOUR_MS, now, 60 * MINUTE_MS, new Set())).toEqual([
      { slot: seven, action: 'missed' },
    ]);
  });

  it('leaves out slots already settled', () => {
    expect(slotActions(spec, NY, seven - HOUR_MS, seven + 1_000, 0, new Set([seven]))).toEqual([]);
  });
});

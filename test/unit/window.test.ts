import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../src/core/time.ts';
import { localDay, resolveWindow } from '../../src/core/window.ts';

const NY = 'America/New_York';
const NOW = Date.parse('2026-03-15T14:00:00Z');

describe('resolveWindow', () => {
  it('with a rolling window, ends now', () => {
    const w = resolveWindow({ window: '7d' }, '24h', NOW, NY);
    expect(w.to.getTime()).toBe(NOW);
    expect(NOW - w.from.getTime()).toBe(7 * 24 * HOUR_MS);
    expect(w.label).toBe('last 7 days');
  });

  it('without options, uses the fallback', () => {
    expect(resolveWindow({}, '30d', NOW, NY).label).toBe('last 30 days');
  });

  it('with from and to, runs from local midnight of from to local midnight after to', () => {
    const w = resolveWindow({ from: '2026-01-10', to: '2026-01-11' }, '24h', NOW, NY);
    expect(w.from.toISOString()).toBe('2026-01-10T05:00:00.000Z');
    expect(w.to.toISOString()).toBe('2026-01-12T05:00:00.000Z');
  });

  it('across the spring-forward change, is an hour short', () => {
    const w = resolveWindow({ from: '2026-03-07', to: '2026-03-09' }, '24h', NOW, NY);
    expect((w.to.getTime() - w.from.getTime()) / HOUR_MS).toBe(71);
  });

  it('for a fall-back day, covers 25 hours', () => {
    const d = localDay('2026-11-01', NY);
    expect((d.to.getTime() - d.from.getTime()) / HOUR_MS).toBe(25);
  });

  it.each([
    [{ from: '2026-03-09', to: '2026-03-01' }, 'Option `to` (2026-03-01) is before `from` (2026-03-09)'],
    [{ from: '2026-03-01' }, 'Give both `from` and `to`'],
    [{ to: '2026-03-01' }, 'Give both `from` and `to`'],
    [{ window: '7d' as const, from: '2026-03-01', to: '2026-03-02' }, 'either `window` or `from`/`to`'],
    [{ from: '2026-02-30', to: '2026-03-02' }, 'Option `from`: "2026-02-30" is not a date'],
    [{ from: '2020-01-01', to: '2026-03-02' }, 'longer than'],
  ])('rejects %j', (o, message) => {
    expect(() => resolveWindow(o, '24h', NOW, NY)).toThrow(message);
  });
});

describe('dates far out of range', () => {
  it.each([
    [
      { from: '0100-01-01', to: '2026-03-02' },
      'Option `from`: 0100-01-01 is outside the years 1900 to 2100.',
    ],
    [{ from: '2026-03-01', to: '9999-12-31' }, 'Option `to`: 9999-12-31 is outside the years 1900 to 2100.'],
    [
      { from: '9999-12-31', to: '9999-12-31' },
      'Option `from`: 9999-12-31 is outside the years 1900 to 2100.',
    ],
  ])('%j: a usage error that says which years', (o, message) => {
    expect(() => resolveWindow(o, '24h', NOW, NY)).toThrow(
      expect.objectContaining({ code: 'invalid_option', message }),
    );
  });

  it('for a single day, names the date option', () => {
    expect(() => localDay('9999-12-31', NY)).toThrow(
      'Option `date`: 9999-12-31 is outside the years 1900 to 2100.',
    );
  });

  it('at the edges of the range, resolves the local days (the last one ends in 2101)', () => {
    expect(localDay('1900-01-01', 'UTC').from.toISOString()).toBe('1900-01-01T00:00:00.000Z');
    expect(localDay('2100-12-31', NY).to.toISOString()).toBe('2101-01-01T05:00:00.000Z');
    const w = resolveWindow({ from: '2100-12-01', to: '2100-12-31' }, '24h', NOW, NY);
    expect(w.label).toBe('2100-12-01 to 2100-12-31');
  });
});

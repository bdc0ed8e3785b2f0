import { describe, expect, it } from 'vitest';
import { trendsReport, type EventBucket } from '../../../src/core/reports/er-trends.ts';
import { localDate, localDatesBetween } from '../../../src/core/time.ts';
import { resolveWindow } from '../../../src/core/window.ts';

const TZ = 'America/New_York';
const NOW = Date.UTC(2026, 2, 15, 14, 0);
/** The 15-minute bucket that holds an instant. */
const at = (iso: string, n = 1): EventBucket => ({ bucket: Math.floor(Date.parse(iso) / 900_000), n });
// 7 to 9 March 2026: 8 March is the 23-hour day of the US spring-forward change.
const DST_DAYS = resolveWindow({ from: '2026-03-07', to: '2026-03-09' }, '30d', NOW, TZ);

describe('trendsReport', () => {
  it('with no events, lists each day with zero, says so, and draws no chart', () => {
    const r = trendsReport([], 'arrivals', DST_DAYS, false, TZ, NOW);
    expect(r.table?.rows).toEqual([
      ['2026-03-07', 0],
      ['2026-03-08', 0],
      ['2026-03-09', 0],
    ]);
    expect(r.summary).toBe('No ER arrivals from 2026-03-07 to 2026-03-09.');
    expect(r.chart).toBeUndefined();
  });

  it('counts events by local day across the 23-hour day, each at its local midnight boundary', () => {
    const r = trendsReport(
      [
        at('2026-03-08T04:45:00Z', 2), // 23:45 EST on the 7th
        at('2026-03-08T05:00:00Z'), // 00:00 EST on the 8th
        at('2026-03-09T03:45:00Z', 3), // 23:45 EDT on the 8th
        at('2026-03-09T04:00:00Z'), // 00:00 EDT on the 9th
      ],
      'arrivals',
      DST_DAYS,
      false,
      TZ,
      NOW,
    );
    expect(r.title).toBe('ER arrivals per day');
    expect(r.table?.columns).toEqual([{ name: 'date' }, { name: 'arrivals', align: 'right', count: true }]);
    expect(r.table?.rows).toEqual([
      ['2026-03-07', 2],
      ['2026-03-08', 4],
      ['2026-03-09', 1],
    ]);
    expect(r.summary).toBe('7 arrivals over 3 days; 2.3 a day on average.');
    expect(r.chart?.config.type).toBe('line');
    expect(r.chart?.config.data.datasets[0]?.data).toEqual([2, 4, 1]);
    expect(r.footer).toBe('2026-03-07 to 2026-03-09 · as of 2026-03-15 10:00 America/New_York');
  });

  it('over a rolling window, says the first and last days are partial', () => {
    const week = resolveWindow({}, '7d', NOW, TZ);
    const r = trendsReport([at('2026-03-14T12:00:00Z')], 'treatments', week, true, TZ, NOW);
    expect(r.table?.rows).toHaveLength(8);
    expect(r.table?.rows[0]).toEqual(['2026-03-08', 0]);
    expect(r.table?.rows[7]).toEqual(['2026-03-15', 0]);
    expect(r.summary).toBe(
      '1 treatment over 8 days; 0.1 a day on average (the first and last days are partial).',
    );
  });

  it('over a year spanning both daylight-saving changes, counts each bucket on the same local day as a per-bucket time-zone lookup', () => {
    const year = resolveWindow({ from: '2025-06-01', to: '2026-05-31' }, '30d', NOW, TZ);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const first = Math.ceil(year.from.getTime() / 900_000);
    const last = Math.floor((year.to.getTime() - 1) / 900_000);
    const buckets: EventBucket[] = [];
    for (let b = first; b <= last; b++)
      if (random() < 0.3) buckets.push({ bucket: b, n: 1 + Math.floor(random() * 4) });
    const expected = new Map(
      localDatesBetween(TZ, year.from.getTime(), year.to.getTime()).map((d) => [d, 0]),
    );
    for (const b of buckets) {
      const day = localDate(TZ, b.bucket * 900_000);
      expected.set(day, (expected.get(day) ?? 0) + b.n);
    }
    const r = trendsReport(buckets, 'arrivals', year, false, TZ, NOW);
    expect(r.table?.rows).toEqual([...expected]);
    expect(r.table?.rows).toHaveLength(365);
  });
});

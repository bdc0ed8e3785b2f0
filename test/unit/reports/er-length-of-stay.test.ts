import { describe, expect, it } from 'vitest';
import { lengthOfStayReport, MAX_POINTS, type Stay } from '../../../src/core/reports/er-length-of-stay.ts';
import { median, percentile, round1 } from '../../../src/core/stats.ts';

const TZ = 'America/New_York';
const NOW = Date.UTC(2026, 2, 15, 14, 0);
const MONTH = { label: 'last 30 days', phrase: 'in the last 30 days' };

describe('lengthOfStayReport', () => {
  it('with no completed visits, says so, with no age bands and no chart', () => {
    const r = lengthOfStayReport([], MONTH, TZ, NOW);
    expect(r.summary).toBe('No completed ER visits that arrived in the last 30 days.');
    expect(r.table?.rows).toEqual([]);
    expect(r.chart).toBeUndefined();
  });

  it('gives each age band its visits, median and 90th percentile in hours, empty bands included', () => {
    const r = lengthOfStayReport(
      [
        { age: 17, minutes: 60 },
        { age: 0, minutes: 180 },
        { age: 18, minutes: 90 },
        { age: 80, minutes: 600 },
      ],
      MONTH,
      TZ,
      NOW,
    );
    expect(r.table?.rows).toEqual([
      ['0-17', 2, 2, 2.8],
      ['18-44', 1, 1.5, 1.5],
      ['45-64', 0, null, null],
      ['65-79', 0, null, null],
      ['80+', 1, 10, 10],
    ]);
    expect(r.summary).toBe('4 completed visits; median stay 2.3 h, 90th percentile 7.9 h.');
    expect(r.chart?.config.data.datasets[0]?.data).toEqual([
      { x: 17, y: 1 },
      { x: 0, y: 3 },
      { x: 18, y: 1.5 },
      { x: 80, y: 10 },
    ]);
    expect(r.chart?.config.options?.plugins).toMatchObject({
      title: { text: 'Age against length of stay (last 30 days)' },
    });
  });

  it('beyond the chart cap, draws an even sample and says which visits', () => {
    const stays: Stay[] = Array.from({ length: MAX_POINTS + 1 }, (_, i) => ({ age: i % 90, minutes: 120 }));
    const r = lengthOfStayReport(stays, MONTH, TZ, NOW);
    expect(r.chart?.config.data.datasets[0]?.data).toHaveLength(Math.ceil((MAX_POINTS + 1) / 2));
    expect(r.chart?.config.options?.plugins).toMatchObject({
      title: { text: 'Age against length of stay (last 30 days, every 2th visit)' },
    });
    expect(r.summary).toBe('1,501 completed visits; median stay 2 h, 90th percentile 2 h.');
  });

  it('on 20,000 random stays, gives every band and the summary the figures of sorting each band on its own', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const stays: Stay[] = Array.from({ length: 20_000 }, () => ({
      age: Math.floor(random() * 105),
      minutes: Math.floor(random() * 2000),
    }));
    const bands: [string, number, number][] = [
      ['0-17', 0, 17],
      ['18-44', 18, 44],
      ['45-64', 45, 64],
      ['65-79', 65, 79],
      ['80+', 80, 200],
    ];
    const r = lengthOfStayReport(stays, MONTH, TZ, NOW);
    expect(r.table?.rows).toEqual(
      bands.map(([band, lo, hi]) => {
        const h = stays.filter((s) => s.age >= lo && s.age <= hi).map((s) => s.minutes / 60);
        return [band, h.length, round1(median(h)), round1(percentile(h, 90))];
      }),
    );
    const all = stays.map((s) => s.minutes / 60);
    expect(r.summary).toBe(
      `20,000 completed visits; median stay ${round1(median(all))} h, 90th percentile ${round1(percentile(all, 90))} h.`,
    );
  });
});

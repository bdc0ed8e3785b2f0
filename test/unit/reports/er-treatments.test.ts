import { describe, expect, it } from 'vitest';
import { treatmentsReport } from '../../../src/core/reports/er-treatments.ts';

const TZ = 'America/New_York';
const NOW = Date.UTC(2026, 2, 10, 12, 0);
const WEEK = { label: 'last 7 days', phrase: 'in the last 7 days' };

describe('treatmentsReport', () => {
  it('with no treatments, says so and draws no chart', () => {
    const r = treatmentsReport([], WEEK, TZ, NOW);
    expect(r.summary).toBe('No ER treatments in the last 7 days.');
    expect(r.table?.rows).toEqual([]);
    expect(r.chart).toBeUndefined();
  });

  it('ranks types as given, with each share to one decimal, and charts the counts', () => {
    const r = treatmentsReport(
      [
        { type: 'Medication', n: 2 },
        { type: 'Casting', n: 1 },
      ],
      WEEK,
      TZ,
      NOW,
    );
    expect(r.summary).toBe('3 treatments in the last 7 days; most common: Medication.');
    expect(r.table?.rows).toEqual([
      ['Medication', 2, 66.7],
      ['Casting', 1, 33.3],
    ]);
    expect(r.chart?.config.data.labels).toEqual(['Medication', 'Casting']);
    expect(r.chart?.config.data.datasets[0]?.data).toEqual([2, 1]);
    expect(r.chart?.config.options).toMatchObject({
      plugins: { title: { text: 'ER treatments by type (last 7 days)' } },
    });
  });

  it('with a single treatment, says "1 treatment"', () => {
    const r = treatmentsReport([{ type: 'Surgery', n: 1 }], WEEK, TZ, NOW);
    expect(r.summary).toBe('1 treatment in the last 7 days; most common: Surgery.');
    expect(r.table?.rows).toEqual([['Surgery', 1, 100]]);
  });
});

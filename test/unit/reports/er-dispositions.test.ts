import { describe, expect, it } from 'vitest';
import { dispositionsReport } from '../../../src/core/reports/er-dispositions.ts';

const TZ = 'America/New_York';
const NOW = Date.UTC(2026, 2, 15, 14, 0);
const WEEK = { label: 'last 7 days', phrase: 'in the last 7 days' };

describe('dispositionsReport', () => {
  it('with no decisions, says so, has no rows and no chart', () => {
    const r = dispositionsReport([], WEEK, TZ, NOW);
    expect(r.summary).toBe('No disposition decisions in the last 7 days.');
    expect(r.table?.rows).toEqual([]);
    expect(r.chart).toBeUndefined();
    expect(r.footer).toBe('last 7 days · as of 2026-03-15 10:00 America/New_York');
  });

  it('lists decisions taken in vocabulary order, a column per patient status with zeros, and a total', () => {
    const r = dispositionsReport(
      [
        { decision: 'Continue Observation', patient_status: 'Worsened', n: 2 },
        { decision: 'Discharge', patient_status: 'Recovered', n: 5 },
        { decision: 'Discharge', patient_status: 'Improved', n: 1 },
      ],
      WEEK,
      TZ,
      NOW,
    );
    expect(r.summary).toBe('8 decisions in the last 7 days.');
    expect(r.table?.columns.map((c) => c.name)).toEqual([
      'decision',
      'Recovered',
      'Improved',
      'Unchanged',
      'Worsened',
      'total',
    ]);
    expect(r.table?.rows).toEqual([
      ['Discharge', 5, 1, 0, 0, 6],
      ['Continue Observation', 0, 0, 0, 2, 2],
    ]);
    expect(r.chart?.config.data.labels).toEqual(['Discharge', 'Continue Observation']);
    expect(r.chart?.config.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Recovered', [5, 0]],
      ['Improved', [1, 0]],
      ['Unchanged', [0, 0]],
      ['Worsened', [0, 2]],
    ]);
  });

  it('a single decision reads in the singular', () => {
    const r = dispositionsReport(
      [{ decision: 'Discharge', patient_status: 'Recovered', n: 1 }],
      WEEK,
      TZ,
      NOW,
    );
    expect(r.summary).toBe('1 decision in the last 7 days.');
  });
});

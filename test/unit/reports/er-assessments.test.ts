import { describe, expect, it } from 'vitest';
import { assessmentsReport } from '../../../src/core/reports/er-assessments.ts';

const TZ = 'America/New_York';
const NOW = Date.UTC(2026, 2, 15, 14, 0);
const MONTH = { label: 'last 30 days', phrase: 'in the last 30 days' };

describe('assessmentsReport', () => {
  it('with no assessments, says so, with no rows and no chart', () => {
    const r = assessmentsReport([], MONTH, TZ, NOW);
    expect(r.summary).toBe('No paramedic assessments in the last 30 days.');
    expect(r.table?.rows).toEqual([]);
    expect(r.chart).toBeUndefined();
  });

  it('gives the share of patients per count and the average per assessed patient to two decimals', () => {
    const r = assessmentsReport(
      [
        { assessments: 1, patients: 2 },
        { assessments: 2, patients: 1 },
      ],
      MONTH,
      TZ,
      NOW,
    );
    expect(r.summary).toBe('4 assessments of 3 patients: 1.33 per assessed patient on average.');
    expect(r.table?.rows).toEqual([
      [1, 2, 66.7],
      [2, 1, 33.3],
    ]);
    expect(r.chart?.config.data.labels).toEqual(['1', '2']);
    expect(r.chart?.config.data.datasets[0]?.data).toEqual([2, 1]);
    expect(r.footer).toBe('last 30 days · as of 2026-03-15 10:00 America/New_York');
  });
});

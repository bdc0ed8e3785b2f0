import { describe, expect, it } from 'vitest';
import { censusReport } from '../../../src/core/reports/er-census.ts';

const TZ = 'America/New_York';
const NOW = Date.UTC(2026, 2, 15, 14, 0);
const hoursAgo = (h: number) => new Date(NOW - h * 3_600_000);

describe('censusReport', () => {
  it('with nobody in the ER, says so and has no rows', () => {
    const r = censusReport([], [], TZ, NOW);
    expect(r.summary).toBe('Nobody is in the ER right now.');
    expect(r.table?.rows).toEqual([]);
    expect(r.footer).toBe('as of 2026-03-15 10:00 America/New_York');
  });

  it('a row per condition present, most critical first, with triage counts and the longest wait', () => {
    const r = censusReport(
      [
        { condition: 'stable', triage_level: 5, patients: 3, earliest: hoursAgo(1) },
        { condition: 'critical', triage_level: 1, patients: 1, earliest: hoursAgo(0.5) },
        { condition: 'critical', triage_level: 2, patients: 2, earliest: hoursAgo(2.25) },
      ],
      [
        {
          arrived_at: hoursAgo(2.25),
          condition_on_arrival: 'critical',
          triage_level: 2,
          reason: 'chest pain',
        },
        { arrived_at: hoursAgo(1), condition_on_arrival: 'stable', triage_level: 5, reason: 'sprain' },
      ],
      TZ,
      NOW,
    );
    expect(r.table?.columns.map((c) => c.name)).toEqual([
      'condition',
      'patients',
      'ESI 1',
      'ESI 2',
      'ESI 3',
      'ESI 4',
      'ESI 5',
      'longest h',
    ]);
    expect(r.table?.rows).toEqual([
      ['critical', 3, 1, 2, 0, 0, 0, 2.3],
      ['stable', 3, 0, 0, 0, 0, 3, 1],
    ]);
    expect(r.summary).toBe(
      '6 patients in the ER. Longest waits: 2.3 h (critical, ESI 2, chest pain); 1 h (stable, ESI 5, sprain).',
    );
  });
});

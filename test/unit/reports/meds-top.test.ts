import { describe, expect, it } from 'vitest';
import { medsTopReport, windowDates, type MedicationCount } from '../../../src/core/reports/meds-top.ts';
import { localDay } from '../../../src/core/window.ts';

const TZ = 'America/New_York';
const NOW = Date.parse('2026-03-15T14:00:00Z');
const W = { label: 'last 30 days', phrase: 'in the last 30 days' };
const med = (name: string, prescriptions: number): MedicationCount => ({
  name,
  form: 'tablet',
  strength: '10 mg',
  prescriptions,
  patients: prescriptions - 1,
});

describe('windowDates', () => {
  it('for the 23-hour spring-forward day, is that one local date', () => {
    expect(windowDates(localDay('2026-03-08', TZ), TZ)).toEqual(['2026-03-08', '2026-03-08']);
  });

  it('for the 25-hour fall-back day, is that one local date', () => {
    expect(windowDates(localDay('2026-11-01', TZ), TZ)).toEqual(['2026-11-01', '2026-11-01']);
  });

  it('for a rolling window, runs from the local date of its start to the local date of now', () => {
    const w = { from: new Date(NOW - 7 * 86_400_000), to: new Date(NOW) };
    expect(windowDates(w, TZ)).toEqual(['2026-03-08', '2026-03-15']);
  });
});

describe('medsTopReport', () => {
  it('with no prescriptions started, says so and draws no chart', () => {
    const r = medsTopReport([], W, TZ, NOW);
    expect(r.summary).toBe('No prescriptions started in the last 30 days.');
    expect(r.table?.rows).toEqual([]);
    expect(r.chart).toBeUndefined();
    expect(r.footer).toBe('last 30 days · as of 2026-03-15 10:00 America/New_York');
  });

  it('tabulates each medication and charts the prescriptions under the same labels', () => {
    const r = medsTopReport([med('Lisinopril', 9), med('Metformin', 4)], W, TZ, NOW);
    expect(r.summary).toBe('Top 2 by prescriptions started in the last 30 days.');
    expect(r.table?.rows).toEqual([
      ['Lisinopril 10 mg', 'tablet', 9, 8],
      ['Metformin 10 mg', 'tablet', 4, 3],
    ]);
    expect(r.chart?.config.type).toBe('bar');
    expect(r.chart?.config.data.labels).toEqual(['Lisinopril 10 mg', 'Metformin 10 mg']);
    expect(r.chart?.config.data.datasets.map((d) => d.data)).toEqual([[9, 4]]);
    expect(JSON.stringify(r.chart?.config.options)).toContain('Most-prescribed medications (last 30 days)');
  });
});

import { describe, expect, it } from 'vitest';
import { frequentReport, type FrequentPatient } from '../../../src/core/reports/patient-frequent.ts';

const TZ = 'America/New_York';
const NOW = Date.parse('2026-03-15T14:00:00Z');
const W = { label: 'last 30 days', phrase: 'in the last 30 days' };
const row = (mrn: string, treatments: number, o: Partial<FrequentPatient> = {}): FrequentPatient => ({
  mrn,
  first_name: 'Ann',
  last_name: 'Lee',
  treatments,
  average: 1.5,
  treated: 12,
  total: 2,
  ...o,
});

describe('frequentReport', () => {
  it('with nobody above the average, says so for the window', () => {
    const r = frequentReport([], W, TZ, NOW);
    expect(r.summary).toBe('No patient had more ER treatments than average in the last 30 days.');
    expect(r.table?.rows).toEqual([]);
    expect(r.table?.totalRows).toBe(0);
    expect(r.footer).toBe('last 30 days · as of 2026-03-15 10:00 America/New_York');
  });

  it('gives the average to two decimals and how many patients were treated', () => {
    const r = frequentReport([row('MRN1', 4), row('MRN2', 2)], W, TZ, NOW);
    expect(r.summary).toBe(
      '2 patients had more than the average of 1.50 ER treatments per treated patient (12 patients treated).',
    );
    expect(r.table?.rows).toEqual([
      ['MRN1', 'Ann Lee', 4],
      ['MRN2', 'Ann Lee', 2],
    ]);
  });

  it('with one patient treated, reads in the singular', () => {
    const r = frequentReport([row('MRN1', 3, { average: 1, treated: 1, total: 1 })], W, TZ, NOW);
    expect(r.summary).toBe(
      '1 patient had more than the average of 1.00 ER treatments per treated patient (1 patient treated).',
    );
  });

  it('with a result cut at the cap, says how many are shown', () => {
    const r = frequentReport([row('MRN1', 9, { total: 340 })], W, TZ, NOW);
    expect(r.summary).toMatch(/ \(1 of 340 shown\)\.$/);
    expect(r.table?.totalRows).toBe(340);
  });
});

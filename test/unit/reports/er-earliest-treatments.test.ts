import { describe, expect, it } from 'vitest';
import { earliestTreatmentsReport } from '../../../src/core/reports/er-earliest-treatments.ts';

const TZ = 'America/New_York';
const NOW = Date.UTC(2026, 2, 10, 12, 0);

describe('earliestTreatmentsReport', () => {
  it('with no treatment of the type, says so and names no patient', () => {
    const r = earliestTreatmentsReport('Casting', [], new Map(), TZ, NOW);
    expect(r.title).toBe('Earliest Casting treatments');
    expect(r.summary).toBe('No Casting treatment on record.');
    expect(r.table?.rows).toEqual([]);
    expect(r.patientIds).toEqual([]);
    expect(r.footer).toBe('all time · as of 2026-03-10 08:00 America/New_York');
  });

  it('shows each patient by MRN and name, an unknown one by id, and names every patient shown', () => {
    const r = earliestTreatmentsReport(
      'Surgery',
      [
        { _id: 31, patientId: 4, performedAt: new Date('2024-01-02T15:05:00Z'), outcome: 'Stabilized' },
        { _id: 35, patientId: 7, performedAt: new Date('2024-07-02T15:05:00Z'), outcome: 'Healing' },
      ],
      new Map([[4, { mrn: 'MRN0000004', first_name: 'Ann', last_name: 'Lee' }]]),
      TZ,
      NOW,
    );
    expect(r.summary).toBe('The first 2 treatments of type Surgery on record.');
    expect(r.table?.rows).toEqual([
      ['2024-01-02 10:05', 'MRN0000004', 'Ann Lee', 'Stabilized', 31],
      ['2024-07-02 11:05', '-', 'patient 7', 'Healing', 35],
    ]);
    expect(r.patientIds).toEqual([4, 7]);
  });

  it('with one treatment, says "1 treatment"', () => {
    const r = earliestTreatmentsReport(
      'Medication',
      [{ _id: 1, patientId: 2, performedAt: new Date('2024-01-02T15:05:00Z'), outcome: 'Improved' }],
      new Map(),
      TZ,
      NOW,
    );
    expect(r.summary).toBe('The first 1 treatment of type Medication on record.');
  });
});

import { describe, expect, it } from 'vitest';
import {
  recentTreatmentsReport,
  type LatestTreatment,
} from '../../../src/core/reports/er-recent-treatments.ts';

const TZ = 'America/New_York';
const NOW = Date.UTC(2026, 2, 10, 12, 0);
const DAY = { label: 'last 24 hours', phrase: 'in the last 24 hours' };
const row = (r: Pick<LatestTreatment, 'patient_id' | 'performed_at' | 'total'>): LatestTreatment => ({
  mrn: `MRN${String(r.patient_id).padStart(7, '0')}`,
  first_name: 'Bo',
  last_name: `Chen${r.patient_id}`,
  type: 'Oxygen Therapy',
  outcome: 'Recovering',
  ...r,
});

describe('recentTreatmentsReport', () => {
  it('with no treatments, says so and names no patient', () => {
    const r = recentTreatmentsReport([], DAY, TZ, NOW);
    expect(r.summary).toBe('No ER treatments in the last 24 hours.');
    expect(r.table?.rows).toEqual([]);
    expect(r.table?.totalRows).toBe(0);
    expect(r.patientIds).toEqual([]);
  });

  it('cut at the cap, counts every patient treated and names only those shown', () => {
    const r = recentTreatmentsReport(
      [
        row({ patient_id: 12, performed_at: new Date('2026-03-10T11:15:00Z'), total: 5 }),
        row({ patient_id: 3, performed_at: new Date('2026-03-10T02:40:00Z'), total: 5 }),
      ],
      DAY,
      TZ,
      NOW,
    );
    expect(r.summary).toBe('5 patients treated in the last 24 hours (2 of 5 shown).');
    expect(r.table?.totalRows).toBe(5);
    expect(r.table?.rows).toEqual([
      ['2026-03-10 07:15', 'MRN0000012', 'Bo Chen12', 'Oxygen Therapy', 'Recovering'],
      ['2026-03-09 22:40', 'MRN0000003', 'Bo Chen3', 'Oxygen Therapy', 'Recovering'],
    ]);
    expect(r.patientIds).toEqual([12, 3]);
    expect(r.footer).toBe('last 24 hours · as of 2026-03-10 08:00 America/New_York');
  });

  it('with one patient, all shown, says "1 patient" and nothing about a cut', () => {
    const r = recentTreatmentsReport(
      [row({ patient_id: 1, performed_at: new Date('2026-03-10T11:15:00Z'), total: 1 })],
      DAY,
      TZ,
      NOW,
    );
    expect(r.summary).toBe('1 patient treated in the last 24 hours.');
  });
});

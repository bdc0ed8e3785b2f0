import { describe, expect, it } from 'vitest';
import { medsPatientReport, type ActivePrescription } from '../../../src/core/reports/meds-patient.ts';

const TZ = 'America/New_York';
const NOW = Date.parse('2026-03-15T14:00:00Z');
const P = { mrn: 'MRN1000042', first_name: 'Ann', last_name: 'Lee' };
const rx = (o: Partial<ActivePrescription> = {}): ActivePrescription => ({
  name: 'Aspirin',
  form: 'tablet',
  strength: '81 mg',
  dose: '1',
  frequency: 'daily',
  starts_on: new Date('2026-01-05T00:00:00Z'),
  ends_on: null,
  prescriber: 'Dr. Kim',
  ...o,
});

describe('medsPatientReport', () => {
  it('with no active prescription, says so and names the day in the footer', () => {
    const r = medsPatientReport(P, [], '2026-03-15', TZ, NOW);
    expect(r.title).toBe('Active prescriptions of Ann Lee (MRN1000042)');
    expect(r.summary).toBe('No active prescriptions.');
    expect(r.table?.rows).toEqual([]);
    expect(r.footer).toBe('active on 2026-03-15 · as of 2026-03-15 10:00 America/New_York');
  });

  it('shows an open-ended prescription as ongoing and a bounded one with its last day', () => {
    const r = medsPatientReport(
      P,
      [
        rx(),
        rx({
          name: 'Amoxicillin',
          strength: '500 mg',
          form: 'capsule',
          ends_on: new Date('2026-03-20T00:00:00Z'),
        }),
      ],
      '2026-03-15',
      TZ,
      NOW,
    );
    expect(r.summary).toBe('2 active prescriptions.');
    expect(r.table?.rows).toEqual([
      ['Aspirin 81 mg tablet', '1', 'daily', '2026-01-05', 'ongoing', 'Dr. Kim'],
      ['Amoxicillin 500 mg capsule', '1', 'daily', '2026-01-05', '2026-03-20', 'Dr. Kim'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  neverTreatedReport,
  type UntreatedPatient,
} from '../../../src/core/reports/patient-never-treated.ts';

const TZ = 'America/New_York';
const NOW = Date.parse('2026-03-15T14:00:00Z');
const W = { label: '2026-03-08', phrase: 'on 2026-03-08' };
const row = (mrn: string, total: number): UntreatedPatient => ({
  mrn,
  first_name: 'Ann',
  last_name: 'Lee',
  visits: 2,
  last_arrival: new Date('2026-03-08T07:15:00Z'),
  total,
});

describe('neverTreatedReport', () => {
  it('with nobody left out, says everyone seen had the treatment or nobody was seen', () => {
    const r = neverTreatedReport('Surgery', [], W, TZ, NOW);
    expect(r.title).toBe('ER patients never given Surgery');
    expect(r.summary).toBe(
      'Every patient seen in the ER on 2026-03-08 has had Surgery at some time, or nobody was seen.',
    );
    expect(r.table?.rows).toEqual([]);
    expect(r.footer).toBe('2026-03-08 · as of 2026-03-15 10:00 America/New_York');
  });

  it('lists each patient with visits and last arrival in local time', () => {
    const r = neverTreatedReport('Oxygen Therapy', [row('MRN1', 1)], W, TZ, NOW);
    expect(r.summary).toBe('1 patient seen in the ER on 2026-03-08 never received Oxygen Therapy.');
    expect(r.table?.rows).toEqual([['MRN1', 'Ann Lee', 2, '2026-03-08 03:15']]);
  });

  it('with a result cut at the cap, counts every patient and says how many are shown', () => {
    const r = neverTreatedReport('Casting', [row('MRN1', 250), row('MRN2', 250)], W, TZ, NOW);
    expect(r.summary).toBe(
      '250 patients seen in the ER on 2026-03-08 never received Casting (2 of 250 shown).',
    );
    expect(r.table?.totalRows).toBe(250);
  });
});

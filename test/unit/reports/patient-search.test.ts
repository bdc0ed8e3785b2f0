import { describe, expect, it } from 'vitest';
import { searchReport, type FoundPatient } from '../../../src/core/reports/patient-search.ts';

const TZ = 'America/New_York';
const NOW = Date.UTC(2026, 2, 10, 12, 0);
const found = (mrn: string, total: number, o: Partial<FoundPatient> = {}): FoundPatient => ({
  mrn,
  first_name: 'Ann',
  last_name: 'Lee',
  date_of_birth: new Date('1980-04-02T00:00:00Z'),
  phone: '555-0100',
  contact: 'Bo Lee (spouse) 555-0101',
  total,
  ...o,
});

describe('searchReport', () => {
  it('with no match, says which text matched nothing and has an empty table', () => {
    const r = searchReport('zz', [], TZ, NOW);
    expect(r.title).toBe('Patients matching "zz"');
    expect(r.summary).toBe('No patient\'s first or last name contains "zz".');
    expect(r.table?.rows).toEqual([]);
    expect(r.table?.totalRows).toBe(0);
  });

  it('with one match, shows the patient with contact details and no "shown" count', () => {
    const r = searchReport('lee', [found('MRN1', 1, { phone: null, contact: null })], TZ, NOW);
    expect(r.summary).toBe('1 patient found.');
    expect(r.table?.rows).toEqual([['MRN1', 'Ann Lee', '1980-04-02', null, null]]);
    expect(r.footer).toBe('as of 2026-03-10 08:00 America/New_York');
  });

  it('with a result cut at the cap, counts every match and says how many are shown', () => {
    const r = searchReport('an', [found('MRN1', 1250), found('MRN2', 1250)], TZ, NOW);
    expect(r.summary).toBe('1,250 patients found (2 of 1250 shown).');
    expect(r.table?.rows).toHaveLength(2);
    expect(r.table?.totalRows).toBe(1250);
  });
});

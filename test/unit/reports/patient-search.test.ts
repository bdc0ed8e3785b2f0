import { describe, expect, it } from 'vitest';
import {
  SEARCH_LIMIT,
  searchListed,
  searchReport,
  type FoundPatient,
} from '../../../src/core/reports/patient-search.ts';

const TZ = 'America/New_York';
const NOW = Date.UTC(2026, 2, 10, 12, 0);
const found = (mrn: string, total: number, o: Partial<FoundPatient> = {}): FoundPatient => ({
  mrn,
  first_name: 'Ann',
  last_name: 'Lee',
  date_of_birth: new Date('1980-04-02T00:00:00Z'),
  total,
  ...o,
});

describe('searchReport', () => {
  it('with no match, says which text matched nothing and has an empty table', () => {
    const r = searchReport('zz', [], TZ, NOW);
    expect(r.title).toBe('Patients matching "zz"');
    expect(r.summary).toBe('No patient\'s first or last name contains "zz".');
    expect(r.table?.rows).toEqual([]);
  });

  it('with one match, shows identifiers only: MRN, name and year of birth', () => {
    const r = searchReport('lee', [found('MRN1', 1)], TZ, NOW);
    expect(r.summary).toBe("1 patient found. /patient lookup shows one patient's contact details.");
    expect(r.table?.columns.map((c) => c.name)).toEqual(['MRN', 'name', 'born']);
    expect(r.table?.rows).toEqual([['MRN1', 'Ann Lee', 1980]]);
    expect(r.footer).toBe('as of 2026-03-10 08:00 America/New_York');
  });

  it('at the limit, lists every match', () => {
    const rows = Array.from({ length: SEARCH_LIMIT }, (_, i) => found(`MRN${i}`, SEARCH_LIMIT));
    expect(searchReport('an', rows, TZ, NOW).table?.rows).toHaveLength(SEARCH_LIMIT);
    expect(searchListed(rows)).toHaveLength(SEARCH_LIMIT);
  });

  it('past the limit, lists nobody, says how many matched and asks for a narrower term', () => {
    const rows = Array.from({ length: SEARCH_LIMIT + 1 }, (_, i) => found(`MRN${i}`, 1250));
    const r = searchReport('an', rows, TZ, NOW);
    expect(r.summary).toBe(
      '1,250 patients match "an": more than 25, so none are listed. Use a longer part of the name, or /patient lookup with the MRN.',
    );
    expect(r.table?.rows).toEqual([]);
    expect(searchListed(rows)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { workloadReport, type WorkloadEntry } from '../../../src/core/reports/staff-workload.ts';

const TZ = 'America/New_York';
const NOW = Date.UTC(2026, 2, 10, 12, 0);
const WEEK = { label: 'last 7 days', phrase: 'in the last 7 days' };
const person = (name: string, patients: number, treatments = patients): WorkloadEntry => {
  const [first_name = '', last_name = ''] = name.split(' ');
  return { first_name, last_name, patients, treatments };
};

describe('workloadReport', () => {
  it('with no treatments in the window, says so and keeps the window in the footer', () => {
    const r = workloadReport([], 'physician', WEEK, TZ, NOW);
    expect(r.title).toBe('Physician workload');
    expect(r.summary).toBe('No ER treatments in the last 7 days.');
    expect(r.table?.rows).toEqual([]);
    expect(r.footer).toBe('last 7 days · as of 2026-03-10 08:00 America/New_York');
  });

  it('names, for each person, the others who treated as many distinct patients, and counts the pairs', () => {
    const r = workloadReport(
      [person('Ann Lee', 9, 14), person('Bo Chen', 5, 6), person('Cy Diaz', 5, 5), person('Di Eng', 2, 2)],
      'physician',
      WEEK,
      TZ,
      NOW,
    );
    expect(r.summary).toBe(
      '4 physicians treated patients in the last 7 days; 1 pair with equal patient counts.',
    );
    expect(r.table?.rows).toEqual([
      ['Ann Lee', 9, 14, '-'],
      ['Bo Chen', 5, 6, 'Cy Diaz'],
      ['Cy Diaz', 5, 5, 'Bo Chen'],
      ['Di Eng', 2, 2, '-'],
    ]);
  });

  it('with more than three peers, lists three and counts the rest', () => {
    const names = ['Al A', 'Bo B', 'Cy C', 'Di D', 'Ed E'];
    const r = workloadReport(
      names.map((n) => person(n, 4)),
      'nurse',
      WEEK,
      TZ,
      NOW,
    );
    expect(r.title).toBe('Nurse workload');
    expect(r.table?.columns[0]).toEqual({ name: 'nurse' });
    expect(r.summary).toBe(
      '5 nurses treated patients in the last 7 days; 10 pairs with equal patient counts.',
    );
    expect(r.table?.rows[0]).toEqual(['Al A', 4, 4, 'Bo B, Cy C, Di D +1']);
    expect(r.table?.rows[4]).toEqual(['Ed E', 4, 4, 'Al A, Bo B, Cy C +1']);
  });

  it('with one person, reads in the singular', () => {
    const r = workloadReport([person('Ann Lee', 1)], 'nurse', WEEK, TZ, NOW);
    expect(r.summary).toBe('1 nurse treated patients in the last 7 days; 0 pairs with equal patient counts.');
  });
});

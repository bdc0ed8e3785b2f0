import { describe, expect, it } from 'vitest';
import { onShiftReport, type OnShiftEntry } from '../../../src/core/reports/staff-on-shift.ts';

const TZ = 'America/New_York';
// 2026-03-08 is the day New York's clocks go forward (02:00 EST -> 03:00 EDT).
const NOW = Date.UTC(2026, 2, 8, 5, 30);

const shift = (s: Partial<OnShiftEntry> & Pick<OnShiftEntry, 'first_name' | 'ends_at'>): OnShiftEntry => ({
  last_name: 'Lee',
  staff_type: 'nurse',
  detail: null,
  department: 'Emergency',
  ...s,
});

describe('onShiftReport', () => {
  it('with nobody on duty in a department, names the department in the title and summary', () => {
    const r = onShiftReport([], 'Emergency', TZ, NOW);
    expect(r.title).toBe('On shift now in Emergency');
    expect(r.summary).toBe('Nobody is on shift in Emergency right now.');
    expect(r.table?.rows).toEqual([]);
  });

  it('with nobody on duty anywhere, names no department', () => {
    const r = onShiftReport([], null, TZ, NOW);
    expect(r.title).toBe('On shift now');
    expect(r.summary).toBe('Nobody is on shift right now.');
  });

  it('lists each person with role, detail and shift end in local time, across the spring-forward hour', () => {
    const r = onShiftReport(
      [
        shift({
          first_name: 'Ann',
          staff_type: 'physician',
          detail: 'Cardiology',
          ends_at: new Date(Date.UTC(2026, 2, 8, 6, 30)),
        }),
        shift({ first_name: 'Bo', detail: 'RN BSN', ends_at: new Date(Date.UTC(2026, 2, 8, 19, 0)) }),
      ],
      null,
      TZ,
      NOW,
    );
    expect(r.summary).toBe('2 people on duty.');
    expect(r.table?.rows).toEqual([
      ['Ann Lee', 'physician', 'Cardiology', 'Emergency', '2026-03-08 01:30'],
      ['Bo Lee', 'nurse', 'RN BSN', 'Emergency', '2026-03-08 15:00'],
    ]);
    expect(r.footer).toBe('as of 2026-03-08 00:30 America/New_York');
  });

  it('with one person in a department, reads in the singular', () => {
    const r = onShiftReport(
      [shift({ first_name: 'Ann', ends_at: new Date(Date.UTC(2026, 2, 8, 12)) })],
      'Emergency',
      TZ,
      NOW,
    );
    expect(r.summary).toBe('1 person on duty in Emergency.');
  });
});

import { describe, expect, it } from 'vitest';
import { dayCountsReport, type AppointmentCount } from '../../../src/core/reports/appointments-day.ts';
import { MAX_ROWS } from '../../../src/core/reply.ts';

const TZ = 'America/New_York';
const NOW = Date.parse('2026-03-15T14:00:00Z');
const count = (starts: string, status: string, n: number, provider = 'Dr. Kim'): AppointmentCount => ({
  starts_at: new Date(starts),
  status,
  department: 'Cardiology',
  provider,
  n,
});

describe('dayCountsReport', () => {
  it('with no appointments and no filter, says the day is empty', () => {
    const r = dayCountsReport('2026-03-16', '', [], TZ, NOW);
    expect(r.title).toBe('Appointments on 2026-03-16');
    expect(r.summary).toBe('No appointments on 2026-03-16.');
    expect(r.table?.rows).toEqual([]);
    expect(r.footer).toBe('2026-03-16 · as of 2026-03-15 10:00 America/New_York');
  });

  it('with no appointments for a filter, names the filter in the title and the summary', () => {
    const r = dayCountsReport('2026-03-16', 'Cardiology, Ann Lee', [], TZ, NOW);
    expect(r.title).toBe('Appointments on 2026-03-16 (Cardiology, Ann Lee)');
    expect(r.summary).toBe('No appointments on 2026-03-16 for Cardiology, Ann Lee.');
  });

  it('on the spring-forward day, counts by local hour either side of the change, provider and status', () => {
    const r = dayCountsReport(
      '2026-03-08',
      '',
      [
        count('2026-03-08T06:30:00Z', 'checked_in', 1),
        count('2026-03-08T06:45:00Z', 'checked_in', 2),
        count('2026-03-08T07:15:00Z', 'checked_in', 1),
        count('2026-03-08T14:00:00Z', 'cancelled', 1),
        count('2026-03-08T14:00:00Z', 'no_show', 1, 'Dr. Ames'),
      ],
      TZ,
      NOW,
    );
    expect(r.summary).toBe(
      '6 appointments, 5 not cancelled, by hour, provider and status. Each appointment with its patient and reason: /appointments schedule (patient-records role).',
    );
    expect(r.table?.columns.map((c) => c.name)).toEqual([
      'hour',
      'provider',
      'department',
      'status',
      'appointments',
    ]);
    expect(r.table?.rows).toEqual([
      ['01:00', 'Dr. Kim', 'Cardiology', 'checked in', 3],
      ['03:00', 'Dr. Kim', 'Cardiology', 'checked in', 1],
      ['10:00', 'Dr. Kim', 'Cardiology', 'cancelled', 1],
      ['10:00', 'Dr. Ames', 'Cardiology', 'no show', 1],
    ]);
    expect(r.publicTable?.rows).toEqual([
      ['checked in', 4],
      ['cancelled', 1],
      ['no show', 1],
    ]);
  });

  it('holds no appointment on its own: no reason, no end time, no patient, whatever the rows', () => {
    const r = dayCountsReport('2026-03-13', '', [count('2026-03-13T14:00:00Z', 'completed', 1)], TZ, NOW);
    expect(r.table?.detail).toBeFalsy();
    expect(r.table?.columns.map((c) => c.name)).not.toContain('reason');
    expect(JSON.stringify(r)).not.toMatch(/10:30|MRN|follow-up/);
  });

  it('with more groups than a reply holds, shows the first ones, says so and counts every appointment', () => {
    const rows = Array.from({ length: MAX_ROWS + 5 }, (_, i) =>
      count('2026-03-13T14:00:00Z', 'scheduled', 2, `Dr. ${String(i).padStart(3, '0')}`),
    );
    const r = dayCountsReport('2026-03-13', '', rows, TZ, NOW);
    expect(r.table?.rows).toHaveLength(MAX_ROWS);
    expect(r.table?.totalRows).toBe(MAX_ROWS + 5);
    expect(r.summary).toContain(`${(2 * (MAX_ROWS + 5)).toLocaleString('en-US')} appointments, `);
    expect(r.summary).toContain(`(the first ${MAX_ROWS} of ${MAX_ROWS + 5} rows shown)`);
  });
});

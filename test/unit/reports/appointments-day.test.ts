import { describe, expect, it } from 'vitest';
import { dayScheduleReport, type ScheduledAppointment } from '../../../src/core/reports/appointments-day.ts';

const TZ = 'America/New_York';
const NOW = Date.parse('2026-03-15T14:00:00Z');
const appt = (starts: string, ends: string, status: string, total: number): ScheduledAppointment => ({
  starts_at: new Date(starts),
  ends_at: new Date(ends),
  status,
  reason: 'follow-up',
  department: 'Cardiology',
  provider: 'Dr. Kim',
  total,
});

describe('dayScheduleReport', () => {
  it('with no appointments and no filter, says the day is empty', () => {
    const r = dayScheduleReport('2026-03-16', '', [], TZ, NOW);
    expect(r.title).toBe('Appointments on 2026-03-16');
    expect(r.summary).toBe('No appointments on 2026-03-16.');
    expect(r.table?.rows).toEqual([]);
    expect(r.footer).toBe('2026-03-16 · as of 2026-03-15 10:00 America/New_York');
  });

  it('with no appointments for a filter, names the filter in the title and the summary', () => {
    const r = dayScheduleReport('2026-03-16', 'Cardiology, Ann Lee', [], TZ, NOW);
    expect(r.title).toBe('Appointments on 2026-03-16 (Cardiology, Ann Lee)');
    expect(r.summary).toBe('No appointments on 2026-03-16 for Cardiology, Ann Lee.');
  });

  it('on the spring-forward day, shows local times either side of the change and counts the not cancelled', () => {
    const r = dayScheduleReport(
      '2026-03-08',
      '',
      [
        appt('2026-03-08T06:30:00Z', '2026-03-08T07:15:00Z', 'checked_in', 2),
        appt('2026-03-08T14:00:00Z', '2026-03-08T14:30:00Z', 'cancelled', 2),
      ],
      TZ,
      NOW,
    );
    expect(r.summary).toBe('2 appointments, 1 not cancelled.');
    expect(r.table?.rows).toEqual([
      ['01:30-03:15', 'Dr. Kim', 'Cardiology', 'checked in', 'follow-up'],
      ['10:00-10:30', 'Dr. Kim', 'Cardiology', 'cancelled', 'follow-up'],
    ]);
  });

  it('with a day cut at the cap, counts the not cancelled among the rows shown', () => {
    const r = dayScheduleReport(
      '2026-03-13',
      '',
      [appt('2026-03-13T14:00:00Z', '2026-03-13T14:30:00Z', 'no_show', 420)],
      TZ,
      NOW,
    );
    expect(r.summary).toBe('420 appointments, 1 not cancelled (1 of 420 shown).');
    expect(r.table?.rows[0]?.[3]).toBe('no show');
    expect(r.table?.totalRows).toBe(420);
  });
});

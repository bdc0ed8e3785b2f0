import { describe, expect, it } from 'vitest';
import {
  dayScheduleReport,
  type ScheduledAppointment,
} from '../../../src/core/reports/appointments-schedule.ts';

const TZ = 'America/New_York';
const NOW = Date.parse('2026-03-15T14:00:00Z');
const appt = (
  starts: string,
  ends: string,
  status: string,
  patientId: number,
  total: number,
): ScheduledAppointment => ({
  starts_at: new Date(starts),
  ends_at: new Date(ends),
  status,
  reason: 'memory assessment',
  provider: 'Dr. Kim',
  patient_id: patientId,
  mrn: `MRN${1000000 + patientId}`,
  first_name: 'Ada',
  last_name: `Patient${patientId}`,
  total,
});

describe('dayScheduleReport', () => {
  it('with no appointments for a filter, names the filter and discloses no patient', () => {
    const r = dayScheduleReport('2026-03-16', 'Cardiology', [], TZ, NOW);
    expect(r.title).toBe('Schedule for 2026-03-16 (Cardiology)');
    expect(r.summary).toBe('No appointments on 2026-03-16 for Cardiology.');
    expect(r.patientIds).toEqual([]);
  });

  it('on the spring-forward day, shows each appointment with its patient and reason and names each patient once', () => {
    const r = dayScheduleReport(
      '2026-03-08',
      '',
      [
        appt('2026-03-08T06:30:00Z', '2026-03-08T07:15:00Z', 'checked_in', 7, 3),
        appt('2026-03-08T14:00:00Z', '2026-03-08T14:30:00Z', 'no_show', 9, 3),
        appt('2026-03-08T15:00:00Z', '2026-03-08T15:30:00Z', 'scheduled', 7, 3),
      ],
      TZ,
      NOW,
    );
    expect(r.summary).toBe('3 appointments.');
    expect(r.table?.rows).toEqual([
      ['01:30-03:15', 'MRN1000007', 'Ada Patient7', 'Dr. Kim', 'checked in', 'memory assessment'],
      ['10:00-10:30', 'MRN1000009', 'Ada Patient9', 'Dr. Kim', 'no show', 'memory assessment'],
      ['11:00-11:30', 'MRN1000007', 'Ada Patient7', 'Dr. Kim', 'scheduled', 'memory assessment'],
    ]);
    expect(r.patientIds).toEqual([7, 9]);
  });

  it('with a day cut at the cap, says how many of the day it shows', () => {
    const r = dayScheduleReport(
      '2026-03-13',
      '',
      [appt('2026-03-13T14:00:00Z', '2026-03-13T14:30:00Z', 'completed', 1, 420)],
      TZ,
      NOW,
    );
    expect(r.summary).toBe('420 appointments (1 of 420 shown).');
    expect(r.table?.totalRows).toBe(420);
  });
});

import { describe, expect, it } from 'vitest';
import {
  patientAppointmentsReport,
  type PatientAppointment,
} from '../../../src/core/reports/appointments-patient.ts';

const TZ = 'America/New_York';
const NOW = Date.parse('2026-03-15T14:00:00Z');
const P = { mrn: 'MRN1000042', first_name: 'Ann', last_name: 'Lee' };
const appt = (starts: string, status: string): PatientAppointment => ({
  starts_at: new Date(starts),
  status,
  reason: 'follow-up',
  department: 'Cardiology',
  provider: 'Dr. Kim',
});

describe('patientAppointmentsReport', () => {
  it('with no appointments, says none are on record', () => {
    const r = patientAppointmentsReport(P, [], [], TZ, NOW);
    expect(r.title).toBe('Appointments of Ann Lee (MRN1000042)');
    expect(r.summary).toBe('No appointments on record.');
    expect(r.table?.rows).toEqual([]);
    expect(r.footer).toBe('as of 2026-03-15 10:00 America/New_York');
  });

  it('lists upcoming appointments before past ones, in local time', () => {
    const r = patientAppointmentsReport(
      P,
      [appt('2026-03-17T13:30:00Z', 'scheduled')],
      [appt('2026-03-08T06:30:00Z', 'no_show'), appt('2026-02-01T15:00:00Z', 'completed')],
      TZ,
      NOW,
    );
    expect(r.summary).toBe('1 upcoming appointment and the 2 most recent ones.');
    expect(r.table?.rows).toEqual([
      ['2026-03-17 09:30', 'upcoming', 'Cardiology', 'Dr. Kim', 'scheduled', 'follow-up'],
      ['2026-03-08 01:30', 'past', 'Cardiology', 'Dr. Kim', 'no show', 'follow-up'],
      ['2026-02-01 10:00', 'past', 'Cardiology', 'Dr. Kim', 'completed', 'follow-up'],
    ]);
  });

  it('with only past appointments, reads "0 upcoming appointments and the 1 most recent one"', () => {
    const r = patientAppointmentsReport(P, [], [appt('2026-03-01T15:00:00Z', 'completed')], TZ, NOW);
    expect(r.summary).toBe('0 upcoming appointments and the 1 most recent one.');
  });
});

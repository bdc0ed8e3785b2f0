import { footer, fullName, plural, when } from '../format.ts';
import type { ReplyBody } from '../reply.ts';

export interface PatientAppointment {
  starts_at: Date;
  status: string;
  reason: string;
  department: string;
  provider: string | null;
}

/** A patient's next appointments, then their most recent ones. */
export function patientAppointmentsReport(
  p: { mrn: string; first_name: string; last_name: string },
  upcoming: readonly PatientAppointment[],
  recent: readonly PatientAppointment[],
  timeZone: string,
  now: number,
): ReplyBody {
  const row = (kind: string) => (a: PatientAppointment) => [
    when(timeZone, a.starts_at),
    kind,
    a.department,
    a.provider,
    a.status.replace('_', ' '),
    a.reason,
  ];
  return {
    title: `Appointments of ${fullName(p)} (${p.mrn})`,
    summary:
      upcoming.length + recent.length === 0
        ? 'No appointments on record.'
        : `${plural(upcoming.length, 'upcoming appointment')} and the ${plural(recent.length, 'most recent one', 'most recent ones')}.`,
    table: {
      columns: [
        { name: 'when' },
        { name: 'kind' },
        { name: 'department' },
        { name: 'provider' },
        { name: 'status' },
        { name: 'reason' },
      ],
      rows: [...upcoming.map(row('upcoming')), ...recent.map(row('past'))],
    },
    footer: footer(timeZone, now),
  };
}

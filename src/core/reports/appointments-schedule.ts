import { footer, fullName, plural, shownOf, timeOfDay } from '../format.ts';
import type { ReplyBody } from '../reply.ts';

/** One appointment of the day with its patient; `total` counts the day's appointments before the cap. */
export interface ScheduledAppointment {
  starts_at: Date;
  ends_at: Date;
  status: string;
  reason: string;
  provider: string;
  patient_id: number;
  mrn: string;
  first_name: string;
  last_name: string;
  total: number;
}

/**
 * A day's schedule appointment by appointment: its time, patient, provider, status and reason. A dated
 * reason is health information about the patient, so this is patient data and names every patient shown.
 * `scope` names the filters ("Cardiology, Ann Lee"), empty when there are none; `date` is the local day.
 */
export function dayScheduleReport(
  date: string,
  scope: string,
  rows: readonly ScheduledAppointment[],
  timeZone: string,
  now: number,
): ReplyBody & { patientIds: number[] } {
  const total = rows[0]?.total ?? 0;
  return {
    title: `Schedule for ${date}${scope ? ` (${scope})` : ''}`,
    summary:
      total === 0
        ? `No appointments on ${date}${scope ? ` for ${scope}` : ''}.`
        : `${plural(total, 'appointment')}${shownOf(rows.length, total)}.`,
    table: {
      columns: [
        { name: 'time' },
        { name: 'MRN' },
        { name: 'patient' },
        { name: 'provider' },
        { name: 'status' },
        { name: 'reason' },
      ],
      rows: rows.map((r) => [
        `${timeOfDay(timeZone, r.starts_at)}-${timeOfDay(timeZone, r.ends_at)}`,
        r.mrn,
        fullName(r),
        r.provider,
        r.status.replace('_', ' '),
        r.reason,
      ]),
      totalRows: total,
    },
    footer: footer(timeZone, now, date),
    patientIds: [...new Set(rows.map((r) => r.patient_id))],
  };
}

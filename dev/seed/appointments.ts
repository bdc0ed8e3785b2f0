/** Care coordination: clinic appointments (with the ER follow-ups booked into them) and their prescriptions. */
import { addDays, DAY_MS, localDate, MINUTE_MS, toSqlDateTime } from '../../src/core/time.ts';
import type { GenerationStep } from './output.ts';
import { slotKey } from './patient-flow.ts';
import { newPatient } from './patients.ts';
import { prescription } from './prescriptions.ts';
import { weekdayOf, type GeneratorState } from './state.ts';
import { APPOINTMENT_REASONS, DEPARTMENTS } from './vocabulary.ts';

export function* makeClinic(g: GeneratorState): Generator<GenerationStep> {
  bookFollowUps(g);
  const horizonEnd = g.end + 30 * DAY_MS;
  const clinicPatients = g.patients.slice();
  for (
    let date = localDate(g.tz, g.start), days = 0;
    g.atLocal(date) < horizonEnd;
    date = addDays(date, 1), days++
  ) {
    yield g.progress('clinic', days, Infinity);
    const weekday = weekdayOf(date);
    if (weekday >= 1 && weekday <= 5) {
      for (const doc of g.clinicPhysicians) {
        const department =
          DEPARTMENTS.find((d) => g.departmentId.get(d) === doc.department) ?? 'Family Medicine';
        const reasons = APPOINTMENT_REASONS[department] ?? ['consultation'];
        for (let slot = 0; slot < 16; slot++) {
          const startsAt = g.atLocal(date, 8 + Math.floor(slot / 2), (slot % 2) * 30);
          if (g.flow.booked.has(slotKey(doc.id, startsAt)) || !g.r.chance(0.55)) continue;
          const endsAt = startsAt + (g.r.chance(0.8) ? 30 : 20) * MINUTE_MS;
          const patient =
            clinicPatients.length > 100 && g.r.chance(0.85)
              ? (clinicPatients[Math.floor(clinicPatients.length * g.r.next() ** 2)] ??
                newPatient(g, startsAt))
              : newPatient(g, Math.min(startsAt, g.end));
          const status = appointmentStatus(g, startsAt, endsAt, department);
          g.add('appointment', [
            g.nextId('appointment'),
            patient.id,
            doc.id,
            doc.department,
            toSqlDateTime(startsAt),
            toSqlDateTime(endsAt),
            status,
            g.r.pick(reasons),
          ]);
          if (status === 'completed' && g.r.chance(0.2)) {
            prescription(g, patient.id, null, doc.id, startsAt, g.r.chance(0.4) ? null : g.r.int(30, 365));
          }
        }
      }
    }
  }
}

/** No-shows and cancellations differ by department, weekday and hour (see appointmentRates). */
function appointmentStatus(
  g: GeneratorState,
  startsAt: number,
  endsAt: number,
  department: string,
  followUp = false,
): string {
  const info = g.localInfo(startsAt);
  const { noShow, cancelled } = appointmentRates(department, info.weekday, info.hour, followUp);
  if (endsAt <= g.end)
    return g.r.weighted([
      ['completed', 100 - noShow - cancelled],
      ['no_show', noShow],
      ['cancelled', cancelled],
    ] as const);
  if (startsAt <= g.end) return 'checked_in';
  return g.r.weighted([
    ['scheduled', 100 - cancelled * 0.6],
    ['cancelled', cancelled * 0.6],
  ] as const);
}

function bookFollowUps(g: GeneratorState): void {
  for (const f of g.flow.followUps) {
    const endsAt = f.startsAt + 30 * MINUTE_MS;
    g.add('appointment', [
      g.nextId('appointment'),
      f.patient.id,
      f.doctor.id,
      f.doctor.department,
      toSqlDateTime(f.startsAt),
      toSqlDateTime(endsAt),
      appointmentStatus(g, f.startsAt, endsAt, f.department, true),
      'ER follow-up',
    ]);
  }
}

/** Relative no-show and cancellation rates: by department, by weekday (Sunday first), by local hour. */
const NO_SHOW_BY_DEPARTMENT: Record<string, number> = {
  Cardiology: 0.9,
  Radiology: 0.6,
  Neurology: 1,
  Orthopedics: 1.1,
  Pediatrics: 1.4,
  'Family Medicine': 1.3,
  'General Surgery': 0.8,
  'Internal Medicine': 1.2,
  Pulmonology: 1.2,
  Oncology: 0.4,
};
const NO_SHOW_BY_WEEKDAY = [1, 1.35, 1, 0.85, 0.95, 1.3, 1];
const CANCELLED_BY_WEEKDAY = [1, 1.2, 0.85, 0.85, 0.9, 1.35, 1];

/** Percentages of no-shows and cancellations for an appointment. */
function appointmentRates(
  department: string,
  weekday: number,
  hour: number,
  followUp: boolean,
): { noShow: number; cancelled: number } {
  const atEdges = hour < 9 || hour >= 16 ? 1.3 : 1;
  const noShow =
    8 *
    (NO_SHOW_BY_DEPARTMENT[department] ?? 1) *
    (NO_SHOW_BY_WEEKDAY[weekday] ?? 1) *
    atEdges *
    (followUp ? 1.4 : 1);
  const cancelled = 11 * (CANCELLED_BY_WEEKDAY[weekday] ?? 1);
  return { noShow, cancelled };
}

/** Patient flow (issue 11): left without being seen, boarding, 72-hour returns, clinic follow-ups. */
import { addDays, HOUR_MS, localDate, MINUTE_MS, toSqlDateTime } from '../../src/core/time.ts';
import type { Condition, TreatmentType } from '../../src/core/vocabulary.ts';
import { ageAt } from './patients.ts';
import { weekdayOf, type GeneratorState, type Patient, type PlannedReturn, type SeenVisit } from './state.ts';

export const slotKey = (doctorId: number, startsAt: number) => `${doctorId}@${startsAt}`;

/** How busy the department is at `at`: arrivals of the last two hours against the average. */
export function noteArrival(g: GeneratorState, at: number): number {
  const recent = g.flow.recent;
  recent.push(at);
  while (recent.length > 0 && (recent[0] ?? at) <= at - 2 * HOUR_MS) recent.shift();
  return recent.length / Math.max(1, g.visitsPerDay / 12);
}

/** A walk-in who leaves before any treatment or decision: departed, nothing else recorded. */
export function leftWithoutBeingSeen(
  g: GeneratorState,
  visitId: number,
  arrival: number,
  patient: Patient,
  condition: Condition,
  triage: number,
  reason: string,
  treatments: readonly (readonly [TreatmentType, number])[],
): void {
  const departed = g.sec(arrival + Math.max(15 * MINUTE_MS, g.r.logNormal(100 * MINUTE_MS, 0.5)));
  patient.busyUntil = departed;
  g.add('er_visit', [
    visitId,
    patient.id,
    toSqlDateTime(arrival),
    'walk_in',
    null,
    condition,
    triage,
    reason,
    departed <= g.end ? toSqlDateTime(departed) : null,
    null,
    null,
    0,
  ]);
  if (departed <= g.end) planReturn(g, { patient, departed, condition, reason, treatments }, 0.1);
}

/** Some patients come back: most within 72 hours of leaving, a few later (not counted as returns). */
export function planReturn(g: GeneratorState, seen: SeenVisit, chance: number): void {
  if (g.r.chance(chance)) {
    const after = Math.min(71.5 * HOUR_MS, Math.max(2 * HOUR_MS, g.r.logNormal(20 * HOUR_MS, 0.8)));
    g.flow.returns.push({ ...seen, at: g.sec(seen.departed + after) });
  } else if (g.r.chance(0.01)) {
    g.flow.returns.push({ ...seen, at: g.sec(seen.departed + g.r.int(73, 120) * HOUR_MS) });
  }
}

/** Returns arriving before `until`, taken off the queue. */
export function dueReturns(g: GeneratorState, until: number): PlannedReturn[] {
  const due = g.flow.returns.filter((r) => r.at < until && r.at <= g.end);
  g.flow.returns = g.flow.returns.filter((r) => r.at >= until);
  return due;
}

/** Most discharged patients are booked into a clinic within a week; some later, some never. */
export function planFollowUp(g: GeneratorState, seen: SeenVisit): void {
  if (!g.r.chance(seen.condition === 'minor' || seen.condition === 'stable' ? 0.78 : 0.9)) return;
  const department =
    ageAt(g, seen.patient, seen.departed) < 18 ? 'Pediatrics' : followUpDepartment(seen.reason);
  const doctors = g.clinicPhysicians.filter((m) => m.department === g.dept(department));
  const days = g.r.chance(0.9) ? g.r.int(1, 5) : g.r.int(8, 12);
  let date = addDays(localDate(g.tz, seen.departed), days);
  while ([0, 6].includes(weekdayOf(date))) date = addDays(date, 1);
  const doctor = g.r.pick(doctors);
  for (let tries = 0, slot = g.r.int(0, 15); tries < 16; tries++, slot = (slot + 1) % 16) {
    const startsAt = g.atLocal(date, 8 + Math.floor(slot / 2), (slot % 2) * 30);
    if (startsAt <= seen.departed || g.flow.booked.has(slotKey(doctor.id, startsAt))) continue;
    g.flow.booked.add(slotKey(doctor.id, startsAt));
    g.flow.followUps.push({ patient: seen.patient, doctor, department, startsAt });
    return;
  }
}

/** Chance that a walk-in leaves unseen: low-acuity patients, and more so when the department is busy. */
export function lwbsChance(triage: number, busy: number): number {
  const base = [0, 0, 0, 0.006, 0.03, 0.045][triage] ?? 0;
  return base * Math.min(2.5, Math.max(0.4, busy) ** 1.5);
}

/** Complaints that bring discharged patients back more often than the usual 4%. */
const RETURN_PRONE: Record<string, number> = {
  'abdominal pain': 2,
  'chest pain': 1.6,
  'asthma attack': 1.8,
  vomiting: 1.5,
  fever: 1.3,
  'shortness of breath': 1.4,
};

export function returnChance(condition: Condition, reason: string): number {
  const sicker = condition === 'serious' || condition === 'moderate' ? 1.3 : 1;
  return 0.035 * sicker * (RETURN_PRONE[reason] ?? 1);
}

/** The clinic that sees a discharged adult again, by their ER complaint. */
function followUpDepartment(reason: string): string {
  if (['chest pain'].includes(reason)) return 'Cardiology';
  if (['shortness of breath', 'asthma attack'].includes(reason)) return 'Pulmonology';
  if (['severe headache', 'seizure', 'confusion', 'dizziness'].includes(reason)) return 'Neurology';
  if (['fractured limb', 'sprained ankle', 'back pain'].includes(reason)) return 'Orthopedics';
  if (['abdominal pain', 'laceration', 'burns'].includes(reason)) return 'General Surgery';
  return 'Family Medicine';
}

/** The medication list and prescriptions written against it (at ER discharge and in clinics). */
import { DAY_MS, toSqlDate } from '../../src/core/time.ts';
import type { GeneratorState } from './state.ts';
import { DOSE_FREQUENCIES, MEDICATIONS } from './vocabulary.ts';

/** Doses that fit each medication form. */
const DOSES: Record<string, readonly string[]> = {
  tablet: ['1 tablet', '2 tablets', '1/2 tablet'],
  capsule: ['1 capsule', '2 capsules'],
  inhaler: ['1 puff', '2 puffs'],
  injection: ['10 units', '20 units', '30 units'],
  'auto-injector': ['1 injection'],
  'nasal spray': ['1 spray'],
  cream: ['thin layer'],
  ointment: ['thin layer'],
};

export function makeMedications(g: GeneratorState): void {
  for (const [name, form, strength, weight] of MEDICATIONS) {
    const id = g.nextId('medication');
    g.add('medication', [id, name, form, strength]);
    g.medicationWeights.push([id, weight]);
    g.medicationForm.set(id, form);
  }
}

export function prescription(
  g: GeneratorState,
  patientId: number,
  visitId: number | null,
  prescriber: number,
  at: number,
  days: number | null,
): void {
  const medicationId = g.r.weighted(g.medicationWeights);
  const startsOn = toSqlDate(at);
  const endsAt = days === null ? null : at + days * DAY_MS;
  let status: 'active' | 'completed' | 'stopped' = endsAt === null || endsAt > g.end ? 'active' : 'completed';
  if (g.r.chance(0.05)) status = 'stopped';
  const dose = g.r.pick(DOSES[g.medicationForm.get(medicationId) ?? 'tablet'] ?? ['as directed']);
  g.add('prescription', [
    g.nextId('prescription'),
    patientId,
    visitId,
    prescriber,
    medicationId,
    dose,
    g.r.pick(DOSE_FREQUENCIES),
    startsOn,
    endsAt === null ? null : toSqlDate(endsAt),
    status,
  ]);
}

/** Patients: new ones (with contacts and allergies) and returning ones, frequent attenders among them. */
import { DAY_MS, toSqlDate } from '../../src/core/time.ts';
import type { GeneratorState, Patient } from './state.ts';
import { ALLERGENS, LAST_NAMES, RELATIONSHIPS } from './vocabulary.ts';

export function newPatient(g: GeneratorState, at: number, ageHint?: 'child' | 'adult' | 'older'): Patient {
  const id = g.nextId('patient');
  const band =
    ageHint ??
    g.r.weighted([
      ['child', 15],
      ['adult', 55],
      ['older', 30],
    ] as const);
  const age =
    band === 'child'
      ? g.r.int(0, 17)
      : band === 'adult'
        ? g.r.int(18, 64)
        : Math.min(101, 65 + Math.floor(g.r.logNormal(10, 0.7)));
  const birth = at - age * 365.25 * DAY_MS - g.r.int(0, 364) * DAY_MS;
  const [first, last] = g.person();
  const sex = g.r.weighted([
    ['female', 50],
    ['male', 48.5],
    ['other', 0.5],
    ['unknown', 1],
  ] as const);
  g.add('patient', [
    id,
    `MRN${String(1_000_000 + id)}`,
    first,
    last,
    toSqlDate(birth),
    sex,
    g.r.chance(0.96) ? g.phone() : null,
  ]);

  const contacts = g.r.chance(0.8) ? (g.r.chance(0.2) ? 2 : 1) : 0;
  for (let i = 0; i < contacts; i++) {
    const [cf] = g.person();
    const relationship = age < 18 ? 'Parent' : g.r.pick(RELATIONSHIPS);
    g.add('patient_contact', [
      g.nextId('patient_contact'),
      id,
      `${cf} ${g.r.chance(0.6) ? last : g.r.pick(LAST_NAMES)}`,
      relationship,
      g.phone(),
    ]);
  }
  if (g.r.chance(0.2)) {
    const count = g.r.weighted([
      [1, 70],
      [2, 25],
      [3, 5],
    ] as const);
    const seen = new Set<string>();
    for (let i = 0; i < count; i++) {
      const [substance, reaction] = g.r.pick(ALLERGENS);
      if (seen.has(substance)) continue;
      seen.add(substance);
      const severity =
        reaction === 'anaphylaxis'
          ? 'severe'
          : g.r.weighted([
              ['mild', 5],
              ['moderate', 3],
              ['severe', 1],
            ] as const);
      g.add('allergy', [g.nextId('allergy'), id, substance, severity, reaction]);
    }
  }
  const patient = { id, birth, busyUntil: 0 };
  g.patients.push(patient);
  if (id % 40 === 0) g.frequent.push(patient);
  return patient;
}

/**
 * A returning patient or a new one. About one patient in forty is a frequent attender (chronic illness,
 * social need): they account for a third of returning visits, a few visits a year each.
 */
export function patientFor(g: GeneratorState, at: number, returning: number): Patient {
  if (g.patients.length > 50 && g.r.chance(returning)) {
    const pool = g.frequent.length > 0 && g.r.chance(0.33) ? g.frequent : g.patients;
    const p = g.r.pick(pool);
    // Coming back within days is what planned returns model (planReturn); a chance visit comes later.
    if (p.birth < at - DAY_MS && p.busyUntil < at - 4 * DAY_MS) return p;
  }
  return newPatient(g, at);
}

export function ageAt(g: GeneratorState, p: Patient, at: number): number {
  return (at - p.birth) / (365.25 * DAY_MS);
}

/** An ER visit: triage, treatments (rows and documents), the disposition decision, and the diagnosis. */
import { MINUTE_MS, toSqlDateTime } from '../../src/core/time.ts';
import {
  DECISIONS,
  TREATMENT_OUTCOMES,
  type Condition,
  type Decision,
  type TreatmentType,
} from '../../src/core/vocabulary.ts';
import {
  boardingMs,
  COMORBID_DIAGNOSES,
  COMORBID_MENTAL_HEALTH_SHARE,
  leftEarly,
  MENTAL_HEALTH_REASONS,
  MENTAL_HEALTH_SHARE,
  MENTAL_HEALTH_TREATMENTS,
  mentalHealthCondition,
  mentalHealthDecision,
  observationStayMs,
  roomedAndSeen,
} from './ed-times.ts';
import {
  leftWithoutBeingSeen,
  lwbsChance,
  noteArrival,
  planFollowUp,
  planReturn,
  returnChance,
} from './patient-flow.ts';
import { ageAt } from './patients.ts';
import { prescription } from './prescriptions.ts';
import { onDuty } from './shifts.ts';
import type { GeneratorState, Patient } from './state.ts';
import { DIAGNOSES, WALK_IN_REASONS } from './vocabulary.ts';

const NOT_SPECIFIED = ['R69', 'Illness, unspecified'] as const;

function triageLevel(g: GeneratorState, condition: Condition): number {
  switch (condition) {
    case 'critical':
      return g.r.weighted([
        [1, 60],
        [2, 40],
      ] as const);
    case 'serious':
      return g.r.weighted([
        [2, 70],
        [3, 30],
      ] as const);
    case 'moderate':
      return g.r.weighted([
        [2, 10],
        [3, 70],
        [4, 20],
      ] as const);
    case 'minor':
      return g.r.weighted([
        [3, 15],
        [4, 60],
        [5, 25],
      ] as const);
    case 'stable':
      return g.r.weighted([
        [4, 50],
        [5, 50],
      ] as const);
  }
}

export function erVisit(
  g: GeneratorState,
  arrival: number,
  mode: 'ambulance' | 'walk_in' | 'transfer',
  patient: Patient,
  transportId: number | undefined,
  given?: {
    condition: Condition;
    reason: string;
    treatments: readonly (readonly [TreatmentType, number])[];
  },
): void {
  let condition: Condition;
  let reason: string;
  let treatmentMix: readonly (readonly [TreatmentType, number])[];
  let mentalHealthDiagnosis: readonly [string, string] | undefined;
  // A visit for the patient's mental health, or an ambulance patient with a mental-health condition too.
  const forMentalHealth = !given && g.r.chance(MENTAL_HEALTH_SHARE);
  const comorbid = given !== undefined && g.r.chance(COMORBID_MENTAL_HEALTH_SHARE);
  const mentalHealth = forMentalHealth || comorbid;
  if (given) {
    ({ condition, reason } = given);
    treatmentMix = given.treatments;
  } else if (forMentalHealth) {
    [reason, , mentalHealthDiagnosis] = g.r.weighted(MENTAL_HEALTH_REASONS.map((m) => [m, m[1]] as const));
    treatmentMix = MENTAL_HEALTH_TREATMENTS;
    condition = mentalHealthCondition(g);
  } else {
    const [walkReason, , mix] = g.r.weighted(WALK_IN_REASONS.map((w) => [w, w[1]] as const));
    reason = walkReason;
    treatmentMix = mix;
    condition =
      mode === 'transfer'
        ? g.r.weighted([
            ['critical', 10],
            ['serious', 40],
            ['moderate', 40],
            ['stable', 10],
          ] as const)
        : g.r.weighted([
            ['critical', 1],
            ['serious', 9],
            ['moderate', 35],
            ['minor', 35],
            ['stable', 20],
          ] as const);
  }
  const triage = triageLevel(g, condition);
  const visitId = g.nextId('er_visit');
  const age = ageAt(g, patient, arrival);
  const busy = noteArrival(g, arrival);
  if (mode === 'walk_in' && g.r.chance(lwbsChance(triage, busy))) {
    leftWithoutBeingSeen(g, visitId, arrival, patient, condition, triage, reason, treatmentMix);
    return;
  }
  const finalDecision =
    leftEarly(g, condition) ?? (forMentalHealth ? mentalHealthDecision(g) : decide(g, condition));
  const { roomed, provider } = roomedAndSeen(g, arrival, triage, busy);

  // Treatments: the sicker, the more; the first soon after the provider has seen the patient.
  const count =
    triage === 1
      ? g.r.int(2, 4)
      : triage === 2
        ? g.r.int(1, 3)
        : triage === 3
          ? g.r.int(1, 2)
          : triage === 4
            ? g.r.chance(0.7)
              ? 1
              : 0
            : g.r.chance(0.4)
              ? 1
              : 0;
  const firstWait = [0, 2, 5, 15, 20, 20][triage] ?? 15;
  let t = g.sec(provider + Math.max(MINUTE_MS, g.r.logNormal(firstWait * MINUTE_MS, 0.6)));
  const visitTreatments: { id: number; at: number; physicians: number[] }[] = [];
  for (let i = 0; i < count && t <= g.end; i++) {
    const id = g.nextId('er_treatment');
    const type = g.r.weighted(treatmentMix);
    const outcome = g.r.pick(TREATMENT_OUTCOMES);
    g.add('er_treatment', [id, visitId, patient.id, type, toSqlDateTime(t), outcome]);
    const docs = onDuty(g, g.erPhysicians, t);
    const nurses = onDuty(g, g.erNurses, t);
    const physicians = [g.r.pick(docs)];
    if (g.r.chance(0.15)) physicians.push(g.r.pick(docs));
    const assisting = [g.r.pick(nurses)];
    if (g.r.chance(0.4)) assisting.push(g.r.pick(nurses));
    const physicianIds = [...new Set(physicians.map((m) => m.id))];
    const nurseIds = [...new Set(assisting.map((m) => m.id))];
    for (const s of physicianIds) g.add('treatment_physician', [id, s]);
    for (const s of nurseIds) g.add('treatment_nurse', [id, s]);
    g.sink.treatment({
      _id: id,
      visitId,
      patientId: patient.id,
      type,
      performedAt: new Date(t),
      outcome,
      physicians: physicianIds,
      nurses: nurseIds,
      notes: `${type} for ${reason}; outcome ${outcome.toLowerCase()}`,
    });
    visitTreatments.push({ id, at: t, physicians: physicianIds });
    t = g.sec(t + Math.max(10 * MINUTE_MS, g.r.logNormal(30 * MINUTE_MS, 0.5)));
  }

  // Decision and departure: older, sicker and mental-health patients stay longer; admissions take a work-up.
  const lastEvent = visitTreatments.length > 0 ? Math.max(...visitTreatments.map((v) => v.at)) : provider;
  const stayFactor = (1 + Math.max(0, age - 20) / 120) * (triage <= 2 ? 1.2 : 1) * (mentalHealth ? 1.5 : 1);
  const workUp = (finalDecision === 'Discharge' ? 35 : 70) * MINUTE_MS * stayFactor;
  const decided = g.sec(lastEvent + Math.max(5 * MINUTE_MS, g.r.logNormal(workUp, 0.5)));
  const observation =
    finalDecision === 'Continue Observation' ||
    (finalDecision === 'Discharge' && condition === 'moderate' && g.r.chance(0.03));
  const departed =
    finalDecision === 'Left against medical advice' || finalDecision === 'Eloped'
      ? g.sec(decided + g.r.int(1, 10) * MINUTE_MS)
      : finalDecision === 'Discharge'
        ? g.sec(
            decided +
              Math.max(5 * MINUTE_MS, g.r.logNormal(20 * MINUTE_MS * stayFactor, 0.6)) +
              (observation ? observationStayMs(g) : 0),
          )
        : g.sec(decided + boardingMs(g, decided, mentalHealth));

  patient.busyUntil = departed;
  g.add('er_visit', [
    visitId,
    patient.id,
    toSqlDateTime(arrival),
    mode,
    transportId ?? null,
    condition,
    triage,
    reason,
    departed <= g.end ? toSqlDateTime(departed) : null,
    roomed <= g.end ? toSqlDateTime(roomed) : null,
    provider <= g.end ? toSqlDateTime(provider) : null,
    observation && decided <= g.end ? 1 : 0,
  ]);
  const [code, description] = mentalHealthDiagnosis ?? g.r.pick(DIAGNOSES[reason] ?? [NOT_SPECIFIED]);
  g.add('diagnosis', [g.nextId('diagnosis'), visitId, code, description]);
  if (comorbid) g.add('diagnosis', [g.nextId('diagnosis'), visitId, ...g.r.pick(COMORBID_DIAGNOSES)]);

  // A patient may be decided on and still boarding when the data ends.
  if (decided > g.end) return;
  const status =
    finalDecision === 'Discharge'
      ? g.r.weighted([
          ['Recovered', 5],
          ['Improved', 5],
        ] as const)
      : finalDecision === 'Continue Observation'
        ? g.r.weighted([
            ['Improved', 4],
            ['Unchanged', 5],
            ['Worsened', 1],
          ] as const)
        : g.r.weighted([
            ['Improved', 2],
            ['Unchanged', 5],
            ['Worsened', 3],
          ] as const);
  const decider = visitTreatments[0]?.physicians[0] ?? g.r.pick(onDuty(g, g.erPhysicians, decided)).id;
  g.add('disposition_decision', [
    g.nextId('disposition_decision'),
    visitId,
    patient.id,
    decider,
    toSqlDateTime(decided),
    status,
    finalDecision,
  ]);

  if (finalDecision === 'Discharge' && g.r.chance(0.35)) {
    const n = g.r.chance(0.3) ? 2 : 1;
    for (let i = 0; i < n; i++) prescription(g, patient.id, visitId, decider, decided, g.r.int(3, 14));
  }
  if (finalDecision === 'Discharge' && departed <= g.end) {
    const seen = { patient, departed, condition, reason, treatments: treatmentMix };
    planReturn(g, seen, returnChance(condition, reason));
    planFollowUp(g, seen);
  }
}

function decide(g: GeneratorState, condition: Condition): Decision {
  const table: Record<Condition, readonly (readonly [Decision, number])[]> = {
    critical: [
      [DECISIONS[3], 25],
      [DECISIONS[2], 50],
      [DECISIONS[1], 20],
      [DECISIONS[0], 5],
    ],
    serious: [
      [DECISIONS[2], 45],
      [DECISIONS[1], 25],
      [DECISIONS[0], 25],
      [DECISIONS[3], 5],
    ],
    moderate: [
      [DECISIONS[0], 65],
      [DECISIONS[1], 20],
      [DECISIONS[2], 15],
    ],
    minor: [
      [DECISIONS[0], 92],
      [DECISIONS[1], 8],
    ],
    stable: [
      [DECISIONS[0], 92],
      [DECISIONS[1], 8],
    ],
  };
  return g.r.weighted(table[condition]);
}

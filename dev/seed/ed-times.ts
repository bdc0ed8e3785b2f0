/**
 * The times of an ER visit that the standard ED measures read (issue 19), and its mental-health share,
 * tuned to published benchmarks (EDBA medians across EDs: discharged stay about 2 h, admitted about 4 h,
 * boarding 70-90 min; door to provider 20-30 min; 5-8% of visits with a mental-health diagnosis).
 */
import { HOUR_MS, MINUTE_MS } from '../../src/core/time.ts';
import type { Condition, Decision, TreatmentType } from '../../src/core/vocabulary.ts';
import type { GeneratorState } from './state.ts';

/** Walk-ins (and transfers) that come for their mental health; ambulance patients get a second diagnosis. */
export const MENTAL_HEALTH_SHARE = 0.07;
export const COMORBID_MENTAL_HEALTH_SHARE = 0.04;

/** What brings a mental-health patient in, weighted, with its ICD-10-CM diagnosis (F01-F99). */
export const MENTAL_HEALTH_REASONS: readonly (readonly [string, number, readonly [string, string]])[] = [
  ['depression', 3, ['F32.9', 'Major depressive disorder, single episode, unspecified']],
  ['anxiety', 3, ['F41.9', 'Anxiety disorder, unspecified']],
  ['panic attack', 2, ['F41.0', 'Panic disorder without agoraphobia']],
  ['alcohol intoxication', 3, ['F10.129', 'Alcohol abuse with intoxication, unspecified']],
  ['psychosis', 1, ['F20.9', 'Schizophrenia, unspecified']],
];

/** A second diagnosis of an ambulance patient with a mental-health condition. */
export const COMORBID_DIAGNOSES: readonly (readonly [string, string])[] = [
  ['F10.129', 'Alcohol abuse with intoxication, unspecified'],
  ['F32.9', 'Major depressive disorder, single episode, unspecified'],
  ['F41.9', 'Anxiety disorder, unspecified'],
];

export const MENTAL_HEALTH_TREATMENTS: readonly (readonly [TreatmentType, number])[] = [['Medication', 9]];

/** How sick a mental-health walk-in is on arrival. */
export function mentalHealthCondition(g: GeneratorState): Condition {
  return g.r.weighted([
    ['serious', 20],
    ['moderate', 50],
    ['minor', 30],
  ] as const);
}

/** Mental-health patients are admitted or sent to a psychiatric hospital more often. */
export function mentalHealthDecision(g: GeneratorState): Decision {
  return g.r.weighted([
    ['Discharge', 55],
    ['Transfer to another department', 25],
    ['Transfer to a higher-level hospital', 15],
    ['Continue Observation', 5],
  ] as const);
}

/** Some patients who were seen leave before their care is complete: against advice, or unannounced. */
export function leftEarly(g: GeneratorState, condition: Condition): Decision | undefined {
  if (condition === 'critical' || !g.r.chance(0.025)) return undefined;
  return g.r.chance(0.6) ? 'Left against medical advice' : 'Eloped';
}

/**
 * Placement in a treatment space, then first provider contact: minutes for the most urgent, longer for
 * the rest and when the department is busy (`busy`: arrivals of the last two hours against the average).
 */
export function roomedAndSeen(
  g: GeneratorState,
  arrival: number,
  triage: number,
  busy: number,
): { roomed: number; provider: number } {
  const wait = [0, 0.5, 3, 15, 22, 22][triage] ?? 20;
  const crowding = Math.min(2.5, Math.max(0.5, busy ** 0.7));
  const roomed = g.sec(arrival + g.r.logNormal(wait * crowding * MINUTE_MS, 0.9));
  const toProvider = [0, 1, 3, 8, 8, 8][triage] ?? 8;
  const provider = g.sec(roomed + Math.max(MINUTE_MS / 2, g.r.logNormal(toProvider * MINUTE_MS, 0.5)));
  return { roomed, provider };
}

/** Admitted, transferred and observation patients wait for a bed: longer at night, and for psychiatry. */
export function boardingMs(g: GeneratorState, decided: number, mentalHealth: boolean): number {
  const hour = g.localInfo(decided).hour;
  const night = hour >= 20 || hour < 7;
  const median = (night ? 110 : 60) * MINUTE_MS * (mentalHealth ? 2.5 : 1);
  return Math.max(20 * MINUTE_MS, g.r.logNormal(median, 0.7));
}

/** A few discharged patients spend the night in the ED's observation unit first. */
export function observationStayMs(g: GeneratorState): number {
  return g.r.int(8, 16) * HOUR_MS;
}

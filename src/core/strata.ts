import type { Decision } from './vocabulary.ts';

/**
 * The strata of the standard ED measures (docs/domain.md, section 4), once: how each disposition decision
 * counts, what makes a visit a mental-health visit, and the age bands. The measures, the flow reports, the
 * generator and the README's definitions all follow these.
 */

/** How a visit left the ED, as CMS and the ED benchmarking alliance stratify it. */
export const STRATUM_OF_DECISION = {
  Discharge: 'discharged',
  'Transfer to another department': 'admitted',
  'Transfer to a higher-level hospital': 'transferred',
  'Continue Observation': 'observation',
  'Left against medical advice': 'left against advice',
  Eloped: 'eloped',
} as const satisfies Record<Decision, string>;

export type Stratum = (typeof STRATUM_OF_DECISION)[Decision] | 'left without being seen';

/**
 * A visit's stratum: its decision's, or `observation` for an ED observation stay whatever the decision;
 * `left without being seen` when it departed with no provider contact, no treatment and no decision;
 * null while it is still in the department without a decision (or when a feed recorded no decision).
 */
export function stratumOf(v: {
  decision: string | null;
  observation: boolean;
  departed: boolean;
  seen: boolean;
}): Stratum | null {
  if (v.observation) return 'observation';
  if (v.decision !== null) return STRATUM_OF_DECISION[v.decision as Decision] ?? null;
  return v.departed && !v.seen ? 'left without being seen' : null;
}

/** The one decision whose stratum is `admitted` (the SQL of boarding now is given it). */
export const ADMITTED_DECISION = (Object.keys(STRATUM_OF_DECISION) as Decision[]).find(
  (d) => STRATUM_OF_DECISION[d] === 'admitted',
) as Decision;

/** The decisions that count as leaving before treatment was complete, besides leaving unseen (LBTC). */
export const LEFT_BEFORE_COMPLETE: readonly Stratum[] = ['left against advice', 'eloped'];

/**
 * ICD-10-CM chapter 5, mental, behavioral and neurodevelopmental disorders: F01-F99. A visit with any such
 * diagnosis is a mental-health visit. Migration 019's SQL function is_mental_health_code holds this same
 * pattern (test/integration/visit-facts.test.ts compares them).
 */
export const MENTAL_HEALTH_CODE = '^[Ff](0[1-9]|[1-9][0-9])';
const MENTAL_HEALTH = new RegExp(MENTAL_HEALTH_CODE);
export const isMentalHealthCode = (code: string) => MENTAL_HEALTH.test(code);

/** The age bands of ECAT (CMS1244), by whole years at arrival. */
export const AGE_BANDS = [
  { label: 'under 18', below: 18 },
  { label: '18-64', below: 65 },
  { label: '65 and over', below: Infinity },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]['label'];

export function ageBandOf(age: number | null): AgeBand | null {
  if (age === null) return null;
  return AGE_BANDS.find((b) => age < b.below)?.label ?? null;
}

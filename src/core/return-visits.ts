import { RETURN_WITHIN_MS } from './flow.ts';
import { STRATUM_OF_DECISION } from './strata.ts';
import type { Decision } from './vocabulary.ts';

/** A visit as 72-hour returns need it: epoch seconds of arrival, seconds to departure, how it ended. */
export interface ReturnCandidate {
  id: number;
  patient_id: number;
  arrived_s: number;
  departed_s: number | null;
  decision: string | null;
  treated: number;
}

/** A visit a return may follow (docs/domain.md, section 3): discharged, or left without being seen. */
const canLeadToReturn = (v: ReturnCandidate) =>
  v.departed_s !== null &&
  (STRATUM_OF_DECISION[v.decision as Decision] === 'discharged' || (v.decision === null && v.treated === 0));

/**
 * Which of `visits` are 72-hour returns: the same patient's previous visit (among `visits` and `earlier`,
 * by arrival then id) departed at most 72 hours before it arrived and was discharged or left unseen.
 * `earlier` holds the visits that arrived in the 30 days before the first of `visits`.
 */
export function returnIds(
  visits: readonly ReturnCandidate[],
  earlier: readonly ReturnCandidate[],
): Set<number> {
  const byArrival = (a: ReturnCandidate, b: ReturnCandidate) => a.arrived_s - b.arrived_s || a.id - b.id;
  const inOrder = (xs: readonly ReturnCandidate[]) =>
    xs.every((v, i) => i === 0 || byArrival(xs[i - 1] as ReturnCandidate, v) <= 0)
      ? xs
      : [...xs].sort(byArrival);
  // In order of arrival, each patient's previous visit is the last one seen of that patient.
  const previous = new Map<number, ReturnCandidate>();
  for (const v of inOrder(earlier)) previous.set(v.patient_id, v);
  const returns = new Set<number>();
  for (const v of inOrder(visits)) {
    const before = previous.get(v.patient_id);
    previous.set(v.patient_id, v);
    if (!before || !canLeadToReturn(before)) continue;
    const departed = before.arrived_s + (before.departed_s ?? 0);
    if (v.arrived_s * 1000 <= departed * 1000 + RETURN_WITHIN_MS) returns.add(v.id);
  }
  return returns;
}

import { RETURN_WITHIN_MS } from './flow.ts';

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
  v.departed_s !== null && (v.decision === 'Discharge' || (v.decision === null && v.treated === 0));

/**
 * Which of `visits` are 72-hour returns: the same patient's previous visit (among `visits` and `earlier`,
 * by arrival then id) departed at most 72 hours before it arrived and was discharged or left unseen.
 * `earlier` holds the visits that arrived in the 30 days before the first of `visits`.
 */
export function returnIds(
  visits: readonly ReturnCandidate[],
  earlier: readonly ReturnCandidate[],
): Set<number> {
  const all = [...earlier, ...visits].sort(
    (a, b) => a.patient_id - b.patient_id || a.arrived_s - b.arrived_s || a.id - b.id,
  );
  const inWindow = new Set(visits.map((v) => v.id));
  const returns = new Set<number>();
  for (let i = 1; i < all.length; i++) {
    const v = all[i] as ReturnCandidate;
    const before = all[i - 1] as ReturnCandidate;
    if (!inWindow.has(v.id) || before.patient_id !== v.patient_id || !canLeadToReturn(before)) continue;
    const departed = before.arrived_s + (before.departed_s ?? 0);
    if (v.arrived_s * 1000 <= departed * 1000 + RETURN_WITHIN_MS) returns.add(v.id);
  }
  return returns;
}

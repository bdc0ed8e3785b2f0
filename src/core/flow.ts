import { STRATUM_OF_DECISION } from './strata.ts';
import { DAY_MS, HOUR_MS } from './time.ts';
import type { Decision } from './vocabulary.ts';

/**
 * The ED flow and care-coordination definitions of docs/domain.md, once: the reports under /er flow,
 * /er returns and /care use these, so "left without being seen" means the same everywhere.
 */

/** What /er flow and the daily summary need of a visit. */
export interface FlowVisit {
  id: number;
  arrived_at: Date;
  arrival_mode: string | null;
  condition: string | null;
  triage_level: number | null;
  departed_at: Date | null;
  provider_seen_at: Date | null;
  first_treatment_at: Date | null;
  decided_at: Date | null;
  decision: string | null;
}

/** Left without being seen (OP-22): departed with no provider contact, no treatment, no disposition decision. */
export function isLwbs(
  v: Pick<FlowVisit, 'departed_at' | 'first_treatment_at' | 'decision'> & {
    provider_seen_at?: Date | null;
  },
): boolean {
  return (
    v.departed_at !== null && !v.provider_seen_at && v.first_treatment_at === null && v.decision === null
  );
}

/** The strata /er flow reports apart: discharged; admitted, transferred or in observation (src/core/strata.ts). */
export function flowStratum(decision: string | null): 'discharged' | 'admitted' | null {
  const s = decision === null ? undefined : STRATUM_OF_DECISION[decision as Decision];
  if (s === 'discharged') return 'discharged';
  return s === 'admitted' || s === 'transferred' || s === 'observation' ? 'admitted' : null;
}

/** How a visit that can lead to a return ended: the decision, or this for a patient who left unseen. */
export const LWBS_LABEL = 'Left without being seen';

/** A return counts when it arrives within this long after the previous visit departed. */
export const RETURN_WITHIN_MS = 72 * HOUR_MS;

/** A discharge is followed up when an appointment starts within this long after departure. */
export const FOLLOW_UP_WITHIN_MS = 7 * DAY_MS;

const minutes = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000;

/** The flow measures of a set of visits, in minutes. */
export interface FlowMeasures {
  visits: number;
  lwbs: number;
  /** Visits without a treatment (left out of door to treatment), LWBS included. */
  untreated: number;
  doorToTreatment: number[];
  stayDischarged: number[];
  stayAdmitted: number[];
  boarding: number[];
}

export function flowMeasures(visits: readonly FlowVisit[]): FlowMeasures {
  const m: FlowMeasures = {
    visits: visits.length,
    lwbs: 0,
    untreated: 0,
    doorToTreatment: [],
    stayDischarged: [],
    stayAdmitted: [],
    boarding: [],
  };
  for (const v of visits) {
    if (isLwbs(v)) m.lwbs++;
    if (v.first_treatment_at) m.doorToTreatment.push(minutes(v.arrived_at, v.first_treatment_at));
    else m.untreated++;
    const stratum = flowStratum(v.decision);
    if (!v.departed_at || stratum === null) continue;
    if (stratum === 'discharged') m.stayDischarged.push(minutes(v.arrived_at, v.departed_at));
    else {
      m.stayAdmitted.push(minutes(v.arrived_at, v.departed_at));
      if (v.decided_at) m.boarding.push(minutes(v.decided_at, v.departed_at));
    }
  }
  return m;
}

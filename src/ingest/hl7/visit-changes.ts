import type { AdtEvent, Decision } from './adt.ts';

/** The visit fields an ADT event sets, for the one-message path (apply.ts) and the group path (batch-apply.ts). */
export interface VisitChanges {
  arrivedAt?: number;
  reason?: string;
  departedAt?: number | null;
  decision?: Decision | null;
}

/** What the event says about the visit, field by field. */
export function visitChanges(ev: AdtEvent, isEr: boolean, exists: boolean): VisitChanges {
  const v = ev.visit;
  const changes: VisitChanges = {};
  if (v === undefined) return changes;
  if (v.arrivedAt !== undefined) changes.arrivedAt = v.arrivedAt;
  if (v.reason !== undefined) changes.reason = v.reason;
  if (ev.event === 'A03') {
    changes.departedAt = v.departedAt ?? ev.eventAt;
    if (v.decision !== undefined) changes.decision = v.decision;
  } else if (ev.event === 'A13') {
    changes.departedAt = null;
    changes.decision = null;
  } else if (v.departedAt !== undefined) changes.departedAt = v.departedAt;
  if (ev.event === 'A01' && !isEr && exists) changes.decision = 'Transfer to another department';
  return changes;
}

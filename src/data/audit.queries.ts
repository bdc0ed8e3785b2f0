import { many, type Db } from './queries.ts';

export interface AuditRow {
  id: number;
  occurred_at: Date;
  source: string;
  actor_id: string | null;
  channel_id: string | null;
  command: string;
  outcome: string;
  row_count: number | null;
  latency_ms: number | null;
  patient_ids: number[] | string | null;
  detail: string | null;
}

export const recentAuditEvents = (
  db: Db,
  p: { actorId: string | null; patientId: number | null; limit: number },
) =>
  many<AuditRow>(db, 'RecentAuditEvents', [
    p.actorId,
    p.actorId,
    p.patientId,
    p.patientId === null ? null : String(p.patientId),
    p.limit,
  ]);

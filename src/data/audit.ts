import type { Db } from './queries.ts';

/** One row of the append-only audit trail: every command run, allowed or not. */
export interface AuditEvent {
  occurredAt: Date;
  source: 'discord' | 'console' | 'scheduler';
  actorId: string | null;
  actorRoles?: string[];
  guildId?: string | null;
  channelId?: string | null;
  command: string;
  options: Record<string, unknown> | null;
  patientIds: number[];
  rowCount: number | null;
  outcome: 'ok' | 'empty' | 'denied' | 'invalid' | 'error';
  latencyMs: number | null;
  interactionId?: string | null;
  detail?: string | null;
}

export async function recordAudit(db: Db, e: AuditEvent): Promise<void> {
  await db.query(
    `INSERT INTO audit_event (occurred_at, source, actor_id, actor_roles, guild_id, channel_id, command, options,
       patient_ids, row_count, outcome, latency_ms, interaction_id, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      e.occurredAt,
      e.source,
      e.actorId,
      e.actorRoles ? e.actorRoles.join(',') : null,
      e.guildId ?? null,
      e.channelId ?? null,
      e.command,
      e.options === null ? null : JSON.stringify(e.options),
      JSON.stringify(e.patientIds),
      e.rowCount,
      e.outcome,
      e.latencyMs,
      e.interactionId ?? null,
      e.detail?.slice(0, 500) ?? null,
    ],
  );
}

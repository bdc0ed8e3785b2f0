import { footer, plural, when } from '../format.ts';
import type { ReplyBody } from '../reply.ts';

/** One audit event, newest first as the trail lists them. */
export interface AuditEvent {
  occurred_at: Date;
  actor_id: string | null;
  command: string;
  outcome: string;
  row_count: number | null;
  /** The patients the event disclosed: a JSON array as text when the driver does not parse it. */
  patient_ids: number[] | string | null;
  latency_ms: number | null;
}

/** What the trail was narrowed to: events by one Discord user, events disclosing one patient. */
export interface AuditScope {
  userId?: string | undefined;
  /** How the patient reads: the MRN for the patient-records role, else "patient <id>". */
  patient?: string | undefined;
}

/** The latest audit events; the patients column counts the patients each event disclosed. */
export function auditReport(
  events: readonly AuditEvent[],
  scope: AuditScope,
  timeZone: string,
  now: number,
): ReplyBody {
  const ids = (e: AuditEvent) =>
    typeof e.patient_ids === 'string' ? (JSON.parse(e.patient_ids) as number[]) : (e.patient_ids ?? []);
  const narrowed = [
    scope.userId ? `by <@${scope.userId}>` : '',
    scope.patient ? `disclosing ${scope.patient}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return {
    title: `Audit trail${narrowed ? ` (${narrowed})` : ''}`,
    ...(scope.userId ? { mentions: [scope.userId] } : {}),
    summary:
      events.length === 0
        ? 'No audit events match.'
        : `The latest ${plural(events.length, 'event')}, newest first.`,
    table: {
      columns: [
        { name: 'time' },
        { name: 'who' },
        { name: 'command' },
        { name: 'outcome' },
        { name: 'rows', align: 'right' },
        { name: 'patients', align: 'right' },
        { name: 'ms', align: 'right' },
      ],
      rows: events.map((e) => [
        when(timeZone, e.occurred_at),
        e.actor_id,
        e.command,
        e.outcome,
        e.row_count,
        ids(e).length,
        e.latency_ms,
      ]),
    },
    footer: footer(timeZone, now),
  };
}

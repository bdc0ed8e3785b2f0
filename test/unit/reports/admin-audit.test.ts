import { describe, expect, it } from 'vitest';
import { auditReport, type AuditEvent } from '../../../src/core/reports/admin-audit.ts';

const TZ = 'America/New_York';
const NOW = Date.UTC(2026, 2, 10, 12, 0);
const event = (e: Partial<AuditEvent>): AuditEvent => ({
  occurred_at: new Date(Date.UTC(2026, 2, 10, 11, 0)),
  actor_id: '123456789012345678',
  command: '/patient summary',
  outcome: 'ok',
  row_count: 1,
  patient_ids: null,
  latency_ms: 40,
  ...e,
});

describe('auditReport', () => {
  it('with no events and no scope, says none match under a plain title', () => {
    const r = auditReport([], {}, TZ, NOW);
    expect(r.title).toBe('Audit trail');
    expect(r.summary).toBe('No audit events match.');
    expect(r.table?.rows).toEqual([]);
    expect(r.footer).toBe('as of 2026-03-10 08:00 America/New_York');
  });

  it('names the user and the patient the trail was narrowed to', () => {
    expect(auditReport([], { userId: '123456789012345678' }, TZ, NOW).title).toBe(
      'Audit trail (by <@123456789012345678>)',
    );
    expect(auditReport([], { patient: 'MRN000042' }, TZ, NOW).title).toBe(
      'Audit trail (disclosing MRN000042)',
    );
    expect(auditReport([], { userId: '123456789012345678', patient: 'MRN000042' }, TZ, NOW).title).toBe(
      'Audit trail (by <@123456789012345678>, disclosing MRN000042)',
    );
  });

  it('counts the patients of each event whether the driver gives them as an array, JSON text or null', () => {
    const r = auditReport(
      [
        event({ patient_ids: [4, 5] }),
        event({ patient_ids: '[7, 8, 9]', command: '/er active', row_count: 3 }),
        event({ patient_ids: null, actor_id: null, outcome: 'denied', row_count: null, latency_ms: null }),
      ],
      {},
      TZ,
      NOW,
    );
    expect(r.summary).toBe('The latest 3 events, newest first.');
    expect(r.table?.rows).toEqual([
      ['2026-03-10 07:00', '123456789012345678', '/patient summary', 'ok', 1, 2, 40],
      ['2026-03-10 07:00', '123456789012345678', '/er active', 'ok', 3, 3, 40],
      ['2026-03-10 07:00', null, '/patient summary', 'denied', null, 0, null],
    ]);
  });

  it('with one event, reads in the singular', () => {
    expect(auditReport([event({})], {}, TZ, NOW).summary).toBe('The latest 1 event, newest first.');
  });
});

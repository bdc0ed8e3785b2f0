import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { ruleSettings } from '../../../src/core/alerts.ts';
import {
  alertsReport,
  type AlertPostStatus,
  type AlertRuleStatus,
} from '../../../src/core/reports/admin-alerts.ts';

const TZ = 'America/New_York';
const NOW = Date.UTC(2026, 2, 10, 12, 0);
const at = (hh: number, mm: number) => new Date(Date.UTC(2026, 2, 10, hh, mm));
const alerts = loadConfig({ ALERT_CHANNEL_ID: '123456789012345678', ALERT_CENSUS_AT: '40' }).alerts;
const settings = ruleSettings(alerts);
const state = (s: Partial<AlertRuleStatus>): AlertRuleStatus => ({
  rule: 'census',
  state: 'armed',
  clear_since: null,
  measured: 12,
  evaluated_at: at(11, 59),
  fired_at: null,
  cleared_at: null,
  ...s,
});
const post = (p: Partial<AlertPostStatus>): AlertPostStatus => ({
  rule: 'census',
  kind: 'fired',
  state: 'posted',
  happened_at: at(11, 0),
  last_status: null,
  last_error: null,
  ...p,
});

describe('alertsReport', () => {
  it('before any run, lists every rule armed with its threshold', () => {
    const r = alertsReport(settings, [], [], alerts, TZ, NOW);
    expect(r.summary).toContain('No rule is firing.');
    expect(r.table?.rows).toEqual([
      ['census', '40 or more patients in the ER', 'armed (not evaluated yet)', null, '-', '-', '-', '-'],
      [
        'waiting',
        'a triage 1-2 patient waiting over 30 min with no treatment',
        'armed (not evaluated yet)',
        null,
        '-',
        '-',
        '-',
        '-',
      ],
      [
        'dispatch_surge',
        '5 or more high-severity dispatches in 60 min',
        'armed (not evaluated yet)',
        null,
        '-',
        '-',
        '-',
        '-',
      ],
    ]);
  });

  it('shows a firing rule, and a cooling one with when it re-arms or that it is true again', () => {
    const r = alertsReport(
      settings,
      [
        state({ state: 'firing', measured: 44, fired_at: at(11, 30) }),
        state({ rule: 'waiting', state: 'cooling', clear_since: at(11, 50), measured: 0 }),
        state({ rule: 'dispatch_surge', state: 'cooling', clear_since: null, measured: 6 }),
      ],
      [],
      alerts,
      TZ,
      NOW,
    );
    expect(r.summary).toContain('Firing now: census.');
    expect(r.table?.rows.map((row) => row.slice(2, 6))).toEqual([
      ['firing', 44, '2026-03-10 07:59', '2026-03-10 07:30'],
      ['cooling: re-arms at 2026-03-10 08:20', 0, '2026-03-10 07:59', '-'],
      ['cooling: true again, re-arms once clear for 30 min', 6, '2026-03-10 07:59', '-'],
    ]);
  });

  it('reports a failed delivery with its status and advice, until a later post goes through', () => {
    const failed = post({ state: 'failed', last_status: 403, last_error: 'the bot lacks access' });
    const now = alertsReport(settings, [state({})], [failed], alerts, TZ, NOW);
    expect(now.summary).toContain('⚠ the last census post failed (403)');
    expect(now.table?.rows[0]?.[7]).toBe('403 at 2026-03-10 07:00: the bot lacks access');
    const later = alertsReport(
      settings,
      [state({})],
      [failed, post({ kind: 'cleared', happened_at: at(11, 20) })],
      alerts,
      TZ,
      NOW,
    );
    expect(later.summary).not.toContain('⚠');
    expect(later.table?.rows[0]?.[7]).toBe(
      '403 at 2026-03-10 07:00: the bot lacks access (a later post went through)',
    );
  });

  it('without a channel, says alerts are off; a rule turned off shows off', () => {
    const off = loadConfig({ ALERT_WAIT_MINUTES: 'off' }).alerts;
    const r = alertsReport(ruleSettings(off), [], [], off, TZ, NOW);
    expect(r.summary).toBe('ER surge alerts are off: ALERT_CHANNEL_ID is not set.');
    expect(r.table?.rows.map((row) => row.slice(0, 3))).toEqual([
      ['census', 'off', 'off'],
      ['waiting', 'off', 'off'],
      ['dispatch_surge', '5 or more high-severity dispatches in 60 min', 'armed (not evaluated yet)'],
    ]);
  });
});

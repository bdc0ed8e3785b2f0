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
    expect(r.summary).toBe(
      [
        'Alerts post to <#123456789012345678> when a rule fires and when it clears; a rule that fired re-arms after 30 min clear.',
        'census: alerts at 40 or more patients in the ER; armed, not evaluated yet.',
        'waiting: alerts at a triage 1-2 patient waiting over 30 min with no treatment; armed, not evaluated yet.',
        'dispatch_surge: alerts at 5 or more high-severity dispatches in 60 min; armed, not evaluated yet.',
      ].join('\n'),
    );
    expect(r.table?.rows).toEqual([
      ['census', '≥ 40 in ER', 'armed', null, '-', '-', '-'],
      ['waiting', 'ESI 1-2 > 30 min', 'armed', null, '-', '-', '-'],
      ['dispatch_surge', '≥ 5 high/60 min', 'armed', null, '-', '-', '-'],
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
      [post({})],
      alerts,
      TZ,
      NOW,
    );
    expect(r.summary.split('\n')).toEqual([
      'Alerts post to <#123456789012345678> when a rule fires and when it clears; a rule that fired re-arms after 30 min clear. Last measured 2026-03-10 07:59.',
      'census: alerts at 40 or more patients in the ER; firing since 2026-03-10 07:30.',
      'waiting: alerts at a triage 1-2 patient waiting over 30 min with no treatment; cooling: re-arms at 2026-03-10 08:20.',
      'dispatch_surge: alerts at 5 or more high-severity dispatches in 60 min; cooling: true again, re-arms once clear for 30 min.',
    ]);
    expect(r.table?.rows.map((row) => row.slice(2))).toEqual([
      ['firing', 44, '03-10 07:30', '-', 'ok'],
      ['cooling', 0, '-', '-', '-'],
      ['cooling', 6, '-', '-', '-'],
    ]);
  });

  it('reports a failed delivery with its status and advice, until a later post goes through', () => {
    const failed = post({ state: 'failed', last_status: 403, last_error: 'the bot lacks access' });
    const now = alertsReport(settings, [state({})], [failed], alerts, TZ, NOW);
    expect(now.summary).toContain(
      '⚠ census: the fired post of 2026-03-10 07:00 failed (403): the bot lacks access.',
    );
    expect(now.table?.rows[0]?.[6]).toBe('403');
    const later = alertsReport(
      settings,
      [state({})],
      [failed, post({ kind: 'cleared', happened_at: at(11, 20) })],
      alerts,
      TZ,
      NOW,
    );
    expect(later.summary).toContain(
      '⚠ census: the fired post of 2026-03-10 07:00 failed (403): the bot lacks access; a later post went through.',
    );
    expect(later.table?.rows[0]?.[6]).toBe('403, then ok');
  });

  it('without a channel, says alerts are off; a rule turned off shows off', () => {
    const off = loadConfig({ ALERT_WAIT_MINUTES: 'off' }).alerts;
    const r = alertsReport(ruleSettings(off), [], [], off, TZ, NOW);
    expect(r.summary).toBe('ER surge alerts are off: ALERT_CHANNEL_ID is not set.');
    expect(r.table?.rows.map((row) => row.slice(0, 3))).toEqual([
      ['census', 'off', 'off'],
      ['waiting', 'off', 'off'],
      ['dispatch_surge', '≥ 5 high/60 min', 'armed'],
    ]);
  });
});

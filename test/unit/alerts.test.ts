import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { alertMarker, alertPost } from '../../src/core/alert-posts.ts';
import {
  evaluateRule,
  minutesText,
  ruleClears,
  ruleFires,
  ruleSettings,
  snoozed,
  type RuleState,
} from '../../src/core/alerts.ts';
import type { AlertTransition } from '../../src/core/vocabulary.ts';

const MIN = 60_000;
const T0 = Date.parse('2026-03-10T12:00:00Z');

/** Runs a rule over one condition per minute from armed; the transitions it would post, by minute. */
function run(conditions: boolean[], rearmMinutes: number): [number, AlertTransition][] {
  let state: RuleState = { state: 'armed', clearSince: null };
  const posts: [number, AlertTransition][] = [];
  conditions.forEach((firing, minute) => {
    const ev = evaluateRule(state, firing, T0 + minute * MIN, rearmMinutes * MIN);
    if (ev.transition) posts.push([minute, ev.transition]);
    state = ev.next;
  });
  return posts;
}

/**
 * The rule as the issue states it, written independently: post "fired" when the condition becomes true
 * and the rule is armed; post "cleared" at the first clear minute after that; a rule that fired is armed
 * again once its condition has been clear for `rearm` minutes in a row (measured from the first clear
 * minute of the run).
 */
function reference(conditions: boolean[], rearm: number): [number, AlertTransition][] {
  const posts: [number, AlertTransition][] = [];
  let armed = true;
  let firing = false;
  let runStart: number | undefined;
  conditions.forEach((c, minute) => {
    if (c) runStart = undefined;
    else runStart ??= minute;
    if (firing && !c) {
      firing = false;
      posts.push([minute, 'cleared']);
    } else if (!armed && !firing && !c && runStart !== undefined && minute - runStart >= rearm) {
      armed = true;
    } else if (armed && c) {
      armed = false;
      firing = true;
      posts.push([minute, 'fired']);
    }
  });
  return posts;
}

describe('a rule fires', () => {
  it('exactly when the measure reaches its threshold, for every threshold and measure up to 30', () => {
    for (let at = 1; at <= 30; at++)
      for (let measured = 0; measured <= 30; measured++) {
        const census = ruleSettings({ ...loadConfig({}).alerts, censusAt: at })[0];
        expect(census?.rule).toBe('census');
        if (census) expect(ruleFires(census, measured)).toBe(measured >= at);
      }
  });

  it('waiting fires for one patient waiting too long, whatever the minutes', () => {
    for (const waitMinutes of [1, 15, 30, 240]) {
      const waiting = ruleSettings({ ...loadConfig({}).alerts, waitMinutes })[1];
      expect(waiting).toMatchObject({ rule: 'waiting', threshold: waitMinutes, firesAt: 1 });
      if (waiting) expect([0, 1, 2].map((n) => ruleFires(waiting, n))).toEqual([false, true, true]);
    }
  });

  it('never when the rule is off', () => {
    const settings = ruleSettings(loadConfig({ ALERT_WAIT_MINUTES: 'off', ALERT_DISPATCH_AT: 'off' }).alerts);
    expect(settings.map((s) => s.threshold)).toEqual([undefined, undefined, undefined]);
    for (const s of settings) for (const n of [0, 1, 1000]) expect(ruleFires(s, n)).toBe(false);
  });
});

describe('a rule moves on', () => {
  it('from each state, as the diagram says', () => {
    const now = T0;
    const rearm = 30 * MIN;
    const cases: [RuleState, boolean, RuleState, AlertTransition | undefined][] = [
      [{ state: 'armed', clearSince: null }, false, { state: 'armed', clearSince: null }, undefined],
      [{ state: 'armed', clearSince: null }, true, { state: 'firing', clearSince: null }, 'fired'],
      [{ state: 'firing', clearSince: null }, true, { state: 'firing', clearSince: null }, undefined],
      [{ state: 'firing', clearSince: null }, false, { state: 'cooling', clearSince: now }, 'cleared'],
      [{ state: 'cooling', clearSince: now - MIN }, true, { state: 'cooling', clearSince: null }, undefined],
      [{ state: 'cooling', clearSince: null }, false, { state: 'cooling', clearSince: now }, undefined],
      [
        { state: 'cooling', clearSince: now - rearm + 1 },
        false,
        { state: 'cooling', clearSince: now - rearm + 1 },
        undefined,
      ],
      [{ state: 'cooling', clearSince: now - rearm }, false, { state: 'armed', clearSince: null }, undefined],
      [
        { state: 'cooling', clearSince: now - rearm },
        true,
        { state: 'cooling', clearSince: null },
        undefined,
      ],
    ];
    for (const [prev, firing, next, transition] of cases)
      expect(evaluateRule(prev, firing, now, rearm), JSON.stringify([prev, firing])).toEqual({
        next,
        transition,
      });
  });

  it('over every minute-by-minute history of 12 minutes, posts what the stated rule posts', () => {
    for (const rearm of [1, 2, 3, 5])
      for (let bits = 0; bits < 1 << 12; bits++) {
        const conditions = Array.from({ length: 12 }, (_, i) => ((bits >> i) & 1) === 1);
        expect(run(conditions, rearm), `${bits.toString(2)} rearm ${rearm}`).toEqual(
          reference(conditions, rearm),
        );
      }
  });

  it('over every history, posts alternate fired and cleared, starting with fired', () => {
    for (let bits = 0; bits < 1 << 12; bits++) {
      const conditions = Array.from({ length: 12 }, (_, i) => ((bits >> i) & 1) === 1);
      const kinds = run(conditions, 2).map(([, k]) => k);
      kinds.forEach((k, i) => expect(k).toBe(i % 2 === 0 ? 'fired' : 'cleared'));
    }
  });

  it('re-arms only after the re-arm time clear, counted from the first clear evaluation', () => {
    // Fires at 0, clears at 1, true again at 10, clear from 11: with 30 minutes to re-arm, fires again at
    // the first true minute at or after 11 + 30 and not before.
    const conditions = Array.from({ length: 60 }, (_, m) => m === 0 || m === 10 || m >= 45);
    expect(run(conditions, 30)).toEqual([
      [0, 'fired'],
      [1, 'cleared'],
      [45, 'fired'],
    ]);
    const early = Array.from({ length: 60 }, (_, m) => m === 0 || m === 10 || m === 40 || m >= 41);
    expect(run(early, 30)).toEqual([
      [0, 'fired'],
      [1, 'cleared'],
    ]);
  });
});

describe('the post', () => {
  const base = {
    rule: 'census' as const,
    seq: 3,
    kind: 'fired' as const,
    happenedAt: new Date('2026-03-10T18:04:00Z'),
    firedAt: null,
    measured: 42,
    threshold: 40,
  };

  it('says the count, the threshold and the local time, and carries its marker', () => {
    const embed = alertPost(base, 'America/New_York', 5);
    expect(embed.title).toBe('⚠ ER census: alert');
    expect(embed.description).toBe(
      '**42** patients in the ER now: the alert is set at 40 or more patients in the ER. Since 2026-03-10 14:04 America/New_York.',
    );
    expect(embed.footer.text).toBe(alertMarker('census', 3, 'fired'));
  });

  it('when cleared, replies that it resolved and after how long', () => {
    const embed = alertPost(
      { ...base, kind: 'cleared', measured: 31, firedAt: new Date('2026-03-10T16:59:00Z') },
      'America/New_York',
      5,
    );
    expect(embed.title).toBe('✓ ER census: resolved');
    expect(embed.description).toBe(
      'Resolved at 2026-03-10 14:04 America/New_York, after 1 h 05 min: **31** patients in the ER now.',
    );
  });

  it('shows small counts as <N, as the daily summary does, and exact counts when suppression is off', () => {
    for (let n = 0; n <= 6; n++) {
      const text = alertPost({ ...base, rule: 'waiting', measured: n, threshold: 30 }, 'UTC', 5).description;
      expect(text.startsWith(n >= 1 && n < 5 ? '**<5**' : `**${n}**`)).toBe(true);
      expect(alertPost({ ...base, measured: n }, 'UTC', 0).description.startsWith(`**${n}**`)).toBe(true);
    }
  });

  it('reads durations in minutes, then hours', () => {
    expect([0, 59, 60, 61, 185].map((m) => minutesText(m * MIN))).toEqual([
      '0 min',
      '59 min',
      '1 h 00 min',
      '1 h 01 min',
      '3 h 05 min',
    ]);
  });
});

describe('settings from /admin alerts', () => {
  const config = { ...loadConfig({}).alerts, censusAt: 10, dispatchAt: 5, waitMinutes: 30 };
  const none = { threshold: null, clear_at: null, snoozed_until: null };

  it('a threshold set from Discord replaces the configured one, and the clear level defaults to it', () => {
    const [census, waiting, dispatch] = ruleSettings(config, [
      { rule: 'census', ...none, threshold: 12 },
      { rule: 'dispatch_surge', ...none, threshold: 8, clear_at: 4 },
    ]);
    expect(census).toMatchObject({ threshold: 12, firesAt: 12, clearAt: 12 });
    expect(waiting).toMatchObject({ threshold: 30, firesAt: 1, clearAt: 1 });
    expect(dispatch).toMatchObject({ threshold: 8, firesAt: 8, clearAt: 4 });
  });

  it('a rule with a lower clear level keeps firing between the two levels and clears below the lower', () => {
    const [census] = ruleSettings(config, [{ rule: 'census', ...none, clear_at: 6 }]);
    if (!census) throw new Error('no census rule');
    let state: RuleState = { state: 'armed', clearSince: null };
    const seen: string[] = [];
    for (const [minute, measured] of [10, 8, 6, 5, 7, 11].entries()) {
      const ev = evaluateRule(state, ruleFires(census, measured), T0 + minute * MIN, 30 * MIN, {
        clear: ruleClears(census, measured),
      });
      seen.push(`${measured}:${ev.next.state}${ev.transition ? `/${ev.transition}` : ''}`);
      state = ev.next;
    }
    expect(seen).toEqual([
      '10:firing/fired',
      '8:firing',
      '6:firing',
      '5:cooling/cleared',
      '7:cooling',
      '11:cooling',
    ]);
  });

  it('a snoozed rule does not fire while snoozed, and fires at its first evaluation after the snooze', () => {
    const until = T0 + 15 * MIN;
    const [census] = ruleSettings(config, [{ rule: 'census', ...none, snoozed_until: new Date(until) }]);
    if (!census) throw new Error('no census rule');
    const at = (minute: number) => {
      const now = T0 + minute * MIN;
      return evaluateRule({ state: 'armed', clearSince: null }, ruleFires(census, 20), now, 30 * MIN, {
        snoozed: snoozed(census, now),
      }).transition;
    };
    expect([0, 14, 15, 16].map(at)).toEqual([undefined, undefined, 'fired', 'fired']);
  });

  it('a snooze does not hold back the clearing of a rule that is firing', () => {
    const ev = evaluateRule({ state: 'firing', clearSince: null }, false, T0, 30 * MIN, { snoozed: true });
    expect(ev.transition).toBe('cleared');
  });
});

import { describe, expect, it } from 'vitest';
import {
  ackButtonId,
  alertMarker,
  alertPost,
  escalationContent,
  memberName,
  parseAckButtonId,
} from '../../src/core/alert-posts.ts';

const TZ = 'America/New_York';
const fired = {
  rule: 'census' as const,
  seq: 1,
  kind: 'fired' as const,
  happenedAt: new Date('2026-03-10T18:04:00Z'),
  firedAt: null,
  measured: 42,
  threshold: 40,
};

describe('an alert post after it was posted', () => {
  it('once acknowledged, says by whom and at what local time, and stays an alert', () => {
    const embed = alertPost(fired, TZ, 5, {
      acknowledged: { name: 'Dana Reyes', at: new Date('2026-03-10T18:09:00Z') },
    });
    expect(embed.title).toBe('⚠ ER census: acknowledged');
    expect(embed.description.split('\n')).toEqual([
      '**42** patients in the ER now: the alert is set at 40 or more patients in the ER. Since 2026-03-10 14:04 America/New_York.',
      'Acknowledged by Dana Reyes at 14:09.',
    ]);
    expect(embed.footer.text).toBe('hers-bot alert census #1 · fired');
  });

  it('once resolved, says when, how long it lasted and who had it, keeping its marker', () => {
    const resolvedAt = new Date('2026-03-10T19:09:00Z');
    const acknowledged = { name: 'Dana Reyes', at: new Date('2026-03-10T18:09:00Z') };
    const embed = alertPost(fired, TZ, 5, { acknowledged, resolvedAt });
    expect(embed.title).toBe('✓ ER census: resolved');
    expect(embed.description.split('\n')[0]).toBe(
      'Fired at 2026-03-10 14:04 America/New_York with **42** patients in the ER (the alert is set at 40 or more patients in the ER).',
    );
    expect(embed.description.split('\n').slice(1)).toEqual([
      'Resolved at 15:09, after 1 h 05 min.',
      'Acknowledged by Dana Reyes at 14:09.',
    ]);
    expect(alertPost(fired, TZ, 5, { resolvedAt }).description).toContain('\nNot acknowledged.');
    expect(embed.footer.text).toBe(alertMarker('census', 1, 'fired'));
  });

  it('an escalation says how long nobody has had it, and mentions the on-call role only', () => {
    const embed = alertPost(
      {
        ...fired,
        kind: 'escalated',
        happenedAt: new Date('2026-03-10T18:14:00Z'),
        firedAt: fired.happenedAt,
      },
      TZ,
      5,
    );
    expect(embed.title).toBe('⚠ ER census: not acknowledged');
    expect(embed.description).toBe(
      'Nobody has acknowledged this alert in 10 min: **42** patients in the ER now. Press Acknowledge on it to take it.',
    );
    expect(escalationContent('census', '123456789012345678')).toBe(
      '<@&123456789012345678> ER census alert not acknowledged.',
    );
  });

  it('a member name is shown as plain text (the one Discord escape): no markdown, links, mentions or direction overrides', () => {
    const cases: [string, string][] = [
      ['Dana Reyes', 'Dana Reyes'],
      ['**Dana**', '\\*\\*Dana\\*\\*'],
      ['@everyone', '\\@everyone'],
      ['<@&500000000000000005>', '\\<\\@&500000000000000005>'],
      ['[Verify](http://evil.example)', '\\[Verify\\](http\\://evil.example)'],
      ['Dana\u202eseyeR', 'DanaseyeR'],
      ['# big', '\\# big'],
      ['', 'a member'],
    ];
    for (const [name, shown] of cases) expect(memberName(name), name).toBe(shown);
    expect(memberName('x'.repeat(200))).toHaveLength(80);
  });

  it("one post's marker never starts another's (#1 and #10, fired and escalated)", () => {
    const markers = [1, 10].flatMap((seq) =>
      (['fired', 'cleared', 'escalated'] as const).map((kind) => alertMarker('census', seq, kind)),
    );
    for (const a of markers) for (const b of markers) if (a !== b) expect(b.startsWith(a)).toBe(false);
  });

  it('the Acknowledge button names its post, and other ids are not read as one', () => {
    expect(parseAckButtonId(ackButtonId(42))).toBe(42);
    for (const id of ['hers:ack:', 'hers:ack:x', 'hers:ack:1:2', 'hers:csv:abc', 'hers:ack:12345678901'])
      expect(parseAckButtonId(id), id).toBeUndefined();
  });
});

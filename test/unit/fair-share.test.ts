import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { Context, Subcommand } from '../../src/runner/command.ts';
import { InFlight, isHeavy, isReport, laneContext, OneAtATime } from '../../src/runner/fair-share.ts';

const TZ = 'America/New_York';
const NOW = Date.parse('2026-11-01T12:00:00Z');

function sub(command: string, name: string): Subcommand {
  const found = commands.get(command)?.subcommands.get(name);
  if (!found) throw new Error(`/${command} ${name} is not declared`);
  return found;
}

describe('isReport', () => {
  it.each([
    ['patient', 'lookup', false],
    ['patient', 'history', false],
    ['meds', 'patient', false],
    ['appointments', 'patient', false],
    ['er', 'arrivals', true],
    ['er', 'census', true],
    ['staff', 'specialties', true],
    ['patient', 'frequent', true],
    ['er', 'recent-treatments', true],
  ])('/%s %s: report %s', (command, name, report) => {
    expect(isReport(sub(command, name))).toBe(report);
  });
});

describe('isHeavy (heavy from 90 days)', () => {
  const arrivals = sub('er', 'arrivals');
  const heavy = (options: Record<string, unknown>) => isHeavy(arrivals, options, 90, NOW, TZ);

  it.each([
    [{ window: '1y' }, true],
    [{ window: '90d' }, true],
    [{ window: '30d' }, false],
    [{}, false], // the fallback, 24h
    [{ from: '2026-01-01', to: '2026-03-31' }, true], // 90 calendar days across the change to summer time
    [{ from: '2026-01-01', to: '2026-03-30' }, false],
    [{ from: '2026-03-31', to: '2026-01-01' }, false], // refused by the command itself
    [{ window: 'forever' }, false],
  ])('with %o: %s', (options, expected) => {
    expect(heavy(options)).toBe(expected);
  });

  it('without a window option, is never heavy', () => {
    expect(isHeavy(sub('staff', 'specialties'), {}, 1, NOW, TZ)).toBe(false);
    expect(isHeavy(sub('patient', 'lookup'), { patient: 'MRN1' }, 1, NOW, TZ)).toBe(false);
  });

  it('with a default window as long as the threshold, is heavy without options', () => {
    expect(isHeavy(sub('patient', 'frequent'), {}, 30, NOW, TZ)).toBe(true);
  });
});

describe('InFlight', () => {
  it('lets a member run up to the limit, refuses one more, and takes one again once a place is left', () => {
    const running = new InFlight(2);
    const first = running.enter('a');
    const second = running.enter('a');
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(running.enter('a')).toBeUndefined();
    expect(running.enter('b')).toBeDefined();
    first?.();
    first?.(); // leaving twice gives back one place
    expect(running.of('a')).toBe(1);
    expect(running.enter('a')).toBeDefined();
    expect(running.enter('a')).toBeUndefined();
  });
});

describe('OneAtATime', () => {
  it("runs one member's work in order, one piece at a time, beside another member's, and forgets idle members", async () => {
    const queue = new OneAtATime();
    const events: string[] = [];
    let running = 0;
    let most = 0;
    const piece =
      (name: string, fail = false) =>
      async () => {
        running++;
        most = Math.max(most, running);
        events.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        events.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      queue.run('a', piece('a1', true)),
      queue.run('a', piece('a2')),
      queue.run('b', piece('b1')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(events.indexOf('start a2')).toBeGreaterThan(events.indexOf('end a1'));
    expect(events.indexOf('start b1')).toBeLessThan(events.indexOf('end a1'));
    expect(most).toBe(2);
    await new Promise((r) => setTimeout(r, 0));
    expect(queue.members).toBe(0);
  });
});

describe('laneContext', () => {
  const clinical = { sql: { name: 'clinical sql' }, read: { name: 'clinical read' } };
  const ctx = {
    sql: { name: 'sql' },
    read: { name: 'read' },
    clinical,
  } as unknown as Context;

  it('runs a clinical lookup on the clinical connections, and a report on the shared ones', () => {
    const lookup = laneContext(ctx, sub('patient', 'lookup'));
    expect(lookup.sql).toBe(clinical.sql);
    expect(lookup.read).toBe(clinical.read);
    expect(laneContext(ctx, sub('er', 'arrivals'))).toBe(ctx);
  });

  it('without clinical connections (the console), runs everything on the shared ones', () => {
    const plain = { ...ctx, clinical: undefined } as Context;
    expect(laneContext(plain, sub('patient', 'lookup'))).toBe(plain);
  });
});

import nodeCron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { cronMatches, firstFireOn, parseCron } from '../../src/core/cron.ts';

describe('cron', () => {
  const NY = 'America/New_York';

  it('parses five fields and rejects anything else', () => {
    expect(parseCron('0 7 * * *')).toBeDefined();
    expect(parseCron('*/15 6-8 * * 1-5')).toBeDefined();
    for (const bad of ['0 7 * *', '60 7 * * *', '0 24 * * *', 'a b c d e', '0 7 * JAN *'])
      expect(parseCron(bad), bad).toBeUndefined();
  });

  it('fires at 07:00 local on ordinary days and on both daylight-saving changes', () => {
    const cron = parseCron('0 7 * * *');
    if (!cron) throw new Error('cron');
    expect(new Date(firstFireOn(cron, NY, '2026-03-07') ?? 0).toISOString()).toBe('2026-03-07T12:00:00.000Z');
    expect(new Date(firstFireOn(cron, NY, '2026-03-08') ?? 0).toISOString()).toBe('2026-03-08T11:00:00.000Z');
    expect(new Date(firstFireOn(cron, NY, '2026-11-01') ?? 0).toISOString()).toBe('2026-11-01T12:00:00.000Z');
  });

  it('at a time skipped by spring-forward, does not fire that day', () => {
    const cron = parseCron('30 2 * * *');
    if (!cron) throw new Error('cron');
    expect(firstFireOn(cron, NY, '2026-03-08')).toBeUndefined();
    expect(firstFireOn(cron, NY, '2026-03-09')).toBeDefined();
  });

  it('on weekdays only, skips the weekend', () => {
    const cron = parseCron('0 7 * * 1-5');
    if (!cron) throw new Error('cron');
    expect(firstFireOn(cron, NY, '2026-03-07')).toBeUndefined(); // a Saturday
    expect(firstFireOn(cron, NY, '2026-03-09')).toBeDefined();
  });
});

describe('node-cron and our cron reading agree', () => {
  it.each([
    ['0 7 * * *', 'America/New_York'],
    ['30 6 * * 1-5', 'Europe/London'],
    ['*/20 * * * *', 'Asia/Kolkata'],
    ['0 7 * * *', 'Australia/Sydney'],
  ])('%s in %s: the scheduler ticks when a day becomes due', async (expr, tz) => {
    const cron = parseCron(expr);
    if (!cron) throw new Error(expr);
    const task = nodeCron.schedule(expr, () => undefined, { timezone: tz });
    const next = task.getNextRun()?.getTime() ?? 0;
    await task.destroy();
    // Our reading: the first minute from now on that matches.
    let t = Math.ceil((Date.now() + 1) / 60_000) * 60_000;
    while (!cronMatches(cron, tz, t)) t += 60_000;
    expect(next).toBe(t);
    expect(nodeCron.validate(expr)).toBe(true);
  });
});

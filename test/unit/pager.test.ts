import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { approximateBytes, DEFAULT_PAGER_LIMITS, Pager, type PagerLimits } from '../../src/discord/pager.ts';
import { loadConfig } from '../../src/config.ts';

const TTL = 15 * 60_000;
const pagers: Pager[] = [];
afterEach(() => {
  for (const p of pagers.splice(0)) p.stop();
});

function pager(limits: Partial<PagerLimits>, clock: { t: number } = { t: 0 }): Pager {
  const p = new Pager(TTL, limits, () => clock.t);
  pagers.push(p);
  return p;
}

/** A paged reply whose text is about `chars` characters. */
function state(chars: number, user = '100000000000000001') {
  const reply: Reply = {
    title: 'Top medications',
    summary: '',
    sensitivity: 'aggregate',
    footer: 'last 30 days',
    patientIds: [],
    table: { columns: [{ name: 'medication' }], rows: [['x'.repeat(chars)]] },
  };
  return { userId: user, reply, pages: ['p'.repeat(chars)], command: '/meds top' };
}

/** A pseudo-random sequence that is the same on every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('Pager limits', () => {
  it('over random sequences of adds and reads, agrees with a plain least-recently-used list and stays within both caps', () => {
    for (let run = 0; run < 300; run++) {
      const rnd = random(run + 1);
      const limits = { maxEntries: 1 + Math.floor(rnd() * 8), maxBytes: 2_000 + Math.floor(rnd() * 20_000) };
      const p = pager(limits);
      // The model: ids in order of use, least recent first, with their sizes.
      let model: { id: string; bytes: number }[] = [];
      const known: string[] = [];
      for (let step = 0; step < 60; step++) {
        if (known.length === 0 || rnd() < 0.5) {
          const s = state(Math.floor(rnd() * 6_000));
          const bytes = approximateBytes(s);
          const id = p.add(s);
          if (bytes > limits.maxBytes) {
            expect(id, 'a state larger than the store is not kept').toBeUndefined();
            continue;
          }
          expect(id).toBeDefined();
          known.push(id ?? '');
          model.push({ id: id ?? '', bytes });
          const total = () => model.reduce((n, e) => n + e.bytes, 0);
          while (model.length > limits.maxEntries || total() > limits.maxBytes) model.shift();
        } else {
          const id = known[Math.floor(rnd() * known.length)] ?? '';
          const got = p.get(id);
          const at = model.findIndex((e) => e.id === id);
          expect(got !== undefined, `run ${run} step ${step}: read of ${id}`).toBe(at >= 0);
          if (at >= 0) model = [...model.slice(0, at), ...model.slice(at + 1), model[at] ?? { id, bytes: 0 }];
        }
        const stats = p.stats();
        expect(stats.entries).toBe(model.length);
        expect(stats.bytes).toBe(model.reduce((n, e) => n + e.bytes, 0));
        expect(stats.entries).toBeLessThanOrEqual(limits.maxEntries);
        expect(stats.bytes).toBeLessThanOrEqual(limits.maxBytes);
      }
    }
  });

  it('when full by count, forgets the least recently used: a read keeps a state', () => {
    const p = pager({ maxEntries: 3 });
    const a = String(p.add(state(10)));
    const b = String(p.add(state(10)));
    const c = String(p.add(state(10)));
    expect(p.get(a)).toBeDefined();
    const d = String(p.add(state(10)));
    expect([a, b, c, d].map((id) => p.get(id) !== undefined)).toEqual([true, false, true, true]);
  });

  it('when full by size, forgets as many of the oldest as it takes to fit a large state', () => {
    const small = approximateBytes(state(1_000));
    const p = pager({ maxBytes: small * 4 });
    const ids = Array.from({ length: 4 }, () => String(p.add(state(1_000))));
    const big = String(p.add(state(2_500)));
    expect([...ids, big].map((id) => p.get(id) !== undefined)).toEqual([false, false, false, true, true]);
  });

  it('still forgets a state after its time to live, whatever room is left', () => {
    const clock = { t: 0 };
    const p = pager({}, clock);
    const id = String(p.add(state(10)));
    clock.t = TTL - 1;
    expect(p.get(id)).toBeDefined();
    clock.t = TTL;
    expect(p.get(id)).toBeUndefined();
    expect(p.stats()).toEqual({ entries: 0, bytes: 0 });
  });

  it('counts a state by its text: two hundred 2,000-character pages are about 800 KB', () => {
    const s = { ...state(0), pages: Array.from({ length: 200 }, () => 'x'.repeat(2_000)) };
    expect(approximateBytes(s)).toBeGreaterThan(800_000);
    expect(approximateBytes(s)).toBeLessThan(802_000);
  });

  it('defaults to 1,000 states and 32 MB, and reads both limits from the settings', () => {
    expect(DEFAULT_PAGER_LIMITS).toEqual({ maxEntries: 1_000, maxBytes: 32 * 1024 * 1024 });
    expect(loadConfig({}).pages).toEqual(DEFAULT_PAGER_LIMITS);
    expect(loadConfig({ PAGE_STORE_MAX_ENTRIES: '50', PAGE_STORE_MAX_MB: '4' }).pages).toEqual({
      maxEntries: 50,
      maxBytes: 4 * 1024 * 1024,
    });
    expect(() => loadConfig({ PAGE_STORE_MAX_ENTRIES: '0' })).toThrow(/PAGE_STORE_MAX_ENTRIES/);
  });
});

import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { migrate } from '../../src/data/migrate.ts';
import { createPool, type Pool } from '../../src/data/mysql.ts';
import { InteractionClaims } from '../../src/discord/claims.ts';
import { approximateBytes, Pager, type PagerLimits } from '../../src/discord/pager.ts';
import { testDatabases } from '../support/databases.ts';

const TTL = 15 * 60_000;
const db = testDatabases('shared_state');
let pool: Pool;
const stoppers: { stop(): void }[] = [];

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  pool = createPool(db.mysqlUrl, 4);
});
afterAll(async () => {
  await pool?.end();
  await db.drop();
});
beforeEach(async () => {
  await pool.query('DELETE FROM page_state');
});
afterEach(() => {
  for (const s of stoppers.splice(0)) s.stop();
});

/** A pager of one bot process; several share the database. The clock moves 1 ms per call. */
function pager(limits: Partial<PagerLimits>, clock: { t: number } = { t: 1_800_000_000_000 }): Pager {
  const p = new Pager(pool, {
    ttlMs: TTL,
    limits,
    now: () => clock.t++,
    onError: (err) => {
      throw err;
    },
  });
  stoppers.push(p);
  return p;
}

/** A paged reply whose text is about `chars` characters. */
function state(chars: number, user = '100000000000000001', sensitivity: Reply['sensitivity'] = 'aggregate') {
  const reply: Reply = {
    title: 'Top medications',
    summary: '',
    sensitivity,
    footer: 'last 30 days',
    patientIds: sensitivity === 'phi' ? [42] : [],
    table: { columns: [{ name: 'medication' }], rows: [['x'.repeat(chars), 3, null]] },
  };
  return { userId: user, reply, pages: ['p'.repeat(chars)], command: '/meds top', needsPhi: false };
}

/** A pseudo-random sequence that is the same on every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('Pager in MySQL', () => {
  it('over random sequences of adds and reads, agrees with a plain least-recently-used list and stays within both caps', async () => {
    for (let run = 0; run < 25; run++) {
      await pool.query('DELETE FROM page_state');
      const rnd = random(run + 1);
      const limits = { maxEntries: 1 + Math.floor(rnd() * 8), maxBytes: 2_000 + Math.floor(rnd() * 20_000) };
      const p = pager(limits);
      let model: { id: string; bytes: number }[] = [];
      const known: string[] = [];
      for (let step = 0; step < 30; step++) {
        if (known.length === 0 || rnd() < 0.5) {
          const s = state(Math.floor(rnd() * 6_000));
          const bytes = approximateBytes(s);
          const id = await p.add(s);
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
          const got = await p.get(id);
          const at = model.findIndex((e) => e.id === id);
          expect(got !== undefined, `run ${run} step ${step}: read of ${id}`).toBe(at >= 0);
          if (at >= 0) model = [...model.slice(0, at), ...model.slice(at + 1), model[at] ?? { id, bytes: 0 }];
        }
        const stats = await p.stats();
        expect(stats.entries).toBe(model.length);
        expect(stats.bytes).toBe(model.reduce((n, e) => n + e.bytes, 0));
        expect(stats.entries).toBeLessThanOrEqual(limits.maxEntries);
        expect(stats.bytes).toBeLessThanOrEqual(limits.maxBytes);
      }
    }
  });

  it('when full by count, forgets the least recently used: a read keeps a state', async () => {
    const p = pager({ maxEntries: 3 });
    const a = String(await p.add(state(10)));
    const b = String(await p.add(state(10)));
    const c = String(await p.add(state(10)));
    expect(await p.get(a)).toBeDefined();
    const d = String(await p.add(state(10)));
    const kept = await Promise.all([a, b, c, d].map(async (id) => (await p.get(id)) !== undefined));
    expect(kept).toEqual([true, false, true, true]);
  });

  it('when full by size, forgets as many of the oldest as it takes to fit a large state', async () => {
    const small = approximateBytes(state(1_000));
    const p = pager({ maxBytes: small * 4 });
    const ids: string[] = [];
    for (let n = 0; n < 4; n++) ids.push(String(await p.add(state(1_000))));
    const big = String(await p.add(state(2_500)));
    const kept: boolean[] = [];
    for (const id of [...ids, big]) kept.push((await p.get(id)) !== undefined);
    expect(kept).toEqual([false, false, false, true, true]);
  });

  it('still forgets a state after its time to live, and the next add deletes the expired row', async () => {
    const clock = { t: 1_800_000_000_000 };
    const p = pager({}, clock);
    const start = clock.t;
    const id = String(await p.add(state(10)));
    clock.t = start + TTL - 10;
    expect(await p.get(id)).toBeDefined();
    clock.t = start + TTL + 1;
    expect(await p.get(id)).toBeUndefined();
    const fresh = String(await p.add(state(10)));
    const [rows] = await pool.query<RowDataPacket[]>('SELECT id FROM page_state');
    expect(rows.map((r) => r.id)).toEqual([fresh]);
  });

  it('a state added by one process is read by another, with its reply intact, until it expires', async () => {
    const clock = { t: 1_800_000_000_000 };
    const first = pager({}, clock);
    const second = pager({}, clock);
    const s = state(50, '100000000000000002', 'phi');
    const id = String(await first.add(s));
    first.stop();
    const got = await second.get(id);
    expect(got).toMatchObject({ userId: s.userId, command: s.command, pages: s.pages, reply: s.reply });
    clock.t += TTL;
    expect(await second.get(id)).toBeUndefined();
  });

  it('the caps hold for the whole database, whichever process adds', async () => {
    const a = pager({ maxEntries: 2 });
    const b = pager({ maxEntries: 2 });
    await a.add(state(10));
    await b.add(state(10));
    await a.add(state(10));
    await b.add(state(10));
    expect((await a.stats()).entries).toBe(2);
  });

  it('members pressing the buttons of the newest replies on a full store while others store replies, from several processes at once: no press and no store fails, not even with a deadlock', async () => {
    const busy = createPool(db.mysqlUrl, 16);
    const failures: string[] = [];
    const codeOf = (err: unknown) => String((err as { code?: unknown }).code ?? err);
    try {
      const processes = Array.from(
        { length: 4 },
        () =>
          new Pager(busy, {
            ttlMs: TTL,
            limits: { maxEntries: 20 },
            onError: (err) => failures.push(`store: ${codeOf(err)}`),
          }),
      );
      stoppers.push(...processes);
      const ids: string[] = [];
      for (let n = 0; n < 20; n++) ids.push((await processes[0]?.add(state(50))) ?? '');
      const rnd = random(7);
      // Every member at once: a third of the steps store a reply (and evict), the rest press a button of one
      // of the five newest replies (a read, and a touch).
      await Promise.all(
        Array.from({ length: 16 }, async (_, worker) => {
          const p = processes[worker % 4];
          for (let n = 0; n < 60 && p; n++) {
            try {
              if (n % 3 === 0) ids.push((await p.add(state(50))) ?? '');
              else await p.get(ids[ids.length - 1 - Math.floor(rnd() * 5)] ?? '');
            } catch (err) {
              failures.push(`press: ${codeOf(err)}`);
            }
          }
        }),
      );
      expect(ids.filter((id) => id === '')).toEqual([]);
    } finally {
      await busy.end();
    }
    expect(failures).toEqual([]);
  });
});

describe('Interaction claims', () => {
  it('two processes claiming the same interactions at once: each interaction has exactly one winner', async () => {
    const one = new InteractionClaims(pool, { accepting: () => true, instance: 'one' });
    const two = new InteractionClaims(pool, { accepting: () => true, instance: 'two' });
    stoppers.push(one, two);
    const ids = Array.from({ length: 40 }, (_, n) => `9${String(n).padStart(17, '0')}`);
    const results = await Promise.all(
      ids.map(async (id) => [await one.claim(id), await two.claim(id)] as const),
    );
    const raced = await Promise.all(ids.map((id) => Promise.all([one.claim(`${id}1`), two.claim(`${id}1`)])));
    for (const [a, b] of [...results, ...raced]) expect(a !== b, 'exactly one of the two wins').toBe(true);
    expect(results.every(([a]) => a)).toBe(true);
  });

  it('claims older than an hour are removed, newer ones kept', async () => {
    await pool.query('DELETE FROM interaction_claim');
    const clock = { t: 1_800_000_000_000 };
    const claims = new InteractionClaims(pool, { accepting: () => true, now: () => clock.t });
    stoppers.push(claims);
    expect(await claims.claim('800000000000000001')).toBe(true);
    clock.t += 30 * 60_000;
    expect(await claims.claim('800000000000000002')).toBe(true);
    clock.t += 31 * 60_000;
    expect(await claims.removeOld()).toBe(1);
    const [rows] = await pool.query<RowDataPacket[]>(
      "SELECT interaction_id FROM interaction_claim WHERE interaction_id LIKE '8000%'",
    );
    expect(rows.map((r) => r.interaction_id)).toEqual(['800000000000000002']);
  });
});

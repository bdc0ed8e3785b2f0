/**
 * What the shared interaction state adds to each interaction, on the primary of a scratch database: the
 * claim a process takes before acknowledging (alone, and with a second process racing for the same ids),
 * and the page-state write and read of a reply with buttons. Reports medians and 95th percentiles.
 *
 *   npm run bench:claims [-- --runs 500]
 */
import { parseArgs } from 'node:util';
import type { Reply } from '../../src/core/reply.ts';
import { createPool } from '../../src/data/mysql.ts';
import { InteractionClaims } from '../../src/discord/claims.ts';
import { Pager } from '../../src/discord/pager.ts';
import { withScratchDatabases } from './scratch.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '500' } } });
const runs = Number(values.runs);

function describe(label: string, ms: number[]): void {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => (s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN).toFixed(2);
  console.log(`${label.padEnd(44)} median ${at(0.5)} ms   p95 ${at(0.95)} ms   (${s.length} runs)`);
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

await withScratchDatabases(async (config) => {
  const pool = createPool(config.mysql.url, 10);
  const one = new InteractionClaims(pool, { accepting: () => true, instance: 'bench-one' });
  const two = new InteractionClaims(pool, { accepting: () => true, instance: 'bench-two' });
  const pager = new Pager(pool, { ttlMs: 15 * 60_000 });
  try {
    const alone: number[] = [];
    const raced: number[] = [];
    for (let n = 0; n < runs; n++)
      alone.push(await timed(() => one.claim(`1${String(n).padStart(17, '0')}`)));
    for (let n = 0; n < runs; n++) {
      const id = `2${String(n).padStart(17, '0')}`;
      const [a, b] = await Promise.all([timed(() => one.claim(id)), timed(() => two.claim(id))]);
      raced.push(a, b);
    }
    const reply: Reply = {
      title: 'Patient search',
      summary: '',
      sensitivity: 'phi',
      footer: '',
      patientIds: [1, 2, 3],
      table: { columns: [{ name: 'name' }], rows: Array.from({ length: 200 }, (_, n) => [`patient ${n}`]) },
    };
    const pages = Array.from({ length: 5 }, () => 'x'.repeat(1_900));
    const adds: number[] = [];
    const gets: number[] = [];
    for (let n = 0; n < runs; n++) {
      let id: string | undefined;
      adds.push(
        await timed(
          async () => (id = await pager.add({ userId: '1', reply, pages, command: '/x', needsPhi: false })),
        ),
      );
      gets.push(await timed(() => pager.get(id ?? '')));
    }
    describe('claim, one process', alone);
    describe('claim, two processes racing (each side)', raced);
    describe('page state add (5 pages of 1,900 chars)', adds);
    describe('page state get', gets);
  } finally {
    one.stop();
    two.stop();
    pager.stop();
    await pool.end();
  }
});

/**
 * Measures db:seed at a given scale against real MariaDB and FerretDB, in databases of its own that it
 * drops afterwards. Reports numbers; asserts nothing (these machines are shared and noisy).
 *
 *   npm run bench:seed [-- --scale 1 --runs 1]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { runSeed } from '../../src/data/seed/seed.ts';
import { withScratchDatabases } from './scratch.ts';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: '1' }, runs: { type: 'string', default: '1' } },
});
const scale = Number(values.scale);
const runs = Number(values.runs);
await withScratchDatabases(async (config, services) => {
  for (let i = 0; i < runs; i++) {
    const load = loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
    const t0 = performance.now();
    const r = await runSeed(config, { scale, seed: 1 + i, end: Date.now() }, () => undefined);
    const total = (performance.now() - t0) / 1000;
    const visits = r.tables.find((t) => t.name === 'er_visit')?.rows ?? 0;
    console.log(
      `scale ${scale} run ${i + 1}: ${visits} ER visits, ${r.sqlRows} SQL rows, ${r.mongoDocs} Mongo docs | ` +
        `generate ${(r.generateMs / 1000).toFixed(1)} s, load ${(r.loadMs / 1000).toFixed(1)} s, total ${total.toFixed(1)} s | ` +
        `${Math.round((r.sqlRows + r.mongoDocs) / (r.loadMs / 1000))} rows/s loaded | load average before: ${load} (${services.mongoKind})`,
    );
  }
});

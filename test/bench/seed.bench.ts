/**
 * Measures db:seed at a given scale against real MariaDB and FerretDB, in databases of its own that it
 * drops afterwards. Reports numbers; asserts nothing (these machines are shared and noisy).
 *
 *   npm run bench:seed [-- --scale 1 --runs 1]
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.ts';
import { migrate } from '../../src/data/migrate.ts';
import { connectMongo } from '../../src/data/mongo.ts';
import { connect, serverUrl } from '../../src/data/mysql.ts';
import { runSeed } from '../../src/data/seed/seed.ts';
import { servicesUp } from '../../src/dev/services.ts';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: '1' }, runs: { type: 'string', default: '1' } },
});
const scale = Number(values.scale);
const runs = Number(values.runs);
const services = await servicesUp({ mongoUri: process.env.MONGODB_URI });
const name = `hers_bench_${randomBytes(4).toString('hex')}`;
const config = loadConfig({
  MYSQL_URL: `${services.mysqlServerUrl}${name}`,
  MONGODB_URI: services.mongoUri,
  MONGODB_DB: name,
  TZ: 'America/New_York',
});

try {
  await migrate(config.mysql.url);
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
} finally {
  const c = await connect(serverUrl(config.mysql.url));
  await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await c.end();
  const m = await connectMongo(config.mongo.uri);
  await m.db(name).dropDatabase();
  await m.close();
  await services.stop();
}

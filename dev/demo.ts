import { start } from '../src/app.ts';
import { progressReporter } from '../src/cli/progress.ts';
import { parseFlags, runCli } from '../src/cli/run.ts';
import { loadConfig, processEnv } from '../src/config.ts';
import { migrate } from '../src/data/migrate.ts';
import { describeHolding, heldData, parseSeedOptions, runSeed } from './seed/seed.ts';
import { connect } from '../src/data/mysql.ts';
import { formatCounts } from '../src/ingest/fhir/counts.ts';
import { importFhir } from '../src/ingest/fhir/import.ts';
import { servicesUp } from './services.ts';

const USAGE = 'npm run demo [-- --scale S] [-- --fhir FOLDER]';

/**
 * The quick start: services up, migrate, seed a demo-sized hospital, then start hers-bot. With --fhir, a FHIR
 * Bulk Data export (e.g. ../shared/fixtures/fhir/synthea-10) is imported instead of seeding an empty database.
 */
runCli('demo', USAGE, async () => {
  const { values } = parseFlags(process.argv.slice(2), {
    scale: { type: 'string' },
    fhir: { type: 'string' },
  });
  const seed = parseSeedOptions({ scale: values.scale ?? '0.1' }, Date.now());
  const env = processEnv();
  const step = (line: string) => console.log(`demo: ${line}`);

  step('starting local services');
  const services = await servicesUp({ detached: true, mongoUri: env.MONGODB_URI, log: step });
  const config = loadConfig({ ...env, MONGODB_URI: services.mongoUri });

  step(`migrating ${config.mysql.database}`);
  const result = await migrate(config.mysql.url, step);
  if (result.applied.length === 0) step('schema is up to date');

  // Never replaces data: stores that already hold domain data are used as they are.
  const held = await heldData(config);
  if (held.holding.length > 0) {
    step(
      `${held.database} already holds data (${describeHolding(held)}); using it ` +
        '(npm run db:seed -- --replace loads a fresh hospital)',
    );
  } else if (values.fhir === undefined) {
    step(`seeding a demo hospital (scale ${seed.scale}, data ending now)`);
    const bar = progressReporter('demo: loading');
    await runSeed(config, seed, (done, total, what) => bar.update(done, total, what));
    bar.finish();
  }

  if (values.fhir !== undefined) {
    step(`importing the FHIR export in ${values.fhir} (npm run import:fhir)`);
    const conn = await connect(config.mysql.url);
    const counts = await importFhir(conn, [values.fhir], { timeZone: config.timeZone, since: null });
    await conn.end();
    step(`imported:\n${formatCounts(counts)}`);
  }

  await start(config);
  step(`FerretDB keeps running at ${services.mongoUri}; npm run services -- down stops it`);
});

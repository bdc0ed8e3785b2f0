import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '../../src/config.ts';
import { migrate } from '../../src/data/migrate.ts';
import { connectMongo } from '../../src/data/mongo.ts';
import { connect, serverUrl } from '../../src/data/mysql.ts';
import { servicesUp, type Services } from '../../dev/services.ts';

/** Runs a benchmark in migrated scratch databases of its own (MySQL and Mongo), dropped afterwards. */
export async function withScratchDatabases(
  work: (config: Config, services: Services) => Promise<void>,
): Promise<void> {
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
    await work(config, services);
  } finally {
    const c = await connect(serverUrl(config.mysql.url));
    await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await c.end();
    const m = await connectMongo(config.mongo.uri);
    await m.db(name).dropDatabase();
    await m.close();
    await services.stop();
  }
}

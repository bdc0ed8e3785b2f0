import { connectMongo, ensureMongoSchema } from '../data/mongo.ts';
import { migrate } from '../data/migrate.ts';
import { parseFlags, readConfig, runCli } from './run.ts';

const USAGE = 'npm run db:migrate [-- --help]';

runCli('db:migrate', USAGE, async () => {
  const { values } = parseFlags(process.argv.slice(2), { help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    console.log(
      `usage: ${USAGE}\nCreates the MySQL database if missing, applies new migrations from sql/migrations,\nand creates the MongoDB collections and indexes. Safe to run again.`,
    );
    return;
  }
  const config = readConfig();
  const result = await migrate(config.mysql.url, (line) => console.log(`mysql: ${line}`));
  console.log(
    result.applied.length === 0
      ? `mysql: ${result.database} is up to date (${result.alreadyApplied} migrations already applied)`
      : `mysql: applied ${result.applied.length} migration(s) to ${result.database}`,
  );
  const client = await connectMongo(config.mongo.uri);
  try {
    const { created } = await ensureMongoSchema(client.db(config.mongo.database));
    console.log(
      created.length === 0
        ? `mongo: ${config.mongo.database} collections and indexes are in place`
        : `mongo: created ${created.join(', ')} in ${config.mongo.database}`,
    );
  } finally {
    await client.close();
  }
});

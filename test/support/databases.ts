import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import { connectMongo } from '../../src/data/mongo.ts';
import { connect, serverUrl } from '../../src/data/mysql.ts';

/** Every database a test creates starts with this, so nothing else is ever touched or dropped. */
export const TEST_PREFIX = 'hers_test_';

export interface TestDatabases {
  name: string;
  mysqlUrl: string;
  mongoUri: string;
  /** Environment for loadConfig or a child process, pointing at this test's own databases. */
  env: Record<string, string>;
  config: Config;
  drop(): Promise<void>;
}

/** A MySQL database and a Mongo database of the test's own, both named hers_test_<label>_<random>. */
export function testDatabases(label: string, extraEnv: Record<string, string> = {}): TestDatabases {
  const name = `${TEST_PREFIX}${label.replace(/[^a-z0-9]/gi, '_').slice(0, 20)}_${randomBytes(4).toString('hex')}`;
  const mysqlUrl = `${inject('mysqlServerUrl').replace(/\/$/, '')}/${name}`;
  const mongoUri = inject('mongoUri');
  const env = {
    MYSQL_URL: mysqlUrl,
    MONGODB_URI: mongoUri,
    MONGODB_DB: name,
    TZ: 'America/New_York',
    NODE_ENV: 'test',
    ...extraEnv,
  };
  return {
    name,
    mysqlUrl,
    mongoUri,
    env,
    config: loadConfig(env),
    async drop() {
      const server = await connect(serverUrl(mysqlUrl));
      await server.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await server.end();
      const mongo = await connectMongo(mongoUri);
      await mongo.db(name).dropDatabase();
      await mongo.close();
    },
  };
}

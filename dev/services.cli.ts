import { runCli } from '../src/cli/run.ts';
import { loadConfig, processEnv } from '../src/config.ts';
import { UserError } from '../src/core/errors.ts';
import { servicesDown, servicesStatus, servicesUp } from './services.ts';

const USAGE = 'npm run services -- up | down | status';

runCli('services', USAGE, async () => {
  const [action, ...rest] = process.argv.slice(2);
  const log = (line: string) => console.log(`services: ${line}`);
  if (rest.length > 0 || !action || !['up', 'down', 'status', '--help', '-h'].includes(action)) {
    throw new UserError('invalid_argument', 'expected one of up, down, status');
  }
  if (action === '--help' || action === '-h') {
    console.log(
      `usage: ${USAGE}\n  up      start MariaDB if needed and a FerretDB that keeps running (prints MONGODB_URI)\n  down    stop that FerretDB\n  status  say what answers`,
    );
  } else if (action === 'up') {
    const env = processEnv();
    const mongoUri = env.MONGODB_URI ? loadConfig(env).mongo.uri : undefined;
    const s = await servicesUp({ detached: true, mongoUri, log });
    console.log(`MYSQL_URL=${s.mysqlServerUrl}hers`);
    console.log(`MONGODB_URI=${s.mongoUri}`);
  } else if (action === 'down') {
    await servicesDown(log);
  } else if (!(await servicesStatus(log))) {
    process.exitCode = 1;
  }
});

import { describeMysqlError, createPool } from '../data/mysql.ts';
import { previousOutcome } from '../data/hl7.queries.ts';
import { LANES, startListener } from '../ingest/hl7/listener.ts';
import { createLogger } from '../log.ts';
import { parseFlags, readConfig, runCli } from './run.ts';

const USAGE = 'npm run hl7 [-- --help]';
const HELP = `usage: ${USAGE}

Listens for HL7 v2 ADT messages over MLLP on HL7_HOST:HL7_PORT and writes them to MySQL (MYSQL_URL),
answering each with an acknowledgement once it is committed. Stops on SIGTERM or SIGINT after answering
the messages it has read. Settings and mapping: docs/hl7-adt.md.`;

runCli('hl7', USAGE, async () => {
  const { values } = parseFlags(process.argv.slice(2), { help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const config = readConfig();
  const log = createLogger(config);
  const pool = createPool(config.mysql.url, LANES + 1);
  try {
    // Fails with a readable message when the server is down or the schema has no hl7 tables yet.
    await previousOutcome(pool, '', '');
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw describeMysqlError(err, config.mysql.url);
  }
  const listener = await startListener({ settings: config.hl7, timeZone: config.timeZone, pool, log });
  const { address, port } = listener.address;
  console.log(`hl7: listening for MLLP${config.hl7.tls ? ' over TLS' : ''} on ${address}:${port}`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info({ signal }, 'hl7 listener stopping');
      resolve();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  await listener.close();
  await pool.end();
  console.log('hl7: stopped');
});

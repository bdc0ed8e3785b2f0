import type { Context } from './runner/command.ts';
import type { Config } from './config.ts';
import { connectMongo } from './data/mongo.ts';
import { createPool, describeMysqlError, poolUsage } from './data/mysql.ts';
import { latestMigration } from './data/overview.queries.ts';
import { createReadPool } from './data/read-pool.ts';
import { UserError } from './core/errors.ts';
import { watchPool } from './ops/metrics.ts';
import { COMMAND_TIMEOUT_MS } from './runner/execute.ts';

/** Opens the pools a command context needs, after checking that the schema is in place. */
export async function openContext(
  config: Config,
  now: () => number = Date.now,
  options: { onReplicaChange?: (replica: string, state: 'offline' | 'online') => void } = {},
): Promise<{ ctx: Context; close: () => Promise<void> }> {
  // No statement outlives the deadline of the command that sent it.
  const sql = createPool(config.mysql.url, config.mysql.poolSize, { statementTimeoutMs: COMMAND_TIMEOUT_MS });
  try {
    if ((await latestMigration(sql)) === null)
      throw new UserError('misconfigured', 'The database has no migrations applied: run npm run db:migrate.');
  } catch (err) {
    await sql.end();
    throw describeMysqlError(err, config.mysql.url);
  }
  const mongo = await connectMongo(config.mongo.uri).catch(async (err: unknown) => {
    await sql.end();
    throw err;
  });
  const read = createReadPool(sql, config.mysql.readUrls, {
    size: config.mysql.poolSize,
    retryMs: config.mysql.readRetryMs,
    statementTimeoutMs: COMMAND_TIMEOUT_MS,
    onChange: options.onReplicaChange,
  });
  // Patient lookups: the same servers on connections of their own, so they never wait behind reports or
  // another member's flood. (mysql2 opens a pool's connections as they are first needed.)
  const clinicalSql = createPool(config.mysql.url, config.mysql.clinicalPoolSize, {
    statementTimeoutMs: COMMAND_TIMEOUT_MS,
  });
  const clinicalRead = createReadPool(clinicalSql, config.mysql.readUrls, {
    size: config.mysql.clinicalPoolSize,
    retryMs: config.mysql.readRetryMs,
    statementTimeoutMs: COMMAND_TIMEOUT_MS,
  });
  const unwatch = [
    watchPool('primary', () => poolUsage(sql)),
    watchPool('clinical', () => poolUsage(clinicalSql)),
  ];
  return {
    ctx: {
      sql,
      read,
      clinical: { sql: clinicalSql, read: clinicalRead },
      mongo: mongo.db(config.mongo.database),
      config,
      now,
    },
    close: async () => {
      for (const u of unwatch) u();
      await clinicalRead.end();
      await clinicalSql.end();
      await read.end();
      await sql.end();
      await mongo.close();
    },
  };
}

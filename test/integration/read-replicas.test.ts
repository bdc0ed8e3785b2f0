import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { parseCommandLine } from '../../src/console/parse.ts';
import { openContext } from '../../src/context.ts';
import { migrate } from '../../src/data/migrate.ts';
import { connect, type Connection } from '../../src/data/mysql.ts';
import { connectMongo } from '../../src/data/mongo.ts';
import { runSeed } from '../../dev/seed/seed.ts';
import type { Context } from '../../src/runner/command.ts';
import { execute } from '../../src/runner/execute.ts';
import { startMariaDb, type MariaDbInstance } from '../support/mariadb-instance.ts';

/**
 * Real replication: a primary with a binary log and a replica of it (CHANGE MASTER TO, START SLAVE), both
 * private mariadbd instances of this file. MYSQL_READ_URLS names the replica, and a second "replica" on a port
 * where nothing listens, which the read pool must leave out.
 */

const name = `hers_test_replicas_${randomBytes(4).toString('hex')}`;
const END = Date.parse('2026-03-15T14:00:00Z');
const actor = { source: 'console' as const, actorId: 'console:replica-test' };

let primary: MariaDbInstance;
let replica: MariaDbInstance;
let onPrimary: Connection;
let onReplica: Connection;
let config: Config;
let ctx: Context;
let close: () => Promise<void>;
const replicaChanges: string[] = [];

const statusOf = async (conn: Connection, variable: string) => {
  const [rows] = await conn.query<RowDataPacket[]>('SHOW GLOBAL STATUS LIKE ?', [variable]);
  return Number(rows[0]?.Value);
};
const auditRows = async (conn: Connection) => {
  const [rows] = await conn.query<RowDataPacket[]>(`SELECT COUNT(*) AS n FROM \`${name}\`.audit_event`);
  return Number(rows[0]?.n);
};
/** Waits until the replica has applied everything the primary has logged so far. */
async function caughtUp(): Promise<void> {
  const [[pos]] = await onPrimary.query<RowDataPacket[]>('SELECT @@gtid_binlog_pos AS pos');
  const [[waited]] = await onReplica.query<RowDataPacket[]>('SELECT MASTER_GTID_WAIT(?, 60) AS r', [
    pos?.pos,
  ]);
  if (Number(waited?.r) !== 0) throw new Error('the replica did not catch up within 60 s');
}
async function run(line: string) {
  return execute(commands, parseCommandLine(line, commands), ctx, actor);
}

beforeAll(async () => {
  [primary, replica] = await Promise.all([
    startMariaDb({ serverId: 1, args: ['--log-bin=mariadb-bin', '--binlog-format=ROW'] }),
    startMariaDb({ serverId: 2, args: ['--read-only'] }),
  ]);
  onPrimary = await connect(primary.url);
  onReplica = await connect(replica.url);
  await onReplica.query(
    `CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = ${primary.port}, MASTER_USER = 'root',
       MASTER_PASSWORD = '', MASTER_USE_GTID = slave_pos`,
  );
  await onReplica.query('START SLAVE');

  const env = {
    MYSQL_URL: `${primary.url}${name}`,
    MYSQL_READ_URLS: `mysql://root@127.0.0.1:${await closedPort()}/${name},${replica.url}${name}`,
    MYSQL_READ_RETRY_SECONDS: '60',
    MONGODB_URI: inject('mongoUri'),
    MONGODB_DB: name,
    TZ: 'America/New_York',
    NODE_ENV: 'test',
  };
  config = loadConfig(env);
  await migrate(config.mysql.url);
  await runSeed(config, { scale: 0.01, seed: 7, end: END }, () => undefined);
  await caughtUp();
  ({ ctx, close } = await openContext(config, () => END, {
    onReplicaChange: (node, state) => replicaChanges.push(`${node} ${state}`),
  }));
});

afterAll(async () => {
  await close?.();
  await onPrimary?.end();
  await onReplica?.end().catch(() => undefined);
  await Promise.all([primary?.stop(), replica?.stop()]);
  const mongo = await connectMongo(inject('mongoUri'));
  await mongo.db(name).dropDatabase();
  await mongo.close();
});

describe('with a read replica', () => {
  it('serves report queries from the replica and writes the audit row on the primary', async () => {
    const [[self]] = await ctx.read.query<RowDataPacket[]>('SELECT @@server_id AS id');
    expect(Number(self?.id)).toBe(2);
    const [[own]] = await ctx.sql.query<RowDataPacket[]>('SELECT @@server_id AS id');
    expect(Number(own?.id)).toBe(1);

    const selectsBefore = await statusOf(onReplica, 'Com_select');
    const auditBefore = await auditRows(onPrimary);
    const outcome = await run('/staff specialties');
    expect(outcome.kind).toBe('reply');
    expect(outcome.kind === 'reply' && outcome.reply.table?.rows.length).toBeGreaterThan(0);

    expect(await statusOf(onReplica, 'Com_select')).toBeGreaterThan(selectsBefore);
    expect(await auditRows(onPrimary)).toBe(auditBefore + 1);
    // The replica has the row only once it has replicated it: it was never written there.
    await caughtUp();
    expect(await auditRows(onReplica)).toBe(auditBefore + 1);
  });

  it('leaves out a replica it cannot reach and says so', async () => {
    for (let i = 0; i < 4; i++) await ctx.read.query('SELECT 1');
    expect(replicaChanges).toEqual(['replica1 offline']);
  });

  it('keeps answering from the primary while the replica is stopped', async () => {
    await onReplica.end();
    await replica.stop();
    const auditBefore = await auditRows(onPrimary);
    for (const line of ['/staff specialties', '/er arrivals window:7d', '/er census']) {
      const outcome = await run(line);
      expect(`${line}: ${outcome.kind}`).toBe(`${line}: reply`);
    }
    const [[self]] = await ctx.read.query<RowDataPacket[]>('SELECT @@server_id AS id');
    expect(Number(self?.id)).toBe(1);
    expect(await auditRows(onPrimary)).toBe(auditBefore + 3);
  });
});

/** A port nothing listens on: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

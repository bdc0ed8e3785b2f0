import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adt, hl7Time } from '../../dev/hl7-messages.ts';
import { migrate } from '../../src/data/migrate.ts';
import { connect, createPool, type Connection } from '../../src/data/mysql.ts';
import { startListener } from '../../src/ingest/hl7/listener.ts';
import { ackCode, MllpClient } from '../../src/ingest/hl7/mllp-client.ts';
import { createLogger } from '../../src/log.ts';
import { testDatabases } from '../support/databases.ts';

/** The grants the docs give: the listener's user (docs/hl7-adt.md) and the bot's (README). */
const db = testDatabases('hl7_grants');
let root: Connection;
const users: string[] = [];

async function userWith(grants: string[]): Promise<string> {
  const user = `hers_test_hl7_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  await root.query(`CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`);
  users.push(user);
  for (const g of grants)
    await root.query(
      g.replace(/hers\./g, `\`${db.name}\`.`).replace(/'hers_(hl7|bot)'@'%'/, `'${user}'@'%'`),
    );
  const url = new URL(db.mysqlUrl);
  url.username = user;
  url.password = password;
  return url.toString();
}

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  root = await connect(db.mysqlUrl);
});

afterAll(async () => {
  for (const u of users) await root.query(`DROP USER IF EXISTS '${u}'@'%'`);
  await root?.end();
  await db.drop();
});

describe('database users', () => {
  it("the listener's documented grants are enough for every event, merges included", async () => {
    const docs = readFileSync(new URL('../../docs/hl7-adt.md', import.meta.url), 'utf8');
    const grants = docs.split('\n').filter((l) => l.startsWith('GRANT ') && l.includes("'hers_hl7'"));
    expect(grants.length).toBeGreaterThan(10);
    const url = await userWith(grants);
    const pool = createPool(url, 3);
    const listener = await startListener({
      settings: { ...db.config.hl7, port: 0 },
      timeZone: db.config.timeZone,
      pool,
      log: createLogger({ logLevel: 'silent' }),
    });
    const client = await MllpClient.connect(listener.address.port);
    const at = (m: number) => hl7Time(Date.now() - 3_600_000 + m * 60_000);
    const p = (mrn: string) => ({ mrn, family: 'Grant', given: 'Ed', birthDate: '19600101', sex: 'M' });
    const messages = [
      adt({
        event: 'A04',
        controlId: 'G1',
        at: at(0),
        ...p('G-OLD'),
        visit: 'G1',
        diagnoses: [{ code: 'R51', text: 'Headache' }],
      }),
      adt({
        event: 'A03',
        controlId: 'G2',
        at: at(30),
        ...p('G-OLD'),
        visit: 'G1',
        departure: at(30),
        disposition: '01',
      }),
      adt({ event: 'A13', controlId: 'G3', at: at(31), ...p('G-OLD'), visit: 'G1' }),
      adt({ event: 'A04', controlId: 'G4', at: at(1), ...p('G-NEW'), visit: 'G2' }),
      adt({ event: 'A11', controlId: 'G5', at: at(2), ...p('G-NEW'), visit: 'G2' }),
      adt({ event: 'A40', controlId: 'G6', at: at(40), ...p('G-NEW'), priorMrn: 'G-OLD' }),
    ];
    for (const m of messages) expect(ackCode(await client.send(m))).toBe('AA');
    await client.close();
    await listener.close();
    await pool.end();
  });

  it("the bot's README grants read every table but the raw HL7 messages", async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const query = /SELECT CONCAT\('GRANT SELECT ON hers[\s\S]*?<> 'hl7_message';/.exec(readme)?.[0];
    expect(query).toBeDefined();
    const [statements] = await root.query<RowDataPacket[]>(
      (query as string).replace(/'hers'/, `'${db.name}'`).replace(/ON hers\./, `ON ${db.name}.`),
    );
    const grants = statements.map((r) => String(Object.values(r)[0]));
    const url = await userWith([]);
    const user = new URL(url).username;
    for (const g of grants) await root.query(g.replace(`'hers_bot'@'%'`, `'${user}'@'%'`));
    const bot = await connect(url);
    try {
      await expect(bot.query('SELECT COUNT(*) FROM er_visit')).resolves.toBeDefined();
      await expect(bot.query('SELECT COUNT(*) FROM hl7_visit')).resolves.toBeDefined();
      await expect(bot.query('SELECT raw FROM hl7_message')).rejects.toMatchObject({
        code: 'ER_TABLEACCESS_DENIED_ERROR',
      });
    } finally {
      await bot.end();
    }
  });
});

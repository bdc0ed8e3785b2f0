import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/data/migrate.ts';
import { connect, type Connection } from '../../src/data/mysql.ts';
import { createLogger } from '../../src/log.ts';
import { testDatabases } from '../support/databases.ts';

const db = testDatabases('log_errors');
let conn: Connection;

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  conn = await connect(db.mysqlUrl);
  await conn.query(
    `INSERT INTO patient (mrn, first_name, last_name, date_of_birth, sex, phone)
     VALUES ('MRN1000042', 'Caleb', 'Thornquist', '1961-04-09', 'male', '555-0142')`,
  );
});

afterAll(async () => {
  await conn?.end();
  await db.drop();
});

const PATIENT_VALUES = [
  'Caleb',
  'Thornquist',
  'MRN1000042',
  '1000042',
  '1961-04-09',
  '555-0142',
  'chest pain',
];

/** The error a statement fails with: a real mysql2 error from MariaDB. */
async function failure(run: () => Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await run();
  } catch (err) {
    return err as Error & Record<string, unknown>;
  }
  throw new Error('the statement did not fail');
}

function logged(err: unknown): string {
  const lines: string[] = [];
  const log = createLogger({ logLevel: 'info' }, { write: (line: string) => void lines.push(line) });
  log.error({ err, interactionId: '900000000000000001' }, 'could not write an audit row');
  return lines.join('');
}

const insertPatient = `INSERT INTO patient (mrn, first_name, last_name, date_of_birth, sex, phone) VALUES (?, ?, ?, ?, ?, ?)`;
const patient = ['MRN1000042', 'Caleb', 'Thornquist', '1961-04-09', 'male', '555-0142'];

describe('a logged mysql2 error', () => {
  it.each([
    ['a duplicate key (query)', () => conn.query(insertPatient, patient), 'ER_DUP_ENTRY', 1062],
    [
      'a duplicate key (prepared statement)',
      () => conn.execute(insertPatient, patient),
      'ER_DUP_ENTRY',
      1062,
    ],
    [
      'an audit INSERT whose options fail the JSON check',
      async () => {
        // Linked to the chain head, so the chain's trigger (migration 009) lets it reach the CHECK.
        const [heads] = await conn.query<RowDataPacket[]>('SELECT hash FROM audit_chain_head WHERE id = 1');
        return conn.query(
          `INSERT INTO audit_event (occurred_at, source, command, options, patient_ids, outcome, prev_hash, hash)
           VALUES (UTC_TIMESTAMP(3), 'discord', '/patient search', ?, ?, 'ok', ?, REPEAT('a', 64))`,
          ['{"name":"Caleb Thornquist","term":"chest pain"', '[1000042]', heads[0]?.hash],
        );
      },
      // MariaDB's CHECK failure, 4025 (mysql2 names codes after MySQL's, which differ from here on).
      undefined,
      4025,
    ],
    [
      'a syntax error that quotes the statement',
      () =>
        conn.query(`SELECT * FROM patient WHERE last_name = ? AND phone = ? ORDER`, [
          'Thornquist',
          '555-0142',
        ]),
      'ER_PARSE_ERROR',
      1064,
    ],
  ])('from %s keeps its code and none of the SQL, parameters or values', async (_, run, code, errno) => {
    const err = await failure(run);
    // The driver's error does carry the patient: that is what must not reach the log.
    expect(JSON.stringify({ ...err, message: err.message })).toMatch(/Thornquist|MRN1000042/);
    const line = logged(err);
    for (const value of PATIENT_VALUES) expect(line, `the log line holds "${value}"`).not.toContain(value);
    expect(line).not.toMatch(/INSERT INTO|SELECT \*/);
    const entry = JSON.parse(line) as { err: Record<string, unknown> };
    expect(entry.err).toMatchObject({ code: code ?? expect.any(String), errno });
    expect(entry.err.sqlState).toMatch(/^[0-9A-Z]{5}$/);
  });

  it('wrapped as the cause of another error, is filtered the same way', async () => {
    const err = await failure(() => conn.query(insertPatient, patient));
    const line = logged(new Error('the audit row was not written', { cause: err }));
    for (const value of PATIENT_VALUES) expect(line).not.toContain(value);
    expect(JSON.parse(line).err.cause).toMatchObject({ code: 'ER_DUP_ENTRY', errno: 1062 });
  });
});

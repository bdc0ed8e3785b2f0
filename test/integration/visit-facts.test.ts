import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MENTAL_HEALTH_CODE } from '../../src/core/strata.ts';
import { migrate } from '../../src/data/migrate.ts';
import { connect, type Connection } from '../../src/data/mysql.ts';
import { testDatabases } from '../support/databases.ts';
import { factsOutOfStep } from '../support/visit-facts.ts';

/**
 * er_visit_fact (migration 019) holds what the ED measures need of each visit. The product never writes
 * it: triggers refresh a visit's row when any of its sources changes. Each test here changes a source the
 * way a writer does (the HL7 listener, the FHIR import, a fix at the SQL prompt) and reads the row back,
 * and the whole table is compared with er_visit_fact_source, the view that defines the facts.
 */
const db = testDatabases('visit_facts');
let sql: Connection;

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  sql = await connect(db.mysqlUrl);
});

afterAll(async () => {
  await sql?.end();
  await db.drop();
});

async function run(query: string, params: unknown[] = []): Promise<number> {
  const [r] = await sql.query<ResultSetHeader>(query, params);
  return r.insertId;
}

interface Fact {
  patient_id: number;
  arrived_s: number;
  roomed_s: number | null;
  provider_s: number | null;
  decided_s: number | null;
  departed_s: number | null;
  decision: string | null;
  observation: number;
  mental_health: number;
  treated: number;
  age: number | null;
}

async function fact(visit: number): Promise<Fact | undefined> {
  const [r] = await sql.query<RowDataPacket[]>(
    `SELECT patient_id, arrived_s, roomed_s, provider_s, decided_s, departed_s, decision, observation,
       mental_health, treated, age FROM er_visit_fact WHERE visit_id = ?`,
    [visit],
  );
  return r[0] as Fact | undefined;
}

let mrn = 0;
const patient = (born: string) =>
  run(
    `INSERT INTO patient (mrn, first_name, last_name, date_of_birth, sex) VALUES (?, 'A', 'B', ?, 'female')`,
    [`MRNF${++mrn}`, born],
  );
const visit = (patientId: number, arrived: string, departed: string | null = null) =>
  run(
    `INSERT INTO er_visit (patient_id, arrived_at, arrival_mode, condition_on_arrival, triage_level, reason,
       departed_at) VALUES (?, ?, 'walk_in', 'stable', 3, 'x', ?)`,
    [patientId, arrived, departed],
  );
const decide = (visitId: number, patientId: number, at: string, decision: string) =>
  run(`INSERT INTO disposition_decision (visit_id, patient_id, decided_at, decision) VALUES (?, ?, ?, ?)`, [
    visitId,
    patientId,
    at,
    decision,
  ]);

describe('a visit written at the SQL prompt', () => {
  it('has its facts the moment it is inserted: seconds after arrival, age at arrival, nothing else yet', async () => {
    const p = await patient('1960-03-10');
    const v = await visit(p, '2026-03-09 23:30:00');
    expect(await fact(v)).toEqual({
      patient_id: p,
      arrived_s: Date.parse('2026-03-09T23:30:00Z') / 1000,
      roomed_s: null,
      provider_s: null,
      decided_s: null,
      departed_s: null,
      decision: null,
      observation: 0,
      mental_health: 0,
      treated: 0,
      age: 65,
    });
  });

  it('follows its times, decision, diagnoses and treatments as each is added, changed and removed', async () => {
    const p = await patient('2010-01-01');
    const v = await visit(p, '2026-03-08 06:00:00');
    await run(
      `UPDATE er_visit SET roomed_at = '2026-03-08 06:20:00', provider_seen_at = '2026-03-08 06:45:00' WHERE id = ?`,
      [v],
    );
    const d = await decide(v, p, '2026-03-08 08:00:00', 'Transfer to another department');
    await run(`INSERT INTO diagnosis (visit_id, code, description) VALUES (?, 'F32.9', 'depression')`, [v]);
    await run(
      `INSERT INTO er_treatment (visit_id, patient_id, type, performed_at, outcome)
       VALUES (?, ?, 'Medication', '2026-03-08 07:00:00', 'Improved')`,
      [v, p],
    );
    await run(`UPDATE er_visit SET departed_at = '2026-03-08 13:00:00' WHERE id = ?`, [v]);
    expect(await fact(v)).toMatchObject({
      roomed_s: 1200,
      provider_s: 2700,
      decided_s: 7200,
      departed_s: 25200,
      decision: 'Transfer to another department',
      mental_health: 1,
      treated: 1,
      age: 16,
    });
    await run(
      `UPDATE disposition_decision SET decision = 'Eloped', decided_at = '2026-03-08 07:00:00' WHERE id = ?`,
      [d],
    );
    expect(await fact(v)).toMatchObject({ decision: 'Eloped', decided_s: 3600 });
    await run(`DELETE FROM disposition_decision WHERE id = ?`, [d]);
    await run(`DELETE FROM diagnosis WHERE visit_id = ?`, [v]);
    await run(`DELETE FROM er_treatment WHERE visit_id = ?`, [v]);
    expect(await fact(v)).toMatchObject({ decision: null, decided_s: null, mental_health: 0, treated: 0 });
  });

  it('counts only F01-F99 as mental health, as src/core/strata.ts does, whatever the case of the code', async () => {
    const p = await patient('1990-05-05');
    const codes = { 'F00.0': 0, 'f41.9': 1, F99: 1, 'R45.8': 0, 'F10.129': 1 } as const;
    for (const [code, expected] of Object.entries(codes)) {
      const v = await visit(p, '2026-03-01 10:00:00');
      await run(`INSERT INTO diagnosis (visit_id, code, description) VALUES (?, ?, 'x')`, [v, code]);
      expect((await fact(v))?.mental_health, code).toBe(expected);
    }
    const [fn] = await sql.query<RowDataPacket[]>(
      `SELECT ROUTINE_DEFINITION AS d FROM information_schema.ROUTINES
       WHERE ROUTINE_SCHEMA = DATABASE() AND ROUTINE_NAME = 'is_mental_health_code'`,
    );
    expect(String(fn[0]?.d)).toContain(MENTAL_HEALTH_CODE);
  });

  it('takes a corrected date of birth and a merge into another patient, and goes when the visit is deleted', async () => {
    const p = await patient('2000-06-01');
    const survivor = await patient('1950-06-01');
    const v = await visit(p, '2026-06-15 12:00:00', '2026-06-15 14:00:00');
    expect((await fact(v))?.age).toBe(26);
    await run(`UPDATE patient SET date_of_birth = '2000-07-01' WHERE id = ?`, [p]);
    expect((await fact(v))?.age).toBe(25);
    await run(`UPDATE patient SET first_name = 'C' WHERE id = ?`, [p]);
    expect((await fact(v))?.age).toBe(25);
    await run(`UPDATE er_visit SET patient_id = ? WHERE patient_id = ?`, [survivor, p]);
    expect(await fact(v)).toMatchObject({ patient_id: survivor, age: 76 });
    await run(`UPDATE er_visit SET arrived_at = '2026-06-15 11:00:00' WHERE id = ?`, [v]);
    expect((await fact(v))?.departed_s).toBe(10800);
    await run(`DELETE FROM er_visit WHERE id = ?`, [v]);
    expect(await fact(v)).toBeUndefined();
  });

  it("moves a decision with its visit's arrival, and follows decisions, diagnoses and treatments moved between visits", async () => {
    const p = await patient('1980-01-01');
    const a = await visit(p, '2026-04-01 10:00:00', '2026-04-01 15:00:00');
    const b = await visit(p, '2026-04-02 10:00:00', '2026-04-02 12:00:00');
    const d = await decide(a, p, '2026-04-01 12:00:00', 'Transfer to another department');
    await run(`UPDATE er_visit SET arrived_at = '2026-04-01 09:00:00' WHERE id = ?`, [a]);
    expect(await fact(a)).toMatchObject({ decided_s: 3 * 3600, departed_s: 6 * 3600 });
    await run(
      `UPDATE disposition_decision SET visit_id = ?, decided_at = '2026-04-02 11:00:00' WHERE id = ?`,
      [b, d],
    );
    expect(await fact(a)).toMatchObject({ decision: null, decided_s: null });
    expect(await fact(b)).toMatchObject({ decision: 'Transfer to another department', decided_s: 3600 });
    const g = await run(`INSERT INTO diagnosis (visit_id, code, description) VALUES (?, 'R51', 'headache')`, [
      a,
    ]);
    await run(`UPDATE diagnosis SET code = 'F41.1' WHERE id = ?`, [g]);
    expect((await fact(a))?.mental_health).toBe(1);
    await run(`UPDATE diagnosis SET visit_id = ? WHERE id = ?`, [b, g]);
    expect([(await fact(a))?.mental_health, (await fact(b))?.mental_health]).toEqual([0, 1]);
    const t = await run(
      `INSERT INTO er_treatment (visit_id, patient_id, type, performed_at, outcome)
       VALUES (?, ?, 'Casting', '2026-04-01 11:00:00', 'Healing')`,
      [a, p],
    );
    await run(`UPDATE er_treatment SET visit_id = ? WHERE id = ?`, [b, t]);
    expect([(await fact(a))?.treated, (await fact(b))?.treated]).toEqual([0, 1]);
  });

  it('takes a visit written again through INSERT ... ON DUPLICATE KEY UPDATE, as the feeds write', async () => {
    const p = await patient('1970-01-01');
    const v = await visit(p, '2026-05-01 08:00:00');
    await run(
      `INSERT INTO er_visit (id, patient_id, arrived_at, reason, departed_at)
       VALUES (?, ?, '2026-05-01 08:00:00', 'x', '2026-05-01 09:30:00')
       ON DUPLICATE KEY UPDATE departed_at = VALUES(departed_at)`,
      [v, p],
    );
    expect((await fact(v))?.departed_s).toBe(5400);
  });

  it('keeps the facts in a session whose deferral variable is set to anything but 1', async () => {
    await run('SET @er_visit_fact_deferred = 0');
    try {
      const p = await patient('2001-01-01');
      const v = await visit(p, '2026-05-02 08:00:00');
      expect((await fact(v))?.age).toBe(25);
    } finally {
      await run('SET @er_visit_fact_deferred = NULL');
    }
  });

  it('leaves the whole table as the view defines it after all of the above', async () => {
    expect(await factsOutOfStep(sql)).toBe(0);
    // The check itself finds a row out of step (written behind the triggers' back).
    await run(`UPDATE er_visit_fact SET treated = 1 - treated ORDER BY visit_id LIMIT 1`);
    expect(await factsOutOfStep(sql)).toBe(1);
  });
});

import type { MongoClient } from 'mongodb';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPATCH_INCIDENTS, ER_TREATMENTS } from '../../src/data/documents.ts';
import { migrate } from '../../src/data/migrate.ts';
import { connectMongo } from '../../src/data/mongo.ts';
import { connect, type Connection } from '../../src/data/mysql.ts';
import { runSeed } from '../../dev/seed/seed.ts';
import { NATURES } from '../../dev/seed/vocabulary.ts';
import { testDatabases } from '../support/databases.ts';

const db = testDatabases('seed');
const END = Date.parse('2026-03-15T14:00:00Z'); // one week after the US spring-forward change
let sql: Connection;
let mongo: MongoClient;

async function rows<T = RowDataPacket>(query: string, params: unknown[] = []): Promise<T[]> {
  const [r] = await sql.query<RowDataPacket[]>(query, params);
  return r as T[];
}

const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function count(query: string): Promise<number> {
  const [first] = await rows<{ n: number }>(query);
  return Number(first?.n);
}

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  await runSeed(db.config, { scale: 0.02, seed: 11, end: END }, () => undefined);
  sql = await connect(db.mysqlUrl);
  mongo = await connectMongo(db.mongoUri);
});

afterAll(async () => {
  await sql?.end();
  await mongo?.close();
  await db.drop();
});

describe('seeded data keeps the invariants of docs/domain.md', () => {
  it('fills every domain table', async () => {
    const tables = await rows<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()
       AND table_name NOT IN ('schema_migration', 'audit_event', 'summary_post', 'alert_rule_state',
         'alert_post', 'alert_rule_setting', 'alert_setting_change', 'rate_limit', 'page_state',
         'interaction_claim', 'hl7_message', 'hl7_patient', 'hl7_visit', 'phi_link', 'web_account', 'web_session',
         'subscription', 'subscription_post')
       -- the FHIR import's own tables (migration 013) are empty after a seed
       AND table_name NOT LIKE 'fhir\\_%'`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(23);
    for (const { name } of tables) {
      expect(await count(`SELECT COUNT(*) AS n FROM \`${name}\``), name).toBeGreaterThan(0);
    }
  });

  it('resolves every foreign key (checked for each declared constraint)', async () => {
    const fks = await rows<{ tbl: string; col: string; ref: string; refcol: string }>(
      `SELECT table_name AS tbl, column_name AS col, referenced_table_name AS ref, referenced_column_name AS refcol
       FROM information_schema.key_column_usage
       WHERE table_schema = DATABASE() AND referenced_table_name IS NOT NULL`,
    );
    expect(fks.length).toBeGreaterThanOrEqual(35);
    for (const fk of fks) {
      const orphans = await count(
        `SELECT COUNT(*) AS n FROM \`${fk.tbl}\` c LEFT JOIN \`${fk.ref}\` p ON p.\`${fk.refcol}\` = c.\`${fk.col}\`
         WHERE c.\`${fk.col}\` IS NOT NULL AND p.\`${fk.refcol}\` IS NULL`,
      );
      expect(orphans, `${fk.tbl}.${fk.col} -> ${fk.ref}`).toBe(0);
    }
  });

  it('receives every call no later than its dispatch', async () => {
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM emergency_call c JOIN ambulance_dispatch d ON d.id = c.dispatch_id WHERE c.received_at > d.dispatched_at`,
      ),
    ).toBe(0);
  });

  it('assigns units after dispatch and puts them on scene after assignment', async () => {
    expect(
      await count(`SELECT COUNT(*) AS n FROM dispatch_unit u JOIN ambulance_dispatch d ON d.id = u.dispatch_id
                   WHERE u.assigned_at < d.dispatched_at OR u.on_scene_at < u.assigned_at OR u.cleared_at < u.on_scene_at`),
    ).toBe(0);
  });

  it('picks patients up after their unit is on scene and after assessment, and drops them off later', async () => {
    expect(
      await count(`SELECT COUNT(*) AS n FROM transport t
                   JOIN dispatch_unit u ON u.dispatch_id = t.dispatch_id AND u.ambulance_id = t.ambulance_id
                   JOIN paramedic_assessment a ON a.dispatch_id = t.dispatch_id AND a.patient_id = t.patient_id
                   WHERE t.pickup_at < u.on_scene_at OR t.pickup_at < a.assessed_at OR t.dropoff_at <= t.pickup_at
                      OR a.assessed_at < u.on_scene_at`),
    ).toBe(0);
    // Every transport had its patient assessed.
    expect(
      await count(`SELECT COUNT(*) AS n FROM transport t LEFT JOIN paramedic_assessment a
                   ON a.dispatch_id = t.dispatch_id AND a.patient_id = t.patient_id WHERE a.id IS NULL`),
    ).toBe(0);
  });

  it('admits ambulance patients at or after drop-off, and only ambulance arrivals have a transport', async () => {
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM er_visit v JOIN transport t ON t.id = v.transport_id WHERE v.arrived_at < t.dropoff_at OR v.patient_id <> t.patient_id`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM er_visit WHERE (arrival_mode = 'ambulance') <> (transport_id IS NOT NULL)`,
      ),
    ).toBe(0);
  });

  it('treats after arrival, decides after the last treatment, and discharges after the decision', async () => {
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM er_treatment t JOIN er_visit v ON v.id = t.visit_id WHERE t.performed_at < v.arrived_at OR t.patient_id <> v.patient_id`,
      ),
    ).toBe(0);
    expect(
      await count(`SELECT COUNT(*) AS n FROM disposition_decision d JOIN er_treatment t ON t.visit_id = d.visit_id
                   WHERE d.decided_at < t.performed_at`),
    ).toBe(0);
    expect(
      await count(`SELECT COUNT(*) AS n FROM disposition_decision d JOIN er_visit v ON v.id = d.visit_id
                   WHERE d.decided_at < v.arrived_at OR v.departed_at < d.decided_at OR d.patient_id <> v.patient_id`),
    ).toBe(0);
    // A visit that has left without a decision left without being seen: a walk-in, never treated.
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM er_visit v LEFT JOIN disposition_decision d ON d.visit_id = v.id
         WHERE v.departed_at IS NOT NULL AND d.id IS NULL
           AND (v.arrival_mode <> 'walk_in' OR EXISTS (SELECT 1 FROM er_treatment t WHERE t.visit_id = v.id))`,
      ),
    ).toBe(0);
  });

  it('gives calls the nature of their dispatch, and a severity that fits the nature', async () => {
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM emergency_call c JOIN ambulance_dispatch d ON d.id = c.dispatch_id WHERE c.nature <> d.nature`,
      ),
    ).toBe(0);
    const pairs = await rows<{ nature: string; severity: string }>(
      `SELECT DISTINCT nature, severity FROM ambulance_dispatch`,
    );
    for (const { nature, severity } of pairs) {
      const allowed = NATURES[nature]?.severity.map(([s]) => s) ?? [];
      expect(allowed, `${nature} dispatched as ${severity}`).toContain(severity);
    }
  });

  it('stores phone numbers as text and keeps ages plausible at every visit', async () => {
    const phones = await rows<{ phone: string }>(
      `SELECT phone FROM patient WHERE phone IS NOT NULL LIMIT 200`,
    );
    for (const { phone } of phones) expect(phone).toMatch(/^\(\d{3}\) 555-01\d{2}$/);
    const [ages] = await rows<{ lo: number; hi: number }>(
      `SELECT MIN(TIMESTAMPDIFF(YEAR, p.date_of_birth, v.arrived_at)) AS lo, MAX(TIMESTAMPDIFF(YEAR, p.date_of_birth, v.arrived_at)) AS hi
       FROM er_visit v JOIN patient p ON p.id = v.patient_id`,
    );
    expect(Number(ages?.lo)).toBeGreaterThanOrEqual(0);
    expect(Number(ages?.hi)).toBeLessThanOrEqual(110);
  });

  it('never has one patient in two ER visits at once', async () => {
    expect(
      await count(`SELECT COUNT(*) AS n FROM er_visit a JOIN er_visit b ON a.patient_id = b.patient_id AND a.id < b.id
                   WHERE b.arrived_at < COALESCE(a.departed_at, '9999-12-31') AND a.arrived_at < COALESCE(b.departed_at, '9999-12-31')`),
    ).toBe(0);
  });

  it('stays within the end of the data, except future appointments and rota shifts', async () => {
    const end = new Date(END).toISOString().slice(0, 19).replace('T', ' ');
    for (const [table, column] of [
      ['emergency_call', 'received_at'],
      ['er_visit', 'arrived_at'],
      ['er_visit', 'departed_at'],
      ['er_treatment', 'performed_at'],
      ['disposition_decision', 'decided_at'],
      ['dispatch_unit', 'cleared_at'],
    ] as const) {
      expect(
        await count(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} > '${end}'`),
        `${table}.${column}`,
      ).toBe(0);
    }
  });

  it('has data in the last 24 hours, and someone on shift at the end', async () => {
    expect(
      await count(`SELECT COUNT(*) AS n FROM er_visit WHERE arrived_at > '2026-03-14 14:00:00'`),
    ).toBeGreaterThan(20);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM shift WHERE starts_at <= '2026-03-15 14:00:00' AND ends_at > '2026-03-15 14:00:00'`,
      ),
    ).toBeGreaterThan(5);
  });
});

describe('seeded data looks like an emergency department', () => {
  it('is busier in the afternoon than before dawn (local time)', async () => {
    const byHour = await rows<{ h: number; n: number }>(
      `SELECT HOUR(CONVERT_TZ(arrived_at, '+00:00', '-04:00')) AS h, COUNT(*) AS n FROM er_visit
       WHERE arrived_at >= '2026-03-09 00:00:00' GROUP BY h`,
    );
    const at = (h: number) => Number(byHour.find((r) => Number(r.h) === h)?.n ?? 0);
    const afternoon = at(12) + at(13) + at(14) + at(15);
    const dawn = at(3) + at(4) + at(5) + at(6);
    expect(afternoon).toBeGreaterThan(dawn * 2);
  });

  it('mixes all severities, arrival modes and triage levels', async () => {
    expect(await count(`SELECT COUNT(DISTINCT severity) AS n FROM ambulance_dispatch`)).toBe(3);
    expect(await count(`SELECT COUNT(DISTINCT arrival_mode) AS n FROM er_visit`)).toBe(3);
    expect(await count(`SELECT COUNT(DISTINCT triage_level) AS n FROM er_visit`)).toBe(5);
  });

  it('has response times with a plausible median and a long tail', async () => {
    const minutes = (
      await rows<{ m: number }>(
        `SELECT TIMESTAMPDIFF(SECOND, MIN(c.received_at), MIN(u.on_scene_at)) / 60 AS m
         FROM ambulance_dispatch d JOIN emergency_call c ON c.dispatch_id = d.id JOIN dispatch_unit u ON u.dispatch_id = d.id
         GROUP BY d.id`,
      )
    )
      .map((r) => Number(r.m))
      .sort((a, b) => a - b);
    const median = minutes[Math.floor(minutes.length / 2)] ?? 0;
    const p90 = minutes[Math.floor(minutes.length * 0.9)] ?? 0;
    expect(median).toBeGreaterThan(5);
    expect(median).toBeLessThan(20);
    expect(p90).toBeGreaterThan(median * 1.3);
  });
});

describe('seeded data has the patient flow of docs/domain.md (LWBS, boarding, returns, follow-up)', () => {
  it('has 1-6% of walk-ins leave without being seen, more often at triage 4-5 than at 3, never at 1-2', async () => {
    const lwbs = await rows<{ triage_level: number; n: number }>(
      `SELECT v.triage_level, COUNT(*) AS n FROM er_visit v
       WHERE v.departed_at IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM er_treatment t WHERE t.visit_id = v.id)
         AND NOT EXISTS (SELECT 1 FROM disposition_decision d WHERE d.visit_id = v.id)
       GROUP BY v.triage_level`,
    );
    const walkIns = await rows<{ triage_level: number; n: number }>(
      `SELECT triage_level, COUNT(*) AS n FROM er_visit WHERE arrival_mode = 'walk_in' GROUP BY triage_level`,
    );
    const at = (r: { triage_level: number; n: number }[], l: number) =>
      Number(r.find((x) => Number(x.triage_level) === l)?.n ?? 0);
    const total = (r: { n: number }[]) => r.reduce((n, x) => n + Number(x.n), 0);
    const rate = total(lwbs) / total(walkIns);
    expect(rate).toBeGreaterThan(0.01);
    expect(rate).toBeLessThan(0.06);
    expect(at(lwbs, 1) + at(lwbs, 2)).toBe(0);
    expect((at(lwbs, 4) + at(lwbs, 5)) / (at(walkIns, 4) + at(walkIns, 5))).toBeGreaterThan(
      at(lwbs, 3) / at(walkIns, 3),
    );
  });

  it('boards admitted, transferred and observation patients after the decision, longer at night', async () => {
    const stays = await rows<{ m: number; night: number }>(
      `SELECT TIMESTAMPDIFF(MINUTE, d.decided_at, v.departed_at) AS m,
              HOUR(CONVERT_TZ(d.decided_at, '+00:00', '-05:00')) NOT BETWEEN 7 AND 19 AS night
       FROM disposition_decision d JOIN er_visit v ON v.id = d.visit_id
       WHERE d.decision IN ('Continue Observation', 'Transfer to another department',
         'Transfer to a higher-level hospital') AND v.departed_at IS NOT NULL`,
    );
    const all = stays.map((r) => Number(r.m));
    expect(all.length).toBeGreaterThan(50);
    expect(Math.min(...all)).toBeGreaterThanOrEqual(20);
    expect(med(stays.filter((r) => Number(r.night) === 1).map((r) => Number(r.m)))).toBeGreaterThan(
      med(stays.filter((r) => Number(r.night) === 0).map((r) => Number(r.m))),
    );
  });

  it('brings 3-8% of discharged patients back within 72 hours, as a new visit of the same patient', async () => {
    const [r] = await rows<{ discharged: number; returned: number }>(
      `SELECT COUNT(*) AS discharged,
              SUM(EXISTS (SELECT 1 FROM er_visit b WHERE b.patient_id = v.patient_id AND b.arrived_at > v.departed_at
                          AND b.arrived_at <= v.departed_at + INTERVAL 72 HOUR)) AS returned
       FROM er_visit v JOIN disposition_decision d ON d.visit_id = v.id
       WHERE d.decision = 'Discharge' AND v.departed_at IS NOT NULL`,
    );
    const rate = Number(r?.returned) / Number(r?.discharged);
    expect(rate).toBeGreaterThan(0.03);
    expect(rate).toBeLessThan(0.08);
  });

  it('books most discharged patients into a clinic within 7 days, and leaves some without', async () => {
    const [r] = await rows<{ due: number; followed: number }>(
      `SELECT COUNT(*) AS due,
              SUM(EXISTS (SELECT 1 FROM appointment a WHERE a.patient_id = v.patient_id AND a.status <> 'cancelled'
                          AND a.starts_at > v.departed_at AND a.starts_at <= v.departed_at + INTERVAL 7 DAY)) AS followed
       FROM er_visit v JOIN disposition_decision d ON d.visit_id = v.id
       WHERE d.decision = 'Discharge' AND v.departed_at <= '2026-03-08 14:00:00'`,
    );
    const share = Number(r?.followed) / Number(r?.due);
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(0.9);
    // Follow-ups start after the departure, in a clinic's working hours, never double-booking a doctor.
    expect(
      await count(`SELECT COUNT(*) AS n FROM (SELECT staff_id, starts_at FROM appointment
                   GROUP BY staff_id, starts_at HAVING COUNT(*) > 1) x`),
    ).toBe(0);
  });

  it('has no-show rates that differ by department and by weekday', async () => {
    const rates = async (key: string) =>
      (
        await rows<{ k: string; r: number }>(
          `SELECT ${key} AS k, SUM(a.status = 'no_show') / COUNT(*) AS r FROM appointment a
           JOIN department dp ON dp.id = a.department_id
           WHERE a.status IN ('completed', 'no_show') GROUP BY k`,
        )
      ).map((x) => Number(x.r));
    for (const key of ['dp.name', 'DAYOFWEEK(a.starts_at)']) {
      const r = await rates(key);
      expect(Math.max(...r) - Math.min(...r), key).toBeGreaterThan(0.03);
    }
  });
});

describe('MySQL and MongoDB agree', () => {
  it('on dispatch counts per severity', async () => {
    const fromSql = await rows<{ severity: string; n: number }>(
      `SELECT severity, COUNT(*) AS n FROM ambulance_dispatch GROUP BY severity`,
    );
    const fromMongo = await mongo
      .db(db.name)
      .collection(DISPATCH_INCIDENTS)
      .aggregate<{ _id: string; n: number }>([{ $group: { _id: '$severity', n: { $sum: 1 } } }])
      .toArray();
    expect(Object.fromEntries(fromMongo.map((r) => [r._id, r.n]))).toEqual(
      Object.fromEntries(fromSql.map((r) => [r.severity, Number(r.n)])),
    );
  });

  it('on treatment counts per type', async () => {
    const fromSql = await rows<{ type: string; n: number }>(
      `SELECT type, COUNT(*) AS n FROM er_treatment GROUP BY type`,
    );
    const fromMongo = await mongo
      .db(db.name)
      .collection(ER_TREATMENTS)
      .aggregate<{ _id: string; n: number }>([{ $group: { _id: '$type', n: { $sum: 1 } } }])
      .toArray();
    expect(Object.fromEntries(fromMongo.map((r) => [r._id, r.n]))).toEqual(
      Object.fromEntries(fromSql.map((r) => [r.type, Number(r.n)])),
    );
  });

  it('on ids, times and response minutes of each dispatch', async () => {
    const fromSql = await rows<{ id: number; dispatched_at: Date; first_call: Date; first_scene: Date }>(
      `SELECT d.id, d.dispatched_at, MIN(c.received_at) AS first_call, MIN(u.on_scene_at) AS first_scene
       FROM ambulance_dispatch d JOIN emergency_call c ON c.dispatch_id = d.id JOIN dispatch_unit u ON u.dispatch_id = d.id
       GROUP BY d.id, d.dispatched_at ORDER BY d.id LIMIT 300`,
    );
    const docs = await mongo
      .db(db.name)
      .collection(DISPATCH_INCIDENTS)
      .find({ _id: { $in: fromSql.map((r) => r.id) } } as object)
      .toArray();
    const byId = new Map(docs.map((d) => [Number(d._id), d]));
    for (const r of fromSql) {
      const doc = byId.get(r.id);
      expect(doc, `dispatch ${r.id}`).toBeDefined();
      expect((doc?.dispatchedAt as Date).getTime()).toBe(r.dispatched_at.getTime());
      const expected = Math.round((r.first_scene.getTime() - r.first_call.getTime()) / 6000) / 10;
      expect(doc?.responseMinutes).toBe(expected);
    }
  });
});

describe('seeded data meets the published ED benchmarks of docs/domain.md (section 4)', () => {
  /** Minutes of each visit from its arrival to `to`, with its decision and whether it is a mental-health visit. */
  async function times(to: string) {
    return (
      await rows<{ m: number; decision: string | null; mh: number; observation: number }>(
        `SELECT TIMESTAMPDIFF(SECOND, v.arrived_at, ${to}) / 60 AS m, d.decision, v.observation,
                EXISTS (SELECT 1 FROM diagnosis g WHERE g.visit_id = v.id AND g.code LIKE 'F%'
                        AND g.code NOT LIKE 'F00%') AS mh
         FROM er_visit v LEFT JOIN disposition_decision d ON d.visit_id = v.id WHERE ${to} IS NOT NULL`,
      )
    ).map((r) => ({
      ...r,
      m: Number(r.m),
      mh: Number(r.mh) === 1,
      observation: Number(r.observation) === 1,
    }));
  }

  it('gives 5-8% of visits a mental-health diagnosis (F01-F99)', async () => {
    const visits = await count(`SELECT COUNT(*) AS n FROM er_visit`);
    const mh = await count(
      `SELECT COUNT(DISTINCT visit_id) AS n FROM diagnosis WHERE code LIKE 'F%' AND code NOT LIKE 'F00%'`,
    );
    expect(mh / visits).toBeGreaterThan(0.05);
    expect(mh / visits).toBeLessThan(0.08);
  });

  it('keeps discharged patients about 2-2.5 h and admitted ones about 4 h, mental-health ones longer', async () => {
    const stays = await times('v.departed_at');
    const of = (decision: string, mh: boolean) =>
      stays.filter((s) => s.decision === decision && s.mh === mh && !s.observation).map((s) => s.m);
    expect(med(of('Discharge', false))).toBeGreaterThan(120);
    expect(med(of('Discharge', false))).toBeLessThan(150);
    expect(med(of('Transfer to another department', false))).toBeGreaterThan(210);
    expect(med(of('Transfer to another department', false))).toBeLessThan(280);
    expect(med(of('Discharge', true))).toBeGreaterThan(med(of('Discharge', false)));
    expect(med(of('Transfer to another department', true))).toBeGreaterThan(
      med(of('Transfer to another department', false)),
    );
  });

  it('boards admitted patients about 1-1.5 h (median), mental-health patients longer', async () => {
    const boarding = (
      await rows<{ m: number; mh: number }>(
        `SELECT TIMESTAMPDIFF(SECOND, d.decided_at, v.departed_at) / 60 AS m,
                EXISTS (SELECT 1 FROM diagnosis g WHERE g.visit_id = v.id AND g.code LIKE 'F%'
                        AND g.code NOT LIKE 'F00%') AS mh
         FROM er_visit v JOIN disposition_decision d ON d.visit_id = v.id
         WHERE d.decision = 'Transfer to another department' AND v.observation = FALSE
           AND v.departed_at IS NOT NULL`,
      )
    ).map((r) => ({ m: Number(r.m), mh: Number(r.mh) === 1 }));
    const other = boarding.filter((b) => !b.mh).map((b) => b.m);
    expect(med(other)).toBeGreaterThan(60);
    expect(med(other)).toBeLessThan(90);
    expect(med(boarding.filter((b) => b.mh).map((b) => b.m))).toBeGreaterThan(med(other));
  });

  it('rooms patients, then a provider sees them (median 20-30 min), before any treatment', async () => {
    const seen = await times('v.provider_seen_at');
    expect(med(seen.map((s) => s.m))).toBeGreaterThan(20);
    expect(med(seen.map((s) => s.m))).toBeLessThan(30);
    expect(
      await count(`SELECT COUNT(*) AS n FROM er_visit v
                   WHERE v.roomed_at < v.arrived_at OR v.provider_seen_at < v.roomed_at
                      OR (v.provider_seen_at IS NOT NULL AND v.roomed_at IS NULL)
                      OR EXISTS (SELECT 1 FROM er_treatment t WHERE t.visit_id = v.id
                                 AND t.performed_at < v.provider_seen_at)`),
    ).toBe(0);
    // Every treated or decided visit had a provider; some waited more than an hour for a room.
    expect(
      await count(`SELECT COUNT(*) AS n FROM er_visit v JOIN disposition_decision d ON d.visit_id = v.id
                   WHERE v.provider_seen_at IS NULL`),
    ).toBe(0);
    expect(
      await count(`SELECT COUNT(*) AS n FROM er_visit WHERE roomed_at > arrived_at + INTERVAL 60 MINUTE`),
    ).toBeGreaterThan(0);
  });

  it('has 1-5% of visits leave without being seen, and some leave against advice or elope', async () => {
    const visits = await count(`SELECT COUNT(*) AS n FROM er_visit`);
    const lwbs = await count(
      `SELECT COUNT(*) AS n FROM er_visit v WHERE v.departed_at IS NOT NULL AND v.provider_seen_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM er_treatment t WHERE t.visit_id = v.id)
       AND NOT EXISTS (SELECT 1 FROM disposition_decision d WHERE d.visit_id = v.id)`,
    );
    expect(lwbs / visits).toBeGreaterThan(0.01);
    expect(lwbs / visits).toBeLessThan(0.05);
    for (const decision of ['Left against medical advice', 'Eloped']) {
      const n = await count(`SELECT COUNT(*) AS n FROM disposition_decision WHERE decision = '${decision}'`);
      expect(n, decision).toBeGreaterThan(0);
      expect(n / visits, decision).toBeLessThan(0.03);
    }
  });

  it('marks every Continue Observation visit an observation stay, and a few discharged ones too', async () => {
    expect(
      await count(`SELECT COUNT(*) AS n FROM er_visit v JOIN disposition_decision d ON d.visit_id = v.id
                   WHERE d.decision = 'Continue Observation' AND v.observation = FALSE`),
    ).toBe(0);
    expect(
      await count(`SELECT COUNT(*) AS n FROM er_visit v JOIN disposition_decision d ON d.visit_id = v.id
                   WHERE d.decision = 'Discharge' AND v.observation = TRUE`),
    ).toBeGreaterThan(0);
  });
});

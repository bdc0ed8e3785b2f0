import { cp, mkdtemp, appendFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/data/audit.ts';
import { migrate } from '../../src/data/migrate.ts';
import { MIGRATIONS_DIR, readMigrations } from '../../tools/sql/migrations-source.ts';
import { connect } from '../../src/data/mysql.ts';
import { testDatabases, type TestDatabases } from '../support/databases.ts';

const created: TestDatabases[] = [];
function fresh(label: string): TestDatabases {
  const db = testDatabases(label);
  created.push(db);
  return db;
}

afterAll(async () => {
  await Promise.all(created.map((d) => d.drop()));
});

async function schemaSnapshot(url: string): Promise<string> {
  const c = await connect(url);
  try {
    const [cols] = await c.query<RowDataPacket[]>(
      `SELECT table_name, column_name, column_type, is_nullable FROM information_schema.columns
       WHERE table_schema = DATABASE() ORDER BY table_name, ordinal_position`,
    );
    const [ledger] = await c.query<RowDataPacket[]>(
      'SELECT version, name, checksum, applied_at FROM schema_migration ORDER BY version',
    );
    return JSON.stringify([cols, ledger]);
  } finally {
    await c.end();
  }
}

describe('migrate', () => {
  it('on a missing database, creates it with every domain table and its foreign keys', async () => {
    const db = fresh('mig_new');
    const result = await migrate(db.mysqlUrl);
    expect(result.createdDatabase).toBe(true);
    expect(result.applied).toEqual([
      '001_domain.sql',
      '002_platform.sql',
      '003_audit_append_only.sql',
      '004_audit_chain.sql',
      '005_rate_limit.sql',
      '006_speed.sql',
      '008_alerts.sql',
      '009_audit_chain_guard.sql',
      '010_shared_state.sql',
      '011_response_legs.sql',
      '012_external_sources.sql',
      '013_fhir.sql',
      '014_hl7.sql',
      '015_ed_measures.sql',
      '016_phi_links.sql',
      '017_alert_actions.sql',
      '018_subscriptions.sql',
      '019_er_visit_facts.sql',
    ]);
    const c = await connect(db.mysqlUrl);
    const [[tables], [fks]] = await Promise.all([
      c.query<RowDataPacket[]>(
        `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE()`,
      ),
      c.query<RowDataPacket[]>(
        `SELECT COUNT(*) AS n FROM information_schema.referential_constraints WHERE constraint_schema = DATABASE()`,
      ),
    ]);
    await c.end();
    // domain, platform, audit chain head, ledger, alerts, rate limits, shared state, FHIR import, hl7, links,
    // alert settings and their changes, subscriptions, the visits' measure facts and the view defining them
    expect(Number(tables[0]?.n)).toBe(27 + 2 + 1 + 1 + 2 + 1 + 2 + 4 + 3 + 3 + 2 + 2 + 2);
    expect(Number(fks[0]?.n)).toBeGreaterThanOrEqual(40);
  });

  it('run a second time, applies nothing and changes nothing', async () => {
    const db = fresh('mig_again');
    await migrate(db.mysqlUrl);
    const before = await schemaSnapshot(db.mysqlUrl);
    const again = await migrate(db.mysqlUrl);
    expect(again).toMatchObject({ createdDatabase: false, applied: [], alreadyApplied: 18 });
    expect(await schemaSnapshot(db.mysqlUrl)).toBe(before);
  });

  it('with a migration edited after it was applied, refuses and applies nothing', async () => {
    const db = fresh('mig_edit');
    const dir = await mkdtemp(join(tmpdir(), 'hers-migrations-'));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await migrate(db.mysqlUrl, undefined, readMigrations(dir));
    const before = await schemaSnapshot(db.mysqlUrl);
    await appendFile(join(dir, '001_domain.sql'), '\n-- edited\n');
    await expect(migrate(db.mysqlUrl, undefined, readMigrations(dir))).rejects.toThrow(
      '001_domain.sql was changed after it was applied',
    );
    expect(await schemaSnapshot(db.mysqlUrl)).toBe(before);
    await rm(dir, { recursive: true });
  });

  it('enforces the vocabularies: an unknown severity or nature is rejected', async () => {
    const db = fresh('mig_vocab');
    await migrate(db.mysqlUrl);
    const c = await connect(db.mysqlUrl);
    await expect(
      c.query(
        `INSERT INTO ambulance_dispatch (dispatched_at, severity, nature) VALUES (NOW(), 'urgent', 'stroke')`,
      ),
    ).rejects.toThrow();
    await expect(
      c.query(
        `INSERT INTO ambulance_dispatch (dispatched_at, severity, nature) VALUES (NOW(), 'high', 'hiccups')`,
      ),
    ).rejects.toThrow(/constraint/i);
    await c.query(
      `INSERT INTO ambulance_dispatch (dispatched_at, severity, nature) VALUES (NOW(), 'high', 'stroke')`,
    );
    await expect(
      c.query(
        `INSERT INTO er_visit (patient_id, arrived_at, arrival_mode, condition_on_arrival, triage_level, reason) VALUES (1, NOW(), 'walk_in', 'stable', 3, 'x')`,
      ),
    ).rejects.toThrow(/foreign key/i);
    await c.end();
  });
});

describe('the audit trail', () => {
  it('accepts new rows and refuses to change or remove them', async () => {
    const db = fresh('mig_audit');
    await migrate(db.mysqlUrl);
    const c = await connect(db.mysqlUrl);
    await recordAudit(c, {
      source: 'console',
      actorId: 'console:test',
      command: '/er census',
      options: null,
      patientIds: [],
      rowCount: 1,
      outcome: 'ok',
      latencyMs: 1,
    });
    await expect(c.query(`UPDATE audit_event SET outcome = 'error'`)).rejects.toThrow(
      'audit_event is append-only',
    );
    await expect(c.query(`DELETE FROM audit_event`)).rejects.toThrow('audit_event is append-only');
    const [rows] = await c.query<RowDataPacket[]>('SELECT outcome FROM audit_event');
    await c.end();
    expect(rows).toEqual([{ outcome: 'ok' }]);
  });
});

import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { recordAudit, type AuditEvent } from '../../src/data/audit.ts';
import { describeChain, verifyAuditChain } from '../../src/data/audit-chain.ts';
import { GENESIS_HASH, linkHash } from '../../src/data/audit-hash.ts';
import { migrate } from '../../src/data/migrate.ts';
import { MIGRATIONS_DIR, readMigrations } from '../../tools/sql/migrations-source.ts';
import { connect, createPool, type Connection, type Pool } from '../../src/data/mysql.ts';
import { testDatabases, type TestDatabases } from '../support/databases.ts';
import { runScript } from '../support/spawn.ts';
import { commands } from '../../commands/index.ts';
import { execute } from '../../src/runner/execute.ts';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

function event(i: number, overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    source: 'discord',
    actorId: `4000000000000000${String(i).padStart(2, '0')}`,
    actorRoles: ['500000000000000001'],
    guildId: '600000000000000001',
    channelId: '700000000000000001',
    command: '/patient lookup',
    options: { patient: `MRN10000${i}`, private: true },
    patientIds: [i],
    rowCount: 1,
    outcome: 'ok',
    latencyMs: 12,
    interactionId: `80000000000000${i}`,
    ...overrides,
  };
}

interface Chain {
  db: TestDatabases;
  pool: Pool;
  /** A root connection for tampering. */
  root: Connection;
  ids(): Promise<number[]>;
}

/** A migrated database of the test's own with `rows` audit rows written through the chain. */
async function chainWith(label: string, rows: number): Promise<Chain> {
  const db = testDatabases(label);
  await migrate(db.mysqlUrl);
  const pool = createPool(db.mysqlUrl, 4);
  const root = await connect(db.mysqlUrl);
  cleanups.push(async () => {
    await pool.end();
    await root.end();
    await db.drop();
  });
  for (let i = 1; i <= rows; i++) await recordAudit(pool, event(i));
  return {
    db,
    pool,
    root,
    async ids() {
      const [r] = await root.query<RowDataPacket[]>('SELECT id FROM audit_event ORDER BY id');
      return r.map((x) => Number(x.id));
    },
  };
}

/** A user with exactly the README's grants for the bot, on this database only. */
async function botUser(chain: Chain): Promise<string> {
  const user = `hers_test_bot_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  const name = chain.db.name;
  for (const sql of [
    `CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`,
    `GRANT SELECT ON \`${name}\`.* TO '${user}'@'%'`,
    `GRANT INSERT ON \`${name}\`.audit_event TO '${user}'@'%'`,
    `GRANT UPDATE ON \`${name}\`.audit_chain_head TO '${user}'@'%'`,
    `GRANT INSERT, UPDATE ON \`${name}\`.summary_post TO '${user}'@'%'`,
  ])
    await chain.root.query(sql);
  cleanups.push(async () => {
    const c = await connect(chain.db.mysqlUrl);
    await c.query(`DROP USER IF EXISTS '${user}'@'%'`);
    await c.end();
  });
  const url = new URL(chain.db.mysqlUrl);
  url.username = user;
  url.password = password;
  return url.toString();
}

const NO_DELETE = `CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only'`;
const NO_UPDATE = `CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only'`;

/** Recreates a trigger as its migration defines it: what root does after tampering, to cover their tracks. */
async function recreateTrigger(c: Connection, name: string): Promise<void> {
  for (const m of readMigrations()) {
    const at = m.sql.indexOf(`CREATE TRIGGER ${name} `);
    if (at < 0) continue;
    // A statement ends at the semicolon before a blank line (or the end of the file).
    const end = /;[ \t]*(\n[ \t]*\n|\n?$)/.exec(m.sql.slice(at));
    if (!end) break;
    await c.query(m.sql.slice(at, at + end.index));
    return;
  }
  throw new Error(`no migration creates the trigger ${name}`);
}

/** prev_hash and hash for a hand-written row: linked to the chain head, with a made-up hash. */
async function linkedToHead(c: Connection): Promise<[string, string]> {
  const [heads] = await c.query<RowDataPacket[]>('SELECT hash FROM audit_chain_head WHERE id = 1');
  return [String(heads[0]?.hash), 'a'.repeat(64)];
}

describe('an intact audit chain', () => {
  it('written by two processes at once, verifies with every row and the last row as its head', async () => {
    const chain = await chainWith('chain_ok', 0);
    const other = createPool(chain.db.mysqlUrl, 4);
    cleanups.push(() => other.end());
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => recordAudit(i % 2 === 0 ? chain.pool : other, event(i + 1))),
    );
    const report = await verifyAuditChain(chain.pool);
    const [last] = await chain.root.query<RowDataPacket[]>(
      'SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1',
    );
    expect(report).toEqual({ intact: true, rows: 40, legacyRows: 0, head: last[0]?.hash, partial: false });
    expect(describeChain(report)).toBe(`intact: 40 rows, head ${String(last[0]?.hash)}`);
  });

  it('when empty, verifies as zero rows at the genesis hash', async () => {
    const chain = await chainWith('chain_empty', 0);
    expect(describeChain(await verifyAuditChain(chain.pool))).toBe(`intact: 0 rows, head ${GENESIS_HASH}`);
  });

  it('stores option text with lone surrogates, long details and fractional latencies so they verify', async () => {
    const chain = await chainWith('chain_text', 0);
    await recordAudit(
      chain.pool,
      event(1, {
        options: { name: 'Ann\uD800 Lee', term: 'chest 💓 pain', when: new Date('2026-03-01T00:00:00Z') },
        detail: `${'é'.repeat(499)}💓 and more`,
        latencyMs: 12.6,
      }),
    );
    const [rows] = await chain.root.query<RowDataPacket[]>(
      'SELECT options, detail, latency_ms FROM audit_event',
    );
    expect(rows[0]?.options).toEqual({
      name: 'Ann\uFFFD Lee',
      term: 'chest 💓 pain',
      when: '2026-03-01T00:00:00.000Z',
    });
    expect(Array.from(String(rows[0]?.detail))).toHaveLength(500);
    expect(rows[0]?.latency_ms).toBe(13);
    expect(await verifyAuditChain(chain.pool)).toMatchObject({ intact: true, rows: 1 });
  });

  it('rows written before the chain began are counted apart, and a hash-less row after them is not', async () => {
    const db = testDatabases('chain_legacy');
    const dir = await mkdtemp(join(tmpdir(), 'hers-mig-'));
    cleanups.push(async () => {
      await db.drop();
      await rm(dir, { recursive: true });
    });
    for (const f of ['001_domain.sql', '002_platform.sql', '003_audit_append_only.sql'])
      await cp(join(MIGRATIONS_DIR, f), join(dir, f));
    await migrate(db.mysqlUrl, undefined, readMigrations(dir));
    const root = await connect(db.mysqlUrl);
    cleanups.push(() => root.end());
    for (let i = 0; i < 3; i++)
      await root.query(
        `INSERT INTO audit_event (occurred_at, source, command, outcome) VALUES (UTC_TIMESTAMP(3), 'console', '/er census', 'ok')`,
      );
    await migrate(db.mysqlUrl);
    await recordAudit(root, event(1));
    await recordAudit(root, event(2));
    expect(describeChain(await verifyAuditChain(root))).toMatch(
      /^intact: 2 rows, head [0-9a-f]{64} \(3 earlier rows predate the chain and are not covered\)$/,
    );

    // A process older than the chain (one still running while the migrations ran) fails closed.
    await expect(
      root.query(
        `INSERT INTO audit_event (occurred_at, source, command, outcome) VALUES (UTC_TIMESTAMP(3), 'console', '/er census', 'ok')`,
      ),
    ).rejects.toThrow('audit_event rows must carry a hash chained to audit_chain_head');
    expect(await verifyAuditChain(root)).toMatchObject({ intact: true, rows: 2, legacyRows: 3 });

    // Root can drop the guard; the missing guard, and such a row, are then reported.
    await root.query('DROP TRIGGER audit_event_chain_link');
    await root.query(
      `INSERT INTO audit_event (occurred_at, source, command, outcome) VALUES (UTC_TIMESTAMP(3), 'console', '/er census', 'ok')`,
    );
    expect(await verifyAuditChain(root)).toMatchObject({
      intact: false,
      breaks: [
        { id: 0, kind: 'trigger' },
        {
          id: 6,
          kind: 'unhashed',
          problem: "row 6 has no hash: it was written outside the bot's audit chain",
        },
      ],
    });
  });
});

describe('a tampered audit chain', () => {
  it('with a row deleted by root (trigger dropped, row deleted, trigger recreated), breaks at the next row', async () => {
    const chain = await chainWith('chain_delete', 5);
    const [, second, third, fourth] = await chain.ids();
    await chain.root.query('DROP TRIGGER audit_event_no_delete');
    await chain.root.query('DELETE FROM audit_event WHERE id = ?', [third]);
    await chain.root.query(NO_DELETE);
    const report = await verifyAuditChain(chain.pool);
    expect(report).toMatchObject({
      intact: false,
      rows: 3,
      id: fourth,
      problem: `row ${fourth} does not link to row ${second} before it: rows between them were deleted, or row ${fourth} was written outside the chain`,
    });
    expect(describeChain(report)).toMatch(new RegExp(`^broken at id ${fourth}: `));
  });

  it('with a row modified by root, breaks at that row', async () => {
    const chain = await chainWith('chain_update', 5);
    const [, , third] = await chain.ids();
    await chain.root.query('DROP TRIGGER audit_event_no_update');
    await chain.root.query(`UPDATE audit_event SET actor_id = '400000000000000099' WHERE id = ?`, [third]);
    await chain.root.query(NO_UPDATE);
    expect(await verifyAuditChain(chain.pool)).toMatchObject({
      intact: false,
      rows: 4,
      breakCount: 1,
      id: third,
      problem: `row ${third}'s contents do not match its hash: it was changed after it was written, or written outside the bot`,
    });
  });

  it('with the newest row deleted, breaks against the chain head', async () => {
    const chain = await chainWith('chain_tail', 3);
    const [, second, third] = await chain.ids();
    await chain.root.query('DROP TRIGGER audit_event_no_delete');
    await chain.root.query('DELETE FROM audit_event WHERE id = ?', [third]);
    await chain.root.query(NO_DELETE);
    expect(await verifyAuditChain(chain.pool)).toMatchObject({
      intact: false,
      id: second,
      problem: `the chain head records row ${third}, but the chain ends at row ${second}: the newest rows were deleted`,
    });
  });

  it('with the newest row deleted and the head rewound to match, is caught only against a recorded head', async () => {
    const chain = await chainWith('chain_rewind', 3);
    const recorded = await verifyAuditChain(chain.pool);
    if (!recorded.intact) throw new Error('expected an intact chain');
    const [, second, third] = await chain.ids();
    await chain.root.query('DROP TRIGGER audit_event_no_delete');
    await chain.root.query('DELETE FROM audit_event WHERE id = ?', [third]);
    await chain.root.query(NO_DELETE);
    await chain.root.query('DROP TRIGGER audit_chain_head_forward');
    await chain.root.query(
      'UPDATE audit_chain_head SET last_event_id = ?, hash = (SELECT hash FROM audit_event WHERE id = ?)',
      [second, second],
    );
    await recreateTrigger(chain.root, 'audit_chain_head_forward');
    expect(await verifyAuditChain(chain.pool)).toMatchObject({ intact: true, rows: 2 });
    expect(await verifyAuditChain(chain.pool, { knownHead: recorded.head })).toMatchObject({
      intact: false,
      id: second,
      problem: `the recorded head ${recorded.head.slice(0, 12)}… is not in the chain: rows were removed or the chain was rewritten`,
    });
  });

  it('truncated, breaks against the chain head; the bot fails closed until the ids move past the head, then breaks at its first new row', async () => {
    const chain = await chainWith('chain_truncate', 3);
    const [, , third] = await chain.ids();
    await chain.root.query('TRUNCATE TABLE audit_event');
    expect(await verifyAuditChain(chain.pool)).toMatchObject({
      intact: false,
      rows: 0,
      id: third,
      problem: `the chain head records row ${third}, but no chained rows are left: the table was emptied (TRUNCATE) or its rows deleted`,
    });
    // TRUNCATE restarts the ids, and the head only moves forward.
    await expect(recordAudit(chain.pool, event(9))).rejects.toThrow(
      'audit_chain_head only moves forward, to a row chained to it',
    );
    expect(await chain.ids()).toEqual([]);
    await chain.root.query(`ALTER TABLE audit_event AUTO_INCREMENT = ${String(Number(third) + 1)}`);
    await recordAudit(chain.pool, event(9));
    const [first] = await chain.ids();
    expect(await verifyAuditChain(chain.pool)).toMatchObject({
      intact: false,
      rows: 0,
      id: first,
      breakCount: 1,
      problem: `row ${first} is the first row but links to a row that is not there: earlier rows were deleted or the table was truncated`,
    });
  });

  it("with a back-dated row inserted by the bot's least-privilege user, the row gets the server's time and breaks the chain there", async () => {
    const chain = await chainWith('chain_backdate', 2);
    const bot = await connect(await botUser(chain));
    cleanups.push(() => bot.end());
    // The README's grants are enough for the bot's own writes.
    await recordAudit(bot, event(3));
    await expect(bot.query('DELETE FROM audit_event')).rejects.toThrow(/DELETE command denied/);

    // A forger who knows the scheme: links to the head and hashes a row dated a year ago, as another user.
    const [heads] = await bot.query<RowDataPacket[]>('SELECT hash FROM audit_chain_head');
    const prev = String(heads[0]?.hash);
    const forged = {
      occurred_at: new Date('2025-06-01T09:00:00.000Z'),
      source: 'discord',
      actor_id: '400000000000000042',
      actor_roles: null,
      guild_id: null,
      channel_id: null,
      command: '/patient lookup',
      options: '{"patient":"MRN1000042"}',
      patient_ids: '[42]',
      row_count: 1,
      outcome: 'ok',
      latency_ms: 5,
      interaction_id: null,
      detail: null,
    };
    await bot.query(`SET timestamp = UNIX_TIMESTAMP('2025-06-01 09:00:00')`);
    await bot.query(
      `INSERT INTO audit_event (occurred_at, source, actor_id, command, options, patient_ids, row_count, outcome,
         latency_ms, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        forged.occurred_at,
        forged.source,
        forged.actor_id,
        forged.command,
        forged.options,
        forged.patient_ids,
        forged.row_count,
        forged.outcome,
        forged.latency_ms,
        prev,
        linkHash(prev, forged),
      ],
    );
    await bot.query('SET timestamp = DEFAULT');
    const [[stored], [clock]] = await Promise.all([
      chain.root.query<RowDataPacket[]>(
        `SELECT id, occurred_at FROM audit_event WHERE actor_id = '400000000000000042'`,
      ),
      chain.root.query<RowDataPacket[]>('SELECT UTC_TIMESTAMP(3) AS now'),
    ]);
    const forgedRow = stored[0] as { id: number; occurred_at: Date };
    expect(Math.abs(forgedRow.occurred_at.getTime() - (clock[0]?.now as Date).getTime())).toBeLessThan(5_000);
    expect(await verifyAuditChain(chain.pool)).toMatchObject({
      intact: false,
      rows: 3,
      id: forgedRow.id,
      problem: `row ${forgedRow.id}'s contents do not match its hash: it was changed after it was written, or written outside the bot`,
    });
  });
});

describe('a chain with several breaks', () => {
  it('reports every break in order, not only the first: a hash-less row root slipped in, then a row changed later', async () => {
    const chain = await chainWith('chain_many', 2);
    await chain.root.query('DROP TRIGGER IF EXISTS audit_event_chain_link');
    await chain.root.query(
      `INSERT INTO audit_event (occurred_at, source, command, outcome) VALUES (UTC_TIMESTAMP(3), 'console', 'rogue', 'ok')`,
    );
    await recreateTrigger(chain.root, 'audit_event_chain_link');
    for (let i = 3; i <= 5; i++) await recordAudit(chain.pool, event(i));
    const [, , rogue, , changed] = await chain.ids();
    await chain.root.query('DROP TRIGGER audit_event_no_update');
    await chain.root.query(`UPDATE audit_event SET outcome = 'empty' WHERE id = ?`, [changed]);
    await chain.root.query(NO_UPDATE);

    const report = await verifyAuditChain(chain.pool);
    expect(report).toMatchObject({
      intact: false,
      rows: 4,
      id: rogue,
      breakCount: 2,
      breaks: [
        { id: rogue, kind: 'unhashed' },
        {
          id: changed,
          kind: 'content',
          problem: `row ${changed}'s contents do not match its hash: it was changed after it was written, or written outside the bot`,
        },
      ],
    });
    expect(describeChain(report)).toBe(
      `broken at id ${rogue}: row ${rogue} has no hash: it was written outside the bot's audit chain (and 1 more break, the last at id ${changed})`,
    );
  });

  it('with a forged row linked to the head, reports that row once and verifies the rows the bot wrote after it', async () => {
    const chain = await chainWith('chain_forged', 2);
    const bot = await connect(await botUser(chain));
    cleanups.push(() => bot.end());
    await bot.query(
      `INSERT INTO audit_event (occurred_at, source, command, outcome, prev_hash, hash) VALUES (UTC_TIMESTAMP(3), 'console', 'forged', 'ok', ?, ?)`,
      await linkedToHead(bot),
    );
    await recordAudit(bot, event(3));
    await recordAudit(bot, event(4));
    const [, , forged] = await chain.ids();
    expect(await verifyAuditChain(chain.pool)).toMatchObject({
      intact: false,
      rows: 4,
      breakCount: 1,
      breaks: [{ id: forged, kind: 'content' }],
    });
  });
});

describe('what root can get around: the guarding triggers and the order of times', () => {
  it.each([
    ['audit_event_no_update', 'BEFORE UPDATE ON audit_event', '003_audit_append_only.sql'],
    ['audit_event_no_delete', 'BEFORE DELETE ON audit_event', '003_audit_append_only.sql'],
    ['audit_event_server_time', 'BEFORE INSERT ON audit_event', '004_audit_chain.sql'],
    ['audit_event_chain_link', 'BEFORE INSERT ON audit_event', '009_audit_chain_guard.sql'],
    ['audit_chain_head_forward', 'BEFORE UPDATE ON audit_chain_head', '009_audit_chain_guard.sql'],
  ])(
    'with the trigger %s dropped and no row touched, is broken: it names the trigger',
    async (name, on, file) => {
      const chain = await chainWith(`chain_trig_${name.slice(-8)}`, 2);
      await chain.root.query(`DROP TRIGGER ${name}`);
      const report = await verifyAuditChain(chain.pool);
      expect(report).toMatchObject({ intact: false, rows: 2, id: 0, breakCount: 1 });
      expect(describeChain(report)).toMatch(
        new RegExp(
          `^broken at id 0: the trigger ${name} \\(${on}\\), which .+, is missing: it was dropped; recreate it as sql/migrations/${file.replace('.', '\\.')} defines it$`,
        ),
      );
      // /admin audit checks the newest rows only, and the triggers too.
      expect(await verifyAuditChain(chain.pool, { newest: 1 })).toMatchObject({ intact: false, id: 0 });
      await recreateTrigger(chain.root, name);
      expect(await verifyAuditChain(chain.pool)).toMatchObject({ intact: true, rows: 2 });
    },
  );

  it("verified as the bot's least-privilege user, sees the triggers and finds an intact chain intact", async () => {
    const chain = await chainWith('chain_trig_bot', 2);
    const bot = await connect(await botUser(chain));
    cleanups.push(() => bot.end());
    expect(await verifyAuditChain(bot)).toMatchObject({ intact: true, rows: 2 });
  });

  it("with the server-time trigger dropped, a back-dated row hashed and linked like the bot's breaks the order of times", async () => {
    const chain = await chainWith('chain_backdate_root', 2);
    await chain.root.query('DROP TRIGGER audit_event_server_time');
    const [heads] = await chain.root.query<RowDataPacket[]>('SELECT hash FROM audit_chain_head');
    const prev = String(heads[0]?.hash);
    const forged = {
      occurred_at: new Date(Date.now() - 86_400_000),
      source: 'console',
      actor_id: 'console:root',
      actor_roles: null,
      guild_id: null,
      channel_id: null,
      command: '/patient lookup',
      options: null,
      patient_ids: '[42]',
      row_count: 1,
      outcome: 'ok',
      latency_ms: 5,
      interaction_id: null,
      detail: null,
    };
    const hash = linkHash(prev, forged);
    await chain.root.query(
      `INSERT INTO audit_event (occurred_at, source, actor_id, command, patient_ids, row_count, outcome, latency_ms,
         prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        forged.occurred_at,
        forged.source,
        forged.actor_id,
        forged.command,
        forged.patient_ids,
        forged.row_count,
        forged.outcome,
        forged.latency_ms,
        prev,
        hash,
      ],
    );
    const [, second, backDated] = await chain.ids();
    await chain.root.query('UPDATE audit_chain_head SET last_event_id = ?, hash = ? WHERE id = 1', [
      backDated,
      hash,
    ]);
    await recreateTrigger(chain.root, 'audit_event_server_time');
    await recordAudit(chain.pool, event(3));

    const report = await verifyAuditChain(chain.pool);
    expect(report).toMatchObject({
      intact: false,
      rows: 3,
      breakCount: 1,
      breaks: [{ id: backDated, kind: 'time-order' }],
    });
    expect(describeChain(report)).toMatch(
      new RegExp(
        `^broken at id ${String(backDated)}: row ${String(backDated)} is dated ${forged.occurred_at.toISOString()}, before row ${String(second)} \\(.+\\) ahead of it in the chain: a row was back- or forward-dated with the server-time trigger dropped, or the server's clock was set back$`,
      ),
    );
    const cli = await runScript('src/cli/audit-verify.ts', [], chain.db.env);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`  id ${String(backDated)} (time-order): row ${String(backDated)} is dated`);
  });
});

describe('the database guards the chain (migration 009)', () => {
  it("refuses, from the bot's own user, a row without a hash or not linked to the head, and any head move but forward to a linked row", async () => {
    const chain = await chainWith('chain_guard', 2);
    const bot = await connect(await botUser(chain));
    cleanups.push(() => bot.end());
    const [first] = await chain.ids();

    // What a bot process older than migration 004 writes: it fails closed.
    await expect(
      bot.query(
        `INSERT INTO audit_event (occurred_at, source, command, outcome) VALUES (UTC_TIMESTAMP(3), 'discord', '/er census', 'ok')`,
      ),
    ).rejects.toThrow('audit_event rows must carry a hash chained to audit_chain_head');
    await expect(
      bot.query(
        `INSERT INTO audit_event (occurred_at, source, command, outcome, prev_hash, hash) VALUES (UTC_TIMESTAMP(3), 'discord', '/er census', 'ok', ?, ?)`,
        [GENESIS_HASH, 'a'.repeat(64)],
      ),
    ).rejects.toThrow('audit_event.prev_hash must be the hash of audit_chain_head');

    const refused = 'audit_chain_head only moves forward, to a row chained to it';
    const moves: [string, number[]][] = [
      [`UPDATE audit_chain_head SET last_event_id = NULL, hash = REPEAT('0', 64)`, []],
      [
        'UPDATE audit_chain_head SET last_event_id = ?, hash = (SELECT hash FROM audit_event WHERE id = ?)',
        [Number(first), Number(first)],
      ],
      ['UPDATE audit_chain_head SET last_event_id = last_event_id + 1', []],
      ['UPDATE audit_chain_head SET legacy_last_id = 99', []],
      [`UPDATE audit_chain_head SET hash = REPEAT('b', 64)`, []],
    ];
    for (const [sql, params] of moves) await expect(bot.query(sql, params), sql).rejects.toThrow(refused);

    await recordAudit(bot, event(3));
    expect(await verifyAuditChain(chain.pool)).toMatchObject({ intact: true, rows: 3 });
  });
});

describe('the audit transaction', () => {
  it('gives up within seconds, writing nothing, while another session holds the chain head', async () => {
    const chain = await chainWith('chain_lock', 1);
    const holder = await connect(chain.db.mysqlUrl);
    cleanups.push(() => holder.end());
    await holder.query('START TRANSACTION');
    await holder.query('SELECT hash FROM audit_chain_head WHERE id = 1 FOR UPDATE');

    const t0 = performance.now();
    await expect(recordAudit(chain.pool, event(2))).rejects.toThrow(/Lock wait timeout/);
    expect(performance.now() - t0).toBeLessThan(8_000);
    await holder.query('ROLLBACK');

    await recordAudit(chain.pool, event(3));
    expect(await chain.ids()).toHaveLength(2);
    expect(await verifyAuditChain(chain.pool)).toMatchObject({ intact: true, rows: 2 });
  }, 20_000);

  it("keeps the error's reference but none of the values a database error quotes", async () => {
    const chain = await chainWith('chain_detail', 0);
    const err = await chain.root
      .query(`SELECT * FROM patient WHERE ORDER last_name = ? AND phone = ?`, ['Thornquist', '555-0142'])
      .then(
        () => new Error('expected a syntax error'),
        (e: unknown) => e as Error,
      );
    expect(err.message).toContain('Thornquist');
    await recordAudit(
      chain.pool,
      event(1, { outcome: 'error', patientIds: [], detail: `reference E-ABC123: ${err.message}` }),
    );
    const [rows] = await chain.root.query<RowDataPacket[]>('SELECT detail FROM audit_event');
    const detail = String(rows[0]?.detail);
    expect(detail).toMatch(/^reference E-ABC123: You have an error in your SQL syntax/);
    expect(detail).not.toMatch(/Thornquist|555-0142/);
    expect(await verifyAuditChain(chain.pool)).toMatchObject({ intact: true, rows: 1 });
  });
});

describe('a check of the newest rows only (for /admin audit)', () => {
  it('checks the links of that many rows and the head; a change further back needs the full walk', async () => {
    const chain = await chainWith('chain_newest', 6);
    const ids = await chain.ids();
    const report = await verifyAuditChain(chain.pool, { newest: 3 });
    expect(report).toMatchObject({ intact: true, rows: 3, partial: true });
    expect(describeChain(report)).toMatch(/^intact: the newest 3 rows, head [0-9a-f]{64}$/);
    expect(await verifyAuditChain(chain.pool, { newest: 50 })).toMatchObject({
      intact: true,
      rows: 6,
      partial: false,
    });

    await chain.root.query('DROP TRIGGER audit_event_no_update');
    await chain.root.query(`UPDATE audit_event SET outcome = 'empty' WHERE id IN (?, ?)`, [ids[1], ids[4]]);
    await chain.root.query(NO_UPDATE);
    expect(await verifyAuditChain(chain.pool, { newest: 3 })).toMatchObject({ intact: false, id: ids[4] });
    expect(await verifyAuditChain(chain.pool)).toMatchObject({ intact: false, id: ids[1] });
  });
});

describe('occurred_at', () => {
  it("is the server's time even when the client passes another", async () => {
    const chain = await chainWith('chain_clock', 0);
    const bot = await connect(await botUser(chain));
    cleanups.push(() => bot.end());
    const linked = await linkedToHead(bot);
    await bot.query(
      `INSERT INTO audit_event (occurred_at, source, command, outcome, prev_hash, hash) VALUES ('2020-01-01 00:00:00', 'console', 'a', 'ok', ?, ?)`,
      linked,
    );
    await bot.query(
      `INSERT INTO audit_event (occurred_at, source, command, outcome, prev_hash, hash) VALUES (UTC_TIMESTAMP(3) + INTERVAL 1 HOUR, 'console', 'b', 'ok', ?, ?)`,
      linked,
    );
    await bot.query(`SET timestamp = UNIX_TIMESTAMP('2020-01-01 00:00:00')`);
    await bot.query(
      `INSERT INTO audit_event (occurred_at, source, command, outcome, prev_hash, hash) VALUES (UTC_TIMESTAMP(3), 'console', 'c', 'ok', ?, ?)`,
      linked,
    );
    await bot.query('SET timestamp = DEFAULT');
    await recordAudit(bot, event(1, { occurredAt: new Date('2020-01-01T00:00:00Z') }));
    const [rows] = await chain.root.query<RowDataPacket[]>(
      'SELECT command, TIMESTAMPDIFF(MICROSECOND, occurred_at, UTC_TIMESTAMP(3)) / 1e6 AS age FROM audit_event ORDER BY id',
    );
    expect(rows.map((r) => r.command)).toEqual(['a', 'b', 'c', '/patient lookup']);
    const [zones] = await bot.query<RowDataPacket[]>('SELECT @@session.time_zone AS zone');
    expect(zones[0]?.zone, 'sessions are pinned to UTC').toBe('+00:00');
    for (const r of rows) {
      expect(Number(r.age)).toBeGreaterThanOrEqual(0);
      expect(Number(r.age)).toBeLessThan(10);
    }
  });
});

describe('npm run audit:verify', () => {
  it('prints "intact" with the head hash and exits 0; once tampered, prints the broken link and exits 1', async () => {
    const chain = await chainWith('chain_cli', 3);
    const ok = await runScript('src/cli/audit-verify.ts', [], chain.db.env);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^intact: 3 rows, head [0-9a-f]{64}\n$/);
    const head = ok.stdout.trim().split(' ').at(-1) ?? '';
    expect(
      (await runScript('src/cli/audit-verify.ts', ['--head', head], chain.db.env)).code,
      'the recorded head is in the chain',
    ).toBe(0);

    const [first] = await chain.ids();
    await chain.root.query('DROP TRIGGER audit_event_no_update');
    await chain.root.query(`UPDATE audit_event SET outcome = 'denied' WHERE id = ?`, [first]);
    await chain.root.query(NO_UPDATE);
    const bad = await runScript('src/cli/audit-verify.ts', [], chain.db.env);
    expect(bad.code).toBe(1);
    const problem = `row ${first}'s contents do not match its hash: it was changed after it was written, or written outside the bot`;
    expect(bad.stdout).toBe(`broken at id ${first}: ${problem}\n  id ${first} (content): ${problem}\n`);
  });

  it('lists the first 20 breaks and counts the rest', async () => {
    const chain = await chainWith('chain_cli_many', 25);
    await chain.root.query('DROP TRIGGER audit_event_no_update');
    await chain.root.query(`UPDATE audit_event SET outcome = 'empty'`);
    await chain.root.query(NO_UPDATE);
    const ids = await chain.ids();
    const r = await runScript('src/cli/audit-verify.ts', [], chain.db.env);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      new RegExp(
        `^broken at id ${String(ids[0])}: .+ \\(and 24 more breaks, the last at id ${String(ids[24])}\\)$`,
      ),
    );
    expect(lines.slice(1, 21)).toEqual(
      ids.slice(0, 20).map((id) => expect.stringMatching(new RegExp(`^  id ${id} \\(content\\): `))),
    );
    expect(lines.slice(21)).toEqual(['  … and 5 more']);
  });

  it.each([
    [
      { MYSQL_URL: 'mysql://root@127.0.0.1:9/hers' },
      [],
      1,
      /^audit:verify: Cannot reach MySQL at mysql:\/\/root@127\.0\.0\.1:9\/hers: connection refused\./,
    ],
    [{ MYSQL_URL: 'not a url' }, [], 2, /MYSQL_URL must be a mysql:\/\/ URL/],
    [{}, ['--head', 'abc'], 2, /--head must be a hash printed by audit:verify/],
  ])('with %j %j, says what is wrong in one message and exits %i', async (env, args, code, message) => {
    const db = testDatabases('chain_cli_bad');
    const r = await runScript('src/cli/audit-verify.ts', args, { ...db.env, ...env });
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('on a database without migration 004, says to run db:migrate', async () => {
    const db = testDatabases('chain_cli_old');
    const dir = await mkdtemp(join(tmpdir(), 'hers-mig-'));
    cleanups.push(async () => {
      await db.drop();
      await rm(dir, { recursive: true });
    });
    for (const f of ['001_domain.sql', '002_platform.sql', '003_audit_append_only.sql'])
      await cp(join(MIGRATIONS_DIR, f), join(dir, f));
    await migrate(db.mysqlUrl, undefined, readMigrations(dir));
    const r = await runScript('src/cli/audit-verify.ts', [], db.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^audit:verify: The schema is missing tables: run npm run db:migrate\./);
  });
});

describe('/admin audit', () => {
  it('says the trail is intact, and says so no longer once a row is changed behind the bot', async () => {
    const chain = await chainWith('chain_admin', 4);
    const ctx = {
      sql: chain.pool,
      read: chain.pool,
      mongo: undefined as never,
      config: chain.db.config,
      now: () => Date.now(),
    };
    const ask = async () => {
      const outcome = await execute(
        commands,
        { command: 'admin', subcommand: 'audit', options: { count: 10 } },
        ctx,
        { source: 'console', actorId: 'console:test' },
      );
      if (outcome.kind !== 'reply') throw new Error(`no reply: ${outcome.kind}`);
      return outcome.reply.summary;
    };
    expect(await ask()).not.toMatch(/tampered/);

    const [first] = await chain.ids();
    await chain.root.query('DROP TRIGGER audit_event_no_update');
    await chain.root.query(`UPDATE audit_event SET command = '/staff specialties' WHERE id = ?`, [first]);
    await chain.root.query(NO_UPDATE);
    expect(await ask()).toMatch(
      new RegExp(
        `^⚠ The audit trail has been tampered with or damaged \\(broken at id ${String(first)}: .+\\); run npm run audit:verify\\.`,
      ),
    );
  });
});

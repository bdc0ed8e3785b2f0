import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { RowDataPacket } from 'mysql2/promise';
import { UserError } from '../core/errors.ts';
import { connect, databaseName, describeMysqlError, serverUrl } from './mysql.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../sql/migrations/', import.meta.url));
const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/;
const LOCK_NAME = 'hers_bot_migrate';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  database: string;
  createdDatabase: boolean;
  applied: string[];
  alreadyApplied: number;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const m = FILE_NAME.exec(file);
    if (!m) throw new UserError('misconfigured', `Migration file ${file} is not named NNN_snake_case.sql.`);
    const sql = await readFile(`${dir}/${file}`, 'utf8');
    const version = Number(m[1]);
    if (migrations.some((x) => x.version === version)) {
      throw new UserError('misconfigured', `Two migration files have version ${m[1]}.`);
    }
    migrations.push({ version, name: file, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return migrations;
}

/**
 * Creates the database if missing and applies the migrations it has not seen, in order, recording each
 * in the schema_migration ledger. A second run applies nothing. A migration edited after it was applied
 * is an error: migrations are forward-only.
 */
export async function migrate(
  url: string,
  log: (line: string) => void = () => undefined,
  dir = MIGRATIONS_DIR,
): Promise<MigrateResult> {
  const database = databaseName(url);
  const migrations = await readMigrations(dir);

  const server = await connect(serverUrl(url));
  let createdDatabase = false;
  try {
    const [rows] = await server.query<RowDataPacket[]>(
      'SELECT 1 FROM information_schema.schemata WHERE schema_name = ?',
      [database],
    );
    if (rows.length === 0) {
      await server.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      createdDatabase = true;
      log(`created database ${database}`);
    }
  } catch (err) {
    throw describeMysqlError(err, url);
  } finally {
    await server.end();
  }

  const conn = await connect(url, { multipleStatements: true });
  try {
    const [lock] = await conn.query<RowDataPacket[]>('SELECT GET_LOCK(?, 60) AS got', [LOCK_NAME]);
    if (lock[0]?.got !== 1)
      throw new UserError('unavailable', 'Another migration run holds the lock; try again when it finishes.');

    await conn.query(`CREATE TABLE IF NOT EXISTS schema_migration (
      version INT UNSIGNED NOT NULL PRIMARY KEY,
      name VARCHAR(200) NOT NULL,
      checksum CHAR(64) NOT NULL,
      applied_at DATETIME NOT NULL
    ) ENGINE=InnoDB`);
    const [done] = await conn.query<RowDataPacket[]>(
      'SELECT version, name, checksum FROM schema_migration ORDER BY version',
    );
    const seen = new Map(done.map((r) => [Number(r.version), r as { name: string; checksum: string }]));

    const applied: string[] = [];
    for (const m of migrations) {
      const prior = seen.get(m.version);
      if (prior) {
        if (prior.checksum !== m.checksum) {
          throw new UserError(
            'misconfigured',
            `Migration ${m.name} was changed after it was applied. Migrations are forward-only: add a new numbered file instead.`,
          );
        }
        continue;
      }
      log(`applying ${m.name}`);
      try {
        await conn.query(m.sql);
      } catch (err) {
        throw new UserError('misconfigured', `Migration ${m.name} failed: ${(err as Error).message}`);
      }
      await conn.query(
        'INSERT INTO schema_migration (version, name, checksum, applied_at) VALUES (?, ?, ?, UTC_TIMESTAMP())',
        [m.version, m.name, m.checksum],
      );
      applied.push(m.name);
    }
    const unknown = [...seen.keys()].filter((v) => !migrations.some((m) => m.version === v));
    if (unknown.length > 0)
      log(
        `note: the database has migrations this code does not know (${unknown.join(', ')}); it may be newer`,
      );
    return { database, createdDatabase, applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    await conn.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]).catch(() => undefined);
    await conn.end();
  }
}

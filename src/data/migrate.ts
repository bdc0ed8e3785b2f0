import type { RowDataPacket } from 'mysql2/promise';
import { UserError } from '../core/errors.ts';
import { connect, databaseName, describeMysqlError, serverUrl } from './mysql.ts';
import { MIGRATIONS, type Migration } from './sql/migrations.generated.ts';

export type { Migration };
const LOCK_NAME = 'hers_bot_migrate';

export interface MigrateResult {
  database: string;
  createdDatabase: boolean;
  applied: string[];
  alreadyApplied: number;
}

/**
 * Creates the database if missing and applies the migrations it has not seen, in order, recording each
 * in the schema_migration ledger. A second run applies nothing. A migration edited after it was applied
 * is an error: migrations are forward-only. They are compiled in (src/data/sql/migrations.generated.ts,
 * from sql/migrations by npm run db:codegen), so a build needs no sql/ folder beside it.
 */
export async function migrate(
  url: string,
  log: (line: string) => void = () => undefined,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrateResult> {
  const database = databaseName(url);

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

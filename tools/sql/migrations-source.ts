import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Migration } from '../../src/data/sql/migrations.generated.ts';

/** sql/migrations: read by tools/sql-codegen.ts into src/data/sql/migrations.generated.ts, never at run time. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../sql/migrations/', import.meta.url));
const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/** The migrations of a folder, in order, each with the SHA-256 of its text (what the ledger compares). */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    const m = FILE_NAME.exec(file);
    if (!m) throw new Error(`Migration file ${file} is not named NNN_snake_case.sql.`);
    const version = Number(m[1]);
    if (migrations.some((x) => x.version === version))
      throw new Error(`Two migration files have version ${m[1]}.`);
    const sql = readFileSync(`${dir}/${file}`, 'utf8');
    migrations.push({ version, name: file, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return migrations;
}

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RowDataPacket } from 'mysql2/promise';
import type { Connection, Pool } from './mysql.ts';

/**
 * Named SQL from sql/queries/*.sql, sqlc style: each query starts with `-- name: Name :one|:many`.
 * Values go only through `?` placeholders.
 */
export interface NamedQuery {
  name: string;
  kind: 'one' | 'many';
  sql: string;
}

const QUERIES_DIR = fileURLToPath(new URL('../../sql/queries/', import.meta.url));
const HEADER = /^--\s*name:\s*([A-Z][A-Za-z0-9]*)\s+:(one|many)\s*$/;

export function parseQueries(text: string, file = '(sql)'): NamedQuery[] {
  const queries: NamedQuery[] = [];
  let current: { name: string; kind: 'one' | 'many'; lines: string[] } | undefined;
  const finish = () => {
    if (current)
      queries.push({
        name: current.name,
        kind: current.kind,
        sql: current.lines.join('\n').trim().replace(/;\s*$/, ''),
      });
  };
  for (const line of text.split('\n')) {
    const m = HEADER.exec(line);
    if (m) {
      finish();
      current = { name: m[1] ?? '', kind: m[2] === 'one' ? 'one' : 'many', lines: [] };
    } else if (current && !/^\s*--/.test(line)) {
      current.lines.push(line);
    } else if (!current && line.trim() !== '' && !line.trim().startsWith('--')) {
      throw new Error(`${file}: SQL before the first "-- name:" header`);
    }
  }
  finish();
  return queries;
}

function loadAll(): Map<string, NamedQuery> {
  const all = new Map<string, NamedQuery>();
  for (const file of readdirSync(QUERIES_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    for (const q of parseQueries(readFileSync(`${QUERIES_DIR}/${file}`, 'utf8'), file)) {
      if (all.has(q.name)) throw new Error(`query ${q.name} is defined twice (${file})`);
      all.set(q.name, q);
    }
  }
  return all;
}

let queries: Map<string, NamedQuery> | undefined;

export function query(name: string): NamedQuery {
  queries ??= loadAll();
  const q = queries.get(name);
  if (!q) throw new Error(`no query named ${name} in sql/queries`);
  return q;
}

export type Db = Pool | Connection;

export async function many<T>(db: Db, name: string, params: unknown[] = []): Promise<T[]> {
  const [rows] = await db.query<RowDataPacket[]>(query(name).sql, params);
  return rows as T[];
}

export async function one<T>(db: Db, name: string, params: unknown[] = []): Promise<T | undefined> {
  const rows = await many<T>(db, name, params);
  return rows[0];
}

/** A LIKE pattern that matches `text` literally anywhere (or at the start, with `prefix`). */
export function likePattern(text: string, mode: 'contains' | 'prefix' = 'contains'): string {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return mode === 'prefix' ? `${escaped}%` : `%${escaped}%`;
}

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GENERATED_DIR, MIGRATIONS_MODULE, generateMigrations } from '../../tools/sql-codegen.ts';
import { parseSqlFile, readSqlQueries, type SqlQuery } from '../../tools/sql/parse.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const queries = readSqlQueries();

// That src/data/sql/*.generated.ts is what npm run db:codegen writes from sql/queries today needs the database
// (the row types come from it): test/integration/sql-codegen.test.ts.
describe('migrations.generated.ts', () => {
  it('is what npm run db:codegen writes from sql/migrations today', async () => {
    expect(
      readFileSync(join(GENERATED_DIR, MIGRATIONS_MODULE), 'utf8'),
      'run npm run db:codegen and commit the result',
    ).toBe(await generateMigrations());
  });
});

describe('sql/queries', () => {
  it("puts each ? where mysql2's named placeholders would, with the same parameter", () => {
    // The parser mysql2 itself uses with namedPlaceholders, resolved from mysql2's own folder.
    const fromMysql2 = createRequire(createRequire(import.meta.url).resolve('mysql2'));
    const compiler = fromMysql2('named-placeholders') as () => {
      parse(sql: string): [string[] | string, string[]?];
    };
    const { parse } = compiler();
    for (const q of queries) {
      const [split, tokens = []] = parse(q.sql);
      // Without a placeholder the statement comes back whole; with them, the pieces between them.
      const parts = typeof split === 'string' ? [split] : split;
      expect(q.text, q.name).toBe(tokens.reduce((t, _, i) => `${t}?${parts[i + 1] ?? ''}`, parts[0] ?? ''));
      expect(q.order, q.name).toEqual(tokens);
    }
  });

  it('has one x.sql for each x.queries.ts, and runs each query only from its own module', () => {
    const sources = sourceFiles();
    const modules = new Set(
      readdirSync(join(ROOT, 'src/data'))
        .filter((f) => f.endsWith('.queries.ts'))
        .map((f) => f.replace('.queries.ts', '')),
    );
    const files = new Set(queries.map((q) => q.file.replace(/\.sql$/, '')));
    expect(
      [...files].filter((f) => !modules.has(f)),
      '.sql files without a .queries.ts',
    ).toEqual([]);
    const misplaced: string[] = [];
    for (const file of files) {
      const owner = `src/data/${file}.queries.ts`;
      const users = sources
        .filter((s) => withoutComments(s.text).includes(`/sql/${file}.generated.ts'`))
        .map((s) => s.path);
      if (users.join() !== owner)
        misplaced.push(`sql/${file}.generated.ts is imported by ${users.join(', ')}`);
    }
    expect(misplaced).toEqual([]);
  });

  it('holds every SQL statement: no INSERT, UPDATE or DELETE is written in TypeScript', () => {
    // The migration runner's ledger and the seed's bulk loader build their statements; the audit trail's
    // INSERT moves to sql/queries/audit.sql with its own change. The FHIR import's multi-row upserts are built
    // for each batch's size, from a whitelist of tables and columns.
    const allowed = new Set([
      'src/data/migrate.ts',
      'dev/seed/sql-stream.ts',
      'src/ingest/fhir/fhir.queries.ts',
    ]);
    const inline = sourceFiles()
      .filter((s) => !allowed.has(s.path))
      .filter((s) => /\b(INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b/i.test(s.text))
      .map((s) => s.path);
    expect(inline).toEqual([]);
  });
});

describe('reading a .sql file', () => {
  const one = (text: string): SqlQuery => {
    const [q] = parseSqlFile(text, 'x.sql');
    if (!q) throw new Error('no query');
    return q;
  };
  const error = (text: string): string => {
    try {
      parseSqlFile(text, 'x.sql');
    } catch (err) {
      return (err as Error).message;
    }
    throw new Error('no error');
  };

  it('lists a parameter used twice once, in order of first use', () => {
    const q = one(
      '-- name: Census :many\nSELECT 1 FROM v WHERE a <= :at AND (b IS NULL OR b > :at) LIMIT :limit;',
    );
    expect(q).toMatchObject({ name: 'Census', kind: 'many', file: 'x.sql', params: ['at', 'limit'] });
    expect(q.sql).toBe('SELECT 1 FROM v WHERE a <= :at AND (b IS NULL OR b > :at) LIMIT :limit');
  });

  it('does not read a colon inside a string or an identifier as a parameter', () => {
    const q = one(
      "-- name: Buckets :many\nSELECT TIMESTAMPDIFF(MINUTE, '1970-01-01 00:00:00', `a:b`) FROM t WHERE x = 'it''s :no' AND y = :yes;",
    );
    expect(q.params).toEqual(['yes']);
  });

  it('keeps comment lines out of the SQL', () => {
    const q = one('-- name: A :one\n-- what it does\nSELECT :id\n  -- why\n  AS id;');
    expect(q.sql).toBe('SELECT :id\n  AS id');
  });

  it('takes the five kinds and refuses others', () => {
    expect(one('-- name: A :exec\nINSERT INTO t (a) VALUES (:a);').kind).toBe('exec');
    expect(one('-- name: A :execrows\nUPDATE t SET a = :a;').kind).toBe('execrows');
    expect(one('-- name: A :execlastid\nINSERT INTO t (a) VALUES (:a);').kind).toBe('execlastid');
    expect(error('-- name: A :all\nSELECT 1;')).toBe(
      'x.sql:1: unknown kind :all (use :one, :many, :exec, :execrows or :execlastid)',
    );
  });

  it('refuses an INSERT or UPDATE labelled :one, and a SELECT labelled :exec', () => {
    expect(error('-- name: Claim :one\nINSERT INTO t (a) VALUES (:a);')).toBe(
      'x.sql:1 (Claim): INSERT is :exec, :execrows or :execlastid, not :one',
    );
    expect(error('-- name: Get :exec\nSELECT 1;')).toBe('x.sql:1 (Get): SELECT is :one or :many, not :exec');
  });

  it('refuses mixed placeholders, a comment after SQL, two statements and bad names', () => {
    expect(error('-- name: A :many\nSELECT 1 FROM t WHERE a = ? AND b = :b;')).toContain('no ? in a query');
    expect(error("-- name: A :many\nSELECT 1 FROM t WHERE a = :a -- it's\n;")).toContain(
      'comments go on their own lines',
    );
    expect(error('-- name: A :exec\nDELETE FROM t; DELETE FROM u;')).toContain('one statement per query');
    expect(error('-- name: getAuthor :one\nSELECT 1;')).toContain('not PascalCase');
    expect(error('-- name: A :one\nSELECT :patient_id;')).toContain('parameter :patient_id is not camelCase');
    expect(error('SELECT 1;\n-- name: A :one\nSELECT 1;')).toBe(
      'x.sql:1: SQL before the first "-- name:" header',
    );
    expect(error('-- name: A :one\n\n-- name: B :one\nSELECT 1;')).toBe(
      'x.sql:1 (A): no SQL after the header',
    );
  });

  it('refuses a query name defined in two files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hers-sql-'));
    try {
      writeFileSync(join(dir, 'a.sql'), '-- name: Same :one\nSELECT 1;\n');
      writeFileSync(join(dir, 'b.sql'), '-- name: Same :one\nSELECT 2;\n');
      expect(() => readSqlQueries(dir)).toThrow('query Same is defined twice: in a.sql and in b.sql');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function sourceFiles(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.generated.ts'))
        out.push({ path, text: readFileSync(join(ROOT, path), 'utf8') });
    }
  };
  walk('src');
  walk('commands');
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

function withoutComments(ts: string): string {
  return ts.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

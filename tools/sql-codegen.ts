/**
 * npm run db:codegen: writes src/data/sql.generated.ts from sql/queries/*.sql, so that a query name or a
 * parameter name that no .sql file defines fails `tsc`. `--check` only compares and exits 1 when the
 * committed file is out of date (test/unit/sql-codegen.test.ts does the same in every test run).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import { readSqlQueries, type SqlQuery } from '../src/data/sql-source.ts';

export const GENERATED_FILE = fileURLToPath(new URL('../src/data/sql.generated.ts', import.meta.url));

/** The generated module's text, formatted as the repository's Prettier settings say. */
export async function generate(queries: SqlQuery[] = readSqlQueries()): Promise<string> {
  const lines = [
    '// Generated from sql/queries/*.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run',
    '// npm run db:codegen (test/unit/sql-codegen.test.ts fails while this file is out of date).',
    "import type { SqlValue } from './sql-source.ts';",
    '',
    '/** Every named query: the file it is in, what it returns, and its parameters. */',
    'export const QUERIES = {',
    ...queries.map(
      (q) =>
        `  ${q.name}: { file: '${q.file}', kind: '${q.kind}', params: [${q.params.map((p) => `'${p}'`).join(', ')}]${q.positional > 0 ? `, positional: ${q.positional}` : ''} },`,
    ),
    '} as const;',
    '',
    'export type QueryName = keyof typeof QUERIES;',
    '',
    '/**',
    ' * What each query is given: an object of its named parameters, or nothing. (A fixed-length list only',
    ' * for SQL still written with ? placeholders.)',
    ' */',
    'export interface QueryParams {',
    ...queries.map((q) => `  ${q.name}: ${paramsType(q)};`),
    '}',
    '',
  ];
  const options = (await prettier.resolveConfig(GENERATED_FILE)) ?? {};
  return prettier.format(lines.join('\n'), { ...options, filepath: GENERATED_FILE });
}

function paramsType(q: SqlQuery): string {
  if (q.positional > 0) return `readonly [${Array<string>(q.positional).fill('SqlValue').join(', ')}]`;
  if (q.params.length === 0) return 'null';
  return `{ ${q.params.map((p) => `${p}: SqlValue`).join('; ')} }`;
}

async function main(args: string[]): Promise<number> {
  const text = await generate();
  const current = existsSync(GENERATED_FILE) ? readFileSync(GENERATED_FILE, 'utf8') : '';
  if (args.includes('--check')) {
    if (current === text) return 0;
    console.error('src/data/sql.generated.ts is out of date: run npm run db:codegen');
    return 1;
  }
  if (current !== text) writeFileSync(GENERATED_FILE, text);
  console.log(`${current === text ? 'unchanged' : 'wrote'} src/data/sql.generated.ts`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    },
  );
}

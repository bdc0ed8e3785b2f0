/**
 * npm run db:codegen: compiles sql/ into TypeScript, so that nothing reads or parses SQL at run time.
 *
 *   sql/queries/x.sql   -> src/data/sql/x.generated.ts        each query's text, Args, Row and function
 *   sql/migrations/*.sql -> src/data/sql/migrations.generated.ts  each migration's text and checksum
 *
 * Row types come from the server itself: the schema is migrated into a scratch database on the MariaDB or
 * MySQL server at --mysql (default mysql://root@127.0.0.1:3306), each query is prepared there, and each
 * result column's type and NOT NULL flag is read; the database is dropped again. Where the server cannot
 * know (an expression it marks nullable that never is, such as SUM over a NOT NULL column in a group), the
 * .sql file says it with `-- @column name: Type`. `--check` only compares and exits 1 when a committed
 * file is out of date (test/integration/sql-codegen.test.ts does the same in every test run).
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import { describeQueries } from './sql/describe.ts';
import { emitMigrationsModule, emitQueryModule } from './sql/emit.ts';
import { readMigrations } from './sql/migrations-source.ts';
import { readSqlQueries } from './sql/parse.ts';

export const GENERATED_DIR = fileURLToPath(new URL('../src/data/sql/', import.meta.url));
export const MIGRATIONS_MODULE = 'migrations.generated.ts';
const DEFAULT_SERVER = 'mysql://root@127.0.0.1:3306';

/** Every generated file's name (in src/data/sql/) and text, formatted as the repository's Prettier says. */
export async function generate(serverUrl = DEFAULT_SERVER): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  files.set(MIGRATIONS_MODULE, emitMigrationsModule(readMigrations()));
  const described = await describeQueries(readSqlQueries(), serverUrl);
  for (const file of [...new Set(described.map((q) => q.file))]) {
    const module = `${file.replace(/\.sql$/, '')}.generated.ts`;
    files.set(
      module,
      emitQueryModule(
        file,
        described.filter((q) => q.file === file),
      ),
    );
  }
  for (const [name, text] of files) files.set(name, await format(name, text));
  return files;
}

/** Only the migrations module: it needs no database. */
export async function generateMigrations(): Promise<string> {
  return format(MIGRATIONS_MODULE, emitMigrationsModule(readMigrations()));
}

async function format(name: string, text: string): Promise<string> {
  const filepath = `${GENERATED_DIR}${name}`;
  const options = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(text, { ...options, filepath });
}

/** The generated files on disk now. */
export function currentFiles(): Map<string, string> {
  if (!existsSync(GENERATED_DIR)) return new Map();
  return new Map(
    readdirSync(GENERATED_DIR)
      .filter((f) => f.endsWith('.generated.ts'))
      .map((f) => [f, readFileSync(`${GENERATED_DIR}${f}`, 'utf8')]),
  );
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { check: { type: 'boolean' }, mysql: { type: 'string', default: DEFAULT_SERVER } },
  });
  const wanted = await generate(values.mysql);
  const current = currentFiles();
  const stale = [...new Set([...wanted.keys(), ...current.keys()])].filter(
    (f) => wanted.get(f) !== current.get(f),
  );
  if (values.check) {
    if (stale.length === 0) return 0;
    console.error(`src/data/sql/ is out of date (${stale.join(', ')}): run npm run db:codegen`);
    return 1;
  }
  mkdirSync(GENERATED_DIR, { recursive: true });
  for (const f of stale) {
    const text = wanted.get(f);
    if (text === undefined) rmSync(`${GENERATED_DIR}${f}`);
    else writeFileSync(`${GENERATED_DIR}${f}`, text);
  }
  console.log(
    stale.length === 0 ? 'src/data/sql/ is up to date' : `wrote src/data/sql/: ${stale.join(', ')}`,
  );
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

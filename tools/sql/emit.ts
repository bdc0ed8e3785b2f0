import type { DescribedQuery } from './describe.ts';
import type { Migration } from '../../src/data/sql/migrations.generated.ts';

const RUNNER: Record<DescribedQuery['kind'], string> = {
  one: 'one',
  many: 'many',
  exec: 'exec',
  execrows: 'execRows',
  execlastid: 'execLastId',
};

/**
 * The module of one .sql file, sqlc-gen-typescript's shape: per query its text as sent (`fooQuery`), a
 * `FooArgs` and a `FooRow` interface, and `foo(db, args)`, run by src/data/queries.ts.
 */
export function emitQueryModule(file: string, queries: DescribedQuery[]): string {
  const runners = [...new Set(queries.map((q) => RUNNER[q.kind]))].sort();
  const lines = [
    `// Generated from sql/queries/${file} by tools/sql-codegen.ts: do not edit. Change the .sql file, then run`,
    '// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).',
    `import { ${runners.join(', ')}, type Db, type Statement } from '../queries.ts';`,
  ];
  for (const q of queries) lines.push('', ...emitQuery(q));
  return `${lines.join('\n')}\n`;
}

function emitQuery(q: DescribedQuery): string[] {
  const fn = q.name[0]?.toLowerCase() + q.name.slice(1);
  const out = [
    `export const ${fn}Query: Statement = {`,
    `  name: '${q.name}',`,
    `  sql: ${templateLiteral(q.text)},`,
    `  params: [${q.order.map((p) => `'${p}'`).join(', ')}],`,
    '};',
    '',
  ];
  const hasArgs = q.args.length > 0;
  if (hasArgs)
    out.push(`export interface ${q.name}Args {`, ...q.args.map(([n, t]) => `  ${n}: ${t};`), '}', '');
  const reads = q.kind === 'one' || q.kind === 'many';
  if (reads)
    out.push(
      `export interface ${q.name}Row {`,
      ...q.columns.map(([n, t]) => `  ${property(n)}: ${t};`),
      '}',
      '',
    );
  const result = {
    one: `${q.name}Row | undefined`,
    many: `${q.name}Row[]`,
    exec: 'void',
    execrows: 'number',
    execlastid: 'number',
  }[q.kind];
  const typeArg = reads ? `<${q.name}Row>` : '';
  if (q.doc.length > 0) out.push('/**', ...q.doc.map((d) => ` * ${d}`.trimEnd()), ' */');
  out.push(
    `export function ${fn}(db: Db${hasArgs ? `, args: ${q.name}Args` : ''}): Promise<${result}> {`,
    `  return ${RUNNER[q.kind]}${typeArg}(db, ${fn}Query${hasArgs ? ', args' : ''});`,
    '}',
  );
  return out;
}

/** sql/migrations as data: the text of each file exactly as it is, so that its checksum is unchanged. */
export function emitMigrationsModule(migrations: Migration[]): string {
  const lines = [
    '// Generated from sql/migrations/*.sql by tools/sql-codegen.ts: do not edit. Add a numbered .sql file,',
    '// then run npm run db:codegen (test/unit/migrations-generated.test.ts fails while this is out of date).',
    '',
    'export interface Migration {',
    '  version: number;',
    '  /** The file name, e.g. 001_domain.sql, as the schema_migration ledger records it. */',
    '  name: string;',
    '  sql: string;',
    '  /** SHA-256 of `sql`, hex. */',
    '  checksum: string;',
    '}',
    '',
    'export const MIGRATIONS: readonly Migration[] = [',
    ...migrations.flatMap((m) => [
      '  {',
      `    version: ${m.version},`,
      `    name: '${m.name}',`,
      `    checksum: '${m.checksum}',`,
      `    sql: ${templateLiteral(m.sql)},`,
      '  },',
    ]),
    '];',
  ];
  return `${lines.join('\n')}\n`;
}

function templateLiteral(text: string): string {
  return `\`${text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;
}

function property(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name.replace(/'/g, "\\'")}'`;
}

import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/data/migrate.ts';
import { runSeed } from '../../dev/seed/seed.ts';
import { testDatabases } from '../support/databases.ts';
import { runScript, type Run } from '../support/spawn.ts';

/** `npm run build`, then the compiled program run with plain node, as `npm start` and the image do. */
const db = testDatabases('build');

function node(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  await runSeed(
    db.config,
    { scale: 0.01, seed: 4, end: Date.parse('2026-05-20T12:00:00Z') },
    () => undefined,
  );
  const build = await node(['tools/build.mjs'], {});
  expect(build.stderr).toBe('');
  expect(build.code).toBe(0);
}, 300_000);

afterAll(() => db.drop());

describe('the production build', () => {
  it('answers a console command from dist/ with plain node, exactly as the TypeScript sources do', async () => {
    const line = '/meds top from:2026-05-01 to:2026-05-10';
    const [built, source] = await Promise.all([
      node(['tools/launch.mjs', '--built', 'src/cli/console.ts', '--json', line], db.env),
      runScript('src/cli/console.ts', ['--json', line], db.env),
    ]);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    const a = JSON.parse(built.stdout) as { table: unknown; summary: string };
    const b = JSON.parse(source.stdout) as { table: unknown; summary: string };
    expect(a.table).toEqual(b.table);
    expect(a.summary).toBe(b.summary);
  });

  it('ships no part of the synthetic data generator or anything else of dev/', () => {
    const files = readdirSync('dist', { recursive: true, encoding: 'utf8' }).map((f) =>
      f.split('\\').join('/'),
    );
    expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(50);
    expect(files.filter((f) => f === 'dev' || f.startsWith('dev/') || /seed/i.test(f))).toEqual([]);
    const importingDev = files
      .filter((f) => f.endsWith('.js'))
      .filter((f) => /from ['"][./]*\/dev\//.test(readFileSync(join('dist', f), 'utf8')));
    expect(importingDev).toEqual([]);
  });

  it('dist/ runs with plain node and no TypeScript loader', async () => {
    const r = await node(['dist/src/cli/console.js', '--json', '/staff specialties'], db.env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { title: string }).title).toMatch(/specialt/i);
  });
});

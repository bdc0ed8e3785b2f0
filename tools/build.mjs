// npm run build: compiles src/ and commands/ to dist/ with tsc (tsconfig.build.json) and stamps the build so
// that tools/launch.mjs can tell it is current. The SQL is compiled in (src/data/sql/*.generated.ts, written
// by npm run db:codegen): dist/ needs no sql/ folder.
// dist/package.json repeats the root's "imports" aliases (commands/ import '#src/...') pointing at the
// compiled .js files: tsc leaves those specifiers as written, and Node reads the nearest package.json.
// It only ever empties dist/ of this repository, and only when it is a previous build (or empty).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dist = join(ROOT, 'dist');
const stamp = join(dist, '.built');

const started = Date.now();
if (existsSync(dist) && readdirSync(dist).length > 0 && !existsSync(stamp)) {
  process.stderr.write('build: dist/ holds something that is not a build of hers-bot; move it away first.\n');
  process.exit(2);
}
rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(
  process.execPath,
  [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
  {
    cwd: ROOT,
    stdio: 'inherit',
  },
);
if (tsc.status !== 0) {
  process.stderr.write('build: tsc reported errors; dist/ is incomplete.\n');
  process.exit(1);
}
const { type, imports } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const compiled = Object.fromEntries(
  Object.entries(imports).map(([alias, target]) => [alias, target.replace(/\.ts$/, '.js')]),
);
writeFileSync(join(dist, 'package.json'), `${JSON.stringify({ type, imports: compiled }, null, 2)}\n`);
// Written last and dated at the start, so a source saved during the build makes it stale.
writeFileSync(stamp, '');
utimesSync(stamp, started / 1000, started / 1000);
process.stdout.write(`build: dist/ is ready (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);

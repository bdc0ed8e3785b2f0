// Runs a hers-bot entry point as compiled JavaScript from dist/ when `npm run build` has made it and no
// source is newer, so that start-up compiles nothing; otherwise from its TypeScript source through tsx.
//
//   node tools/launch.mjs src/cli/console.ts [args...]            dist/ if up to date, else tsx
//   node tools/launch.mjs --built src/main.ts [args...]           dist/ or a one-line error (npm start)
//
// Plain JavaScript on purpose: it must run before anything is compiled.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['src', 'commands'];
/** Written by `npm run build` once everything is compiled. */
export const STAMP = join(ROOT, 'dist', '.built');

/** The newest modification time under `dir`, in ms (0 when it does not exist, as in a production image). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Whether dist/ holds a build at least as new as every source file. */
export function builtAndCurrent() {
  if (!existsSync(STAMP)) return false;
  const built = statSync(STAMP).mtimeMs;
  return SOURCES.every((dir) => newest(join(ROOT, dir)) <= built);
}

async function main() {
  const args = process.argv.slice(2);
  const builtOnly = args[0] === '--built';
  if (builtOnly) args.shift();
  const [entry, ...rest] = args;
  if (!entry?.endsWith('.ts')) {
    process.stderr.write('usage: node tools/launch.mjs [--built] src/<entry>.ts [args...]\n');
    process.exit(2);
  }
  const compiled = join(ROOT, 'dist', entry.replace(/\.ts$/, '.js'));
  if (builtAndCurrent() && existsSync(compiled)) {
    process.argv = [process.argv[0], compiled, ...rest];
    await import(pathToFileURL(compiled).href);
    return;
  }
  if (builtOnly) {
    const why = existsSync(STAMP) ? 'is older than the sources' : 'has not been built';
    process.stderr.write(
      `hers-bot: dist/ ${why}: run npm run build first (or npm run dev to run from the TypeScript sources).\n`,
    );
    process.exit(2);
  }
  const source = join(ROOT, entry);
  const { register } = await import('tsx/esm/api');
  register();
  process.argv = [process.argv[0], source, ...rest];
  await import(pathToFileURL(source).href);
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') await main();

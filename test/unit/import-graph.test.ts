import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The import graph of src/, commands/, dev/ and tools/, read from the sources (type-only imports count: a
 * type is a dependency too). A file belongs to a layer: its folder under src/ (src/config.ts and a folder
 * src/config/ are both `config`; src/app.ts, src/main.ts, src/context.ts and src/log.ts are layers of
 * their own), or commands, dev, tools. Each layer may import only the layers listed for it below, lowest
 * first. The list is what the code needs today, and nothing more: a new arrow is a decision to make here.
 */
const ALLOWED: Record<string, readonly string[]> = {
  // Pure: the Reply model, vocabulary, windows, measures, reports. No I/O, no configuration.
  core: [],
  // The validated configuration (loadConfig); the log is set up from it.
  config: ['core'],
  log: ['config'],
  render: ['core', 'config'],
  // data -> ops: each named query is timed for /metrics (src/ops/metrics.ts, and only that file).
  data: ['core', 'config', 'log', 'ops'],
  runner: ['core', 'config', 'data'],
  commands: ['core', 'data', 'runner'],
  // The front ends and the jobs: none imports another, except that Discord's channel poster implements the
  // jobs' ChannelPoster.
  console: ['core', 'config', 'render', 'runner'],
  jobs: ['core', 'config', 'data', 'log', 'render'],
  ops: ['core', 'config', 'log'],
  // hers-bot's own pages (PHI_DELIVERY=link), served on the ops listener: sign-in, links, the audit row.
  web: ['core', 'config', 'log', 'data', 'render', 'runner', 'ops'],
  ingest: ['core', 'config', 'data', 'log', 'runner'],
  discord: ['core', 'config', 'log', 'data', 'render', 'runner', 'commands', 'context', 'jobs', 'ops', 'web'],
  // Composition: pools and contexts, the program, and the command-line entry points.
  context: ['core', 'config', 'data', 'runner', 'ops'],
  app: [
    'core',
    'config',
    'log',
    'data',
    'render',
    'commands',
    'context',
    'console',
    'discord',
    'jobs',
    'ops',
  ],
  main: ['app', 'cli'],
  cli: ['core', 'config', 'log', 'data', 'runner', 'commands', 'context', 'console', 'discord', 'ingest'],
  // Local services, the demo and the synthetic generator (dev/seed/), and tooling: never imported by the product.
  dev: ['core', 'config', 'log', 'data', 'runner', 'commands', 'context', 'app', 'cli', 'ingest'],
  tools: ['core', 'config', 'data'],
};

/** The one file of `ops` that `data` may import. */
const DATA_MAY_IMPORT_FROM_OPS = new Set(['src/ops/metrics.ts']);

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FOLDERS = ['src', 'commands', 'dev', 'tools'];

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(join(ROOT, dir))) return;
    for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(path);
      else if (/\.(ts|mts|mjs|js)$/.test(e.name)) out.push(path);
    }
  };
  FOLDERS.forEach(walk);
  return out.sort();
}

/** Every relative import of a file (static, type-only, re-export, side-effect or dynamic), as repo paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specifiers = [
    // At the start of a line, so that an import written inside a string (a code generator's) is not one.
    ...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'(\.{1,2}\/[^']+)'/gm),
    ...text.matchAll(/^\s*import\s+'(\.{1,2}\/[^']+)'/gm),
    ...text.matchAll(/\bimport\s*\(\s*'(\.{1,2}\/[^']+)'\s*\)/g),
  ].map((m) => m[1] ?? '');
  return [...new Set(specifiers.map((s) => relative(ROOT, resolve(ROOT, dirname(file), s))))];
}

function layerOf(file: string): string {
  const m = /^src\/([^/]+?)(?:\.ts)?(?:\/|$)/.exec(file);
  return m?.[1] ?? file.split('/')[0] ?? file;
}

const files = sourceFiles();
const graph = new Map(files.map((f) => [f, importsOf(f).filter((t) => files.includes(t))]));

type Graph = Map<string, string[]>;

/** Each cycle found by a depth-first walk, as `a -> b -> a`. */
function findCycles(graph: Graph): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const t of graph.get(f) ?? []) {
      if (state.get(t) === 'open') cycles.push([...stack.slice(stack.indexOf(t)), t].join(' -> '));
      else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  return cycles;
}

/** Each import from one layer into another that ALLOWED does not list. */
function wrongArrows(graph: Graph): string[] {
  const wrong: string[] = [];
  for (const [f, targets] of graph) {
    const from = layerOf(f);
    for (const t of targets) {
      const to = layerOf(t);
      if (from === to) continue;
      const allowed = ALLOWED[from]?.includes(to) ?? false;
      const opsOk = from !== 'data' || to !== 'ops' || DATA_MAY_IMPORT_FROM_OPS.has(t);
      if (!allowed || !opsOk) wrong.push(`${f} (${from}) -> ${t} (${to})`);
    }
  }
  return wrong;
}

describe('the import graph of src/, commands/, dev/ and tools/', () => {
  it('is read from the sources: every relative import names a file that exists', () => {
    const missing = files.flatMap((f) =>
      importsOf(f)
        .filter((t) => !existsSync(join(ROOT, t)))
        .map((t) => `${f} -> ${t}`),
    );
    expect(missing).toEqual([]);
    expect(files.length).toBeGreaterThan(100);
  });

  it('has no cycle, type-only imports included', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('has no arrow from a lower layer up: each layer imports only the layers listed for it', () => {
    const unknown = [...new Set(files.map(layerOf))].filter((l) => !(l in ALLOWED));
    expect(unknown, 'a new layer: say in ALLOWED what it may import').toEqual([]);
    expect(wrongArrows(graph)).toEqual([]);
  });

  it('with a cycle or an arrow up, names it (src/config.ts and src/config/ are one layer)', () => {
    const bad: Graph = new Map([
      ['src/runner/command.ts', ['src/runner/options.ts']],
      ['src/runner/options.ts', ['src/runner/command.ts']],
      ['src/core/alerts.ts', ['src/config.ts', 'src/config/discord.ts']],
      ['src/data/queries.ts', ['src/ops/metrics.ts', 'src/ops/http.ts']],
    ]);
    expect(findCycles(bad)).toEqual([
      'src/runner/command.ts -> src/runner/options.ts -> src/runner/command.ts',
    ]);
    expect(wrongArrows(bad)).toEqual([
      'src/core/alerts.ts (core) -> src/config.ts (config)',
      'src/core/alerts.ts (core) -> src/config/discord.ts (config)',
      'src/data/queries.ts (data) -> src/ops/http.ts (ops)',
    ]);
  });
});

/**
 * The speed benchmark (issue 10). Seeds a hospital at scale 1 and 5 into databases of its own
 * (hers_bench_s1, hers_bench_s5; kept for --reuse), then runs every SQL-backed subcommand with its widest
 * window (1y) and its default, each end-to-end run through execute() followed by the same statements
 * replayed raw on the pool, and prints one table. Also measures start-up (`npm run console` as a whole
 * process), the first chart in a process, RSS after 2,000 mixed commands, and seeding time and peak RSS;
 * and, on the smallest scale, `/patient lookup` idle and while another member floods one-year reports, with
 * and without fair share (test/bench/fair-share.bench.ts).
 * Writes the same figures as JSON. Reports; asserts nothing (these machines are shared and noisy).
 *
 *   npm run bench                        seed both scales afresh (slow: scale 5 takes minutes), then measure
 *   npm run bench -- --reuse             reuse databases seeded by an earlier run (same seed and end)
 *   npm run bench -- --reuse --runs 5 --scales 5 --commands 'workload|fleet' --mixed 100 --out x.json
 *   npm run bench -- --hl7 0             without the HL7 listener's figures (test/bench/hl7.bench.ts)
 *   npm run bench -- --fair 0            without the fair share figures (--fair N: N lookups per phase)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { RowDataPacket } from 'mysql2/promise';
import { commands } from '../../commands/index.ts';
import { servicesUp } from '../../dev/services.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { parseCommandLine } from '../../src/console/parse.ts';
import { openContext } from '../../src/context.ts';
import { percentile } from '../../src/core/stats.ts';
import { migrate } from '../../src/data/migrate.ts';
import { documentCounts } from '../../src/data/er.pipeline.ts';
import { connectMongo } from '../../src/data/mongo.ts';
import { connect, serverUrl } from '../../src/data/mysql.ts';
import type { Db } from '../../src/data/queries.ts';
import { execute } from '../../src/runner/execute.ts';
import { benchHl7, hl7Lines } from './hl7.bench.ts';
import { benchFhir, fhirLine } from './fhir.bench.ts';
import { benchFairShare, fairShareLine } from './fair-share.bench.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/tsx/dist/loader.mjs');
const TZ = 'America/New_York';
const SEED = 1;
/** Where the data ends, and the "now" of every command: fixed, so reused databases answer the same. */
const END = '2026-11-01T12:00:00Z';
const PATIENT = 'MRN1000080';

/** Every SQL-backed subcommand: its default, then its widest window where it has one. */
const LINES: { line: string; kind: 'now' | 'patient' | 'window' | 'mongo' }[] = [
  { line: '/er census', kind: 'now' },
  { line: '/staff on-shift', kind: 'now' },
  { line: '/staff on-shift department:Emergency', kind: 'now' },
  { line: '/ambulance fleet', kind: 'now' },
  { line: '/appointments day', kind: 'now' },
  { line: '/staff specialties', kind: 'now' },
  { line: `/patient lookup patient:${PATIENT}`, kind: 'patient' },
  { line: `/patient history patient:${PATIENT}`, kind: 'patient' },
  { line: `/meds patient patient:${PATIENT}`, kind: 'patient' },
  { line: `/appointments patient patient:${PATIENT}`, kind: 'patient' },
  { line: '/patient search name:lee', kind: 'window' },
  { line: '/summary', kind: 'window' },
  ...[
    '/patient frequent',
    '/patient never-treated type:Surgery',
    '/er recent-treatments',
    '/er arrivals',
    '/er response-times',
    '/er dispositions',
    '/er trends',
    '/er length-of-stay',
    '/er symptom term:chest pain',
    '/er assessments',
    '/er measures',
    '/staff workload',
    '/staff workload role:nurse',
    '/meds top',
  ].flatMap((line) => [
    { line, kind: 'window' as const },
    { line: `${line} window:1y`, kind: 'window' as const },
  ]),
  // MongoDB-backed (on the embedded FerretDB): no SQL to replay, so no raw column.
  ...['/er treatments', '/er severity level:high'].flatMap((line) => [
    { line, kind: 'mongo' as const },
    { line: `${line} window:1y`, kind: 'mongo' as const },
  ]),
  { line: '/er earliest-treatments type:Surgery count:50', kind: 'mongo' },
];

const { values: flags } = parseArgs({
  options: {
    reuse: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    scales: { type: 'string', default: '1,5' },
    mixed: { type: 'string', default: '2000' },
    out: { type: 'string', default: join(ROOT, '.hers/bench.json') },
    commands: { type: 'string' },
    /** Messages of the HL7 listener's memory run; 0 leaves the HL7 benchmark out. */
    hl7: { type: 'string', default: '100000' },
    /** Lookups per phase of the fair share figures; 0 leaves them out. */
    fair: { type: 'string', default: '100' },
  },
});

const ms = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const median = (xs: number[]) => percentile(xs, 50) ?? 0;
const p95 = (xs: number[]) => percentile(xs, 95) ?? 0;
const load = () => loadavg().map((l) => Math.round(l * 100) / 100);

function configFor(scale: number, mongoUri: string, mysqlServerUrl: string): Config {
  const name = `hers_bench_s${scale}`;
  return loadConfig({
    MYSQL_URL: `${mysqlServerUrl}${name}`,
    MONGODB_URI: mongoUri,
    MONGODB_DB: name,
    TZ,
    LOG_LEVEL: 'silent',
  });
}

// ---- seeding ------------------------------------------------------------------------------------------

interface SeedFigures {
  scale: number;
  seconds: number;
  peakRssMb: number | null;
  sqlRows: number | null;
  measuredAt: string;
  loadAverage: number[];
}

const MARKER = join(ROOT, '.hers/bench-data.json');
const readMarker = (): Record<string, SeedFigures> =>
  existsSync(MARKER) ? (JSON.parse(readFileSync(MARKER, 'utf8')) as Record<string, SeedFigures>) : {};

/** Patients in the scale's MySQL database, or 0 when it or its MongoDB documents are missing. */
async function patientsHeld(config: Config): Promise<number> {
  const m = await connectMongo(config.mongo.uri);
  try {
    const docs = await documentCounts(m.db(config.mongo.database));
    if (docs.dispatchIncidents === 0 || docs.erTreatments === 0) return 0;
  } finally {
    await m.close();
  }
  const c = await connect(serverUrl(config.mysql.url));
  try {
    const name = new URL(config.mysql.url).pathname.slice(1);
    const [rows] = await c.query<RowDataPacket[]>(
      `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = ? AND table_name = 'patient'`,
      [name],
    );
    if (Number(rows[0]?.n) === 0) return 0;
    const [n] = await c.query<RowDataPacket[]>(`SELECT COUNT(*) AS n FROM \`${name}\`.patient`);
    return Number(n[0]?.n);
  } finally {
    await c.end();
  }
}

/** Runs db:seed as a child process (as a person would), timing it and reading its peak RSS. */
async function seed(config: Config, scale: number): Promise<SeedFigures> {
  const name = new URL(config.mysql.url).pathname.slice(1);
  const c = await connect(serverUrl(config.mysql.url));
  await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await c.end();
  const m = await connectMongo(config.mongo.uri);
  await m.db(name).dropDatabase();
  await m.close();
  await migrate(config.mysql.url);
  const loadAverage = load();
  const args = ['--import', TSX, join(ROOT, 'dev/seed.cli.ts'), '--scale', String(scale)];
  args.push('--seed', String(SEED), '--end', END);
  const timed = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const child = spawn(
    timed ? '/usr/bin/time' : process.execPath,
    timed ? ['-v', process.execPath, ...args] : args,
    {
      env: {
        ...process.env,
        MYSQL_URL: config.mysql.url,
        MONGODB_URI: config.mongo.uri,
        MONGODB_DB: config.mongo.database,
        TZ,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = (performance.now() - t0) / 1000;
  if (code !== 0) throw new Error(`db:seed --scale ${scale} failed (${code}):\n${err.slice(-2000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
  const rows = /([\d,]+) SQL rows/.exec(out);
  return {
    scale,
    seconds: Math.round(seconds * 10) / 10,
    peakRssMb: rss ? Math.round(Number(rss[1]) / 1024) : null,
    sqlRows: rows ? Number(rows[1]?.replaceAll(',', '')) : null,
    measuredAt: new Date().toISOString(),
    loadAverage,
  };
}

// ---- commands ---------------------------------------------------------------------------------------

interface Captured {
  args: unknown[];
}

/**
 * Records the SELECTs a command sends through the pools: the primary and the read handle (which, without
 * replicas, is the primary's own query function bound at start). The audit insert goes through a connection.
 */
function capture(...pools: Db[]): { take: () => Captured[] } {
  let statements: Captured[] = [];
  for (const pool of pools) {
    const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
    (pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) => {
      const first = args[0];
      const sql = typeof first === 'string' ? first : (first as { sql?: string }).sql;
      if (sql && /^(\s*--[^\n]*\n)*\s*(SELECT|WITH|\()/i.test(sql)) statements.push({ args });
      return query(...args);
    };
  }
  return {
    take: () => {
      const s = statements;
      statements = [];
      return s;
    },
  };
}

interface CommandFigures {
  scale: number;
  command: string;
  kind: string;
  rows: number;
  statements: number;
  e2eMedian: number | null;
  e2eP95: number | null;
  rawMedian: number | null;
  ratio: number | null;
}

/**
 * Every line at every scale, the scales one after the other for each line (seconds apart, rather than
 * minutes when one scale was measured whole before the other), so that the growth column compares runs
 * made under the same load. Run by run alternation was tried: the scales then evict each other's pages
 * from the buffer pool they share, which no single-database deployment sees.
 */
async function benchCommands(
  scales: { scale: number; config: Config }[],
  runs: number,
): Promise<CommandFigures[]> {
  const now = Date.parse(END);
  const opened = [];
  for (const { scale, config } of scales) {
    const { ctx, close } = await openContext(config, () => now);
    opened.push({ scale, ctx, close, recorder: capture(ctx.sql, ctx.read) });
  }
  const actor = { source: 'console' as const, actorId: 'bench' };
  const results: CommandFigures[] = [];
  try {
    const only = flags.commands === undefined ? undefined : new RegExp(flags.commands);
    for (const { line, kind } of LINES.filter((l) => !only || only.test(l.line))) {
      const figures = opened.map(() => ({
        e2e: [] as number[],
        raw: [] as number[],
        rows: 0,
        statements: 0,
      }));
      // Per scale, one warm-up run, not counted (it also brings the scale's pages back into the buffer
      // pool the scales share), then each end-to-end run followed by its statements replayed raw.
      for (const [k, { ctx, recorder }] of opened.entries()) {
        for (let i = 0; i <= runs; i++) {
          const f = figures[k] as (typeof figures)[number];
          recorder.take();
          const t0 = performance.now();
          const outcome = await execute(commands, parseCommandLine(line, commands), ctx, actor);
          const t1 = performance.now();
          if (outcome.kind !== 'reply') throw new Error(`${line}: ${outcome.kind}`);
          f.rows = outcome.reply.table?.totalRows ?? outcome.reply.table?.rows.length ?? 0;
          const captured = recorder.take();
          f.statements = captured.length;
          const t2 = performance.now();
          for (const c of captured) await (ctx.sql.query as (...a: unknown[]) => Promise<unknown>)(...c.args);
          const t3 = performance.now();
          recorder.take();
          if (i > 0) {
            f.e2e.push(t1 - t0);
            f.raw.push(t3 - t2);
          }
        }
      }
      for (const [k, { scale }] of opened.entries()) {
        const { e2e, raw, rows, statements } = figures[k] as (typeof figures)[number];
        const r: CommandFigures = {
          scale,
          command: line,
          kind,
          rows,
          statements,
          e2eMedian: ms(median(e2e)),
          e2eP95: ms(p95(e2e)),
          rawMedian: kind === 'mongo' ? null : ms(median(raw)),
          ratio:
            kind !== 'mongo' && median(raw) > 0 ? Math.round((median(e2e) / median(raw)) * 100) / 100 : null,
        };
        results.push(r);
        console.error(
          `  scale ${scale}  ${String(r.e2eMedian).padStart(8)} ms e2e  ${String(r.rawMedian).padStart(8)} ms raw  ${line}`,
        );
      }
    }
  } finally {
    for (const { close } of opened) await close();
  }
  return results;
}

// ---- start-up, first chart, memory ------------------------------------------------------------------

type Figures = { min: number; median: number; max: number };
interface Startup {
  /** `npm run console` (tools/launch.mjs: dist/ when built and current, else the sources through tsx). */
  npm: Figures;
  /** The compiled console with plain node (what `npm start` and the image run). */
  compiled: Figures & { peakRssMb: number | null };
  /** The TypeScript sources through tsx, as in development. */
  source: Figures & { peakRssMb: number | null };
}

/**
 * `/staff specialties` as a whole process, three ways, interleaved run by run so the machine's load falls on
 * each alike; peak RSS from /usr/bin/time where it exists. dist/ is built first (see build()).
 */
function consoleStartup(config: Config, runs: number): Startup {
  const env = { ...process.env, MYSQL_URL: config.mysql.url, MONGODB_URI: config.mongo.uri, TZ };
  const line = '/staff specialties';
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const ways = {
    npm: ['npm', ['run', '--silent', 'console', '--', line]],
    compiled: [process.execPath, ['dist/src/cli/console.js', line]],
    source: [process.execPath, ['--import', TSX, 'src/cli/console.ts', line]],
  } as const;
  const times: Record<keyof typeof ways, number[]> = { npm: [], compiled: [], source: [] };
  const peaks: Record<keyof typeof ways, number[]> = { npm: [], compiled: [], source: [] };
  for (let i = 0; i < runs; i++) {
    for (const way of Object.keys(ways) as (keyof typeof ways)[]) {
      const [cmd, args] = ways[way];
      const t0 = performance.now();
      const r = timeBin
        ? spawnSync(timeBin, ['-f', 'peak-kb %M', cmd, ...args], { cwd: ROOT, env, encoding: 'utf8' })
        : spawnSync(cmd, [...args], { cwd: ROOT, env, encoding: 'utf8' });
      times[way].push(performance.now() - t0);
      if (r.status !== 0) throw new Error(`console (${way}) failed (${r.status}): ${r.stderr}`);
      const kb = /peak-kb (\d+)/.exec(r.stderr)?.[1];
      if (kb) peaks[way].push(Number(kb) / 1024);
    }
  }
  const figures = (t: number[]): Figures => ({
    min: ms(Math.min(...t)) ?? 0,
    median: ms(median(t)) ?? 0,
    max: ms(Math.max(...t)) ?? 0,
  });
  const peak = (m: number[]) => (m.length ? Math.round(Math.max(...m)) : null);
  return {
    npm: figures(times.npm),
    compiled: { ...figures(times.compiled), peakRssMb: peak(peaks.compiled) },
    source: { ...figures(times.source), peakRssMb: peak(peaks.source) },
  };
}

interface MemoryFigures {
  firstChartMs: number | null;
  nextChartMs: number | null;
  rssAfterMb: number;
  rssSteadyMb: number;
  rssPeakMb: number;
  heapUsedMb: number;
  count: number;
}

/**
 * In a fresh process running the compiled code with plain node, as the bot runs (test/bench/rss-child.mjs):
 * the first chart's render time, then RSS after `count` mixed commands (defaults only, charts drawn).
 */
function childFigures(config: Config, count: number): MemoryFigures {
  // What people mostly ask (the 1y variants are the table's business); the Mongo reports take seconds each.
  const mixed = LINES.filter((l) => !l.line.endsWith('window:1y') && l.kind !== 'mongo').map((l) => l.line);
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'test/bench/rss-child.mjs'), String(count), JSON.stringify(mixed), END],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        MYSQL_URL: config.mysql.url,
        MONGODB_URI: config.mongo.uri,
        MONGODB_DB: config.mongo.database,
        TZ,
      },
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  if (r.status !== 0) throw new Error(`memory child failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as MemoryFigures;
}

/** Compiles dist/ afresh, so that the start-up and memory figures are of this checkout's code. */
function build(): void {
  const b = spawnSync(process.execPath, ['tools/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`npm run build failed: ${b.stderr}`);
}

// ---- versions and output ----------------------------------------------------------------------------

async function versions(config: Config, mongoKind: string): Promise<{ mysql: string; mongo: string }> {
  const c = await connect(serverUrl(config.mysql.url));
  const [rows] = await c.query<RowDataPacket[]>('SELECT VERSION() AS v');
  await c.end();
  const m = await connectMongo(config.mongo.uri);
  const info = (await m.db('admin').command({ buildInfo: 1 })) as {
    version?: string;
    ferretdbVersion?: string;
  };
  await m.close();
  return {
    mysql: String(rows[0]?.v),
    mongo: `${mongoKind} ${info.ferretdbVersion ?? ''} (MongoDB ${info.version ?? '?'} wire)`,
  };
}

function table(all: CommandFigures[], scales: number[]): string {
  const top = Math.max(...scales);
  const low = Math.min(...scales);
  const header = ['command', 'rows', 'e2e p50', 'e2e p95', 'raw p50', 'e2e/raw', `growth ${top}/${low}`];
  const lines = LINES.filter(({ line }) => all.some((r) => r.command === line)).map(({ line }) => {
    const hi = all.find((r) => r.scale === top && r.command === line);
    const lo = all.find((r) => r.scale === low && r.command === line);
    const growth =
      hi?.e2eMedian && lo?.e2eMedian && top !== low ? (hi.e2eMedian / lo.e2eMedian).toFixed(2) : '';
    return [
      line,
      String(hi?.rows ?? ''),
      String(hi?.e2eMedian ?? ''),
      String(hi?.e2eP95 ?? ''),
      String(hi?.rawMedian ?? ''),
      hi?.ratio === null || hi?.ratio === undefined ? '' : hi.ratio.toFixed(2),
      growth,
    ];
  });
  const rows = [header, ...lines];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]) =>
    `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [
    fmt(header),
    `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`,
  ]
    .concat(lines.map(fmt))
    .join('\n');
}

// ---- main -------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  const scales = flags.scales
    .split(',')
    .map(Number)
    .sort((a, b) => a - b);
  const runs = Number(flags.runs);
  const loadBefore = load();
  // The development FerretDB (kept running, its data in .hers/), so that --reuse finds the documents too.
  const services = await servicesUp({ mongoUri: process.env.MONGODB_URI, detached: true });
  try {
    const marker = readMarker();
    const seeding: SeedFigures[] = [];
    const results: CommandFigures[] = [];
    for (const scale of scales) {
      const config = configFor(scale, services.mongoUri, services.mysqlServerUrl);
      const held = await patientsHeld(config);
      const previous = marker[String(scale)];
      if (flags.reuse && held > 0) {
        console.error(`scale ${scale}: reusing hers_bench_s${scale} (${held} patients)`);
        if (previous) seeding.push(previous);
      } else {
        console.error(`scale ${scale}: seeding hers_bench_s${scale} (db:seed in a child process)`);
        const figures = await seed(config, scale);
        marker[String(scale)] = figures;
        mkdirSync(dirname(MARKER), { recursive: true });
        writeFileSync(MARKER, JSON.stringify(marker, null, 2));
        seeding.push(figures);
      }
      await migrate(config.mysql.url);
    }
    results.push(
      ...(await benchCommands(
        scales.map((scale) => ({
          scale,
          config: configFor(scale, services.mongoUri, services.mysqlServerUrl),
        })),
        runs,
      )),
    );
    const top = configFor(Math.max(...scales), services.mongoUri, services.mysqlServerUrl);
    const low = configFor(Math.min(...scales), services.mongoUri, services.mysqlServerUrl);
    let fair;
    if (Number(flags.fair) > 0) {
      console.error(`fair share: /patient lookup while one member floods (scale ${Math.min(...scales)})`);
      fair = await benchFairShare(low, Date.parse(END), Number(flags.fair));
    }
    console.error('build: npm run build (start-up and memory run the compiled code)');
    build();
    console.error(
      'start-up: /staff specialties as a process: npm run console, compiled, source (5 runs each)',
    );
    const startup = consoleStartup(top, 5);
    console.error(`memory: ${flags.mixed} mixed commands in a fresh process`);
    const child = childFigures(top, Number(flags.mixed));
    const hl7 = Number(flags.hl7) > 0 ? await benchHl7(Number(flags.hl7)) : undefined;
    const fhir = await benchFhir(services.mysqlServerUrl);
    const report = {
      measuredAt: new Date().toISOString(),
      seconds: Math.round((performance.now() - started) / 1000),
      reuse: flags.reuse,
      runs,
      scales,
      dataEnd: END,
      loadAverage: { before: loadBefore, after: load() },
      versions: await versions(top, services.mongoKind),
      node: process.version,
      commands: results,
      startup,
      firstChartMs: child.firstChartMs,
      nextChartMs: child.nextChartMs,
      rssAfterMixedMb: child.rssAfterMb,
      rssSteadyMixedMb: child.rssSteadyMb,
      rssPeakMixedMb: child.rssPeakMb,
      mixedCommands: child.count,
      seeding,
      hl7,
      fhir,
      fair,
    };
    mkdirSync(dirname(flags.out), { recursive: true });
    writeFileSync(flags.out, JSON.stringify(report, null, 2));
    console.log(table(results, scales));
    console.log(
      [
        '',
        `"/staff specialties" as a whole process (min / median / max, interleaved):`,
        `  npm run console:                ${startup.npm.min} / ${startup.npm.median} / ${startup.npm.max} ms`,
        `  compiled (node dist/...):       ${startup.compiled.min} / ${startup.compiled.median} / ${startup.compiled.max} ms, peak RSS ${startup.compiled.peakRssMb ?? '?'} MB`,
        `  sources (node --import tsx):    ${startup.source.min} / ${startup.source.median} / ${startup.source.max} ms, peak RSS ${startup.source.peakRssMb ?? '?'} MB`,
        `first chart in a process: ${child.firstChartMs} ms (the next: ${child.nextChartMs} ms)`,
        `RSS after ${child.count} mixed commands (compiled, plain node, charts drawn): ${child.rssAfterMb} MB; ${child.rssSteadyMb} MB once collected (heap ${child.heapUsedMb} MB); peak ${child.rssPeakMb} MB`,
        ...seeding.map(
          (s) =>
            `seeding scale ${s.scale}: ${s.seconds} s, peak RSS ${s.peakRssMb ?? '?'} MB, ${s.sqlRows?.toLocaleString('en-US') ?? '?'} SQL rows ` +
            `(${s.sqlRows ? Math.round(s.sqlRows / s.seconds).toLocaleString('en-US') : '?'} rows/s overall; measured ${s.measuredAt}, load ${s.loadAverage.join(' ')})`,
        ),
        fhirLine(fhir),
        `load average: before ${loadBefore.join(' ')}, after ${report.loadAverage.after.join(' ')}`,
        `databases: ${report.versions.mysql}, ${report.versions.mongo}; Node ${process.version}`,
        `${runs} runs per command after a warm-up; e2e is execute() (validation, queries, report, audit row); raw is the same SELECTs replayed on the pool`,
        ...(hl7 ? [hl7Lines(hl7)] : []),
        ...(fair ? [fairShareLine(fair)] : []),
        `finished in ${report.seconds} s; JSON in ${flags.out}`,
      ].join('\n'),
    );
  } finally {
    await services.stop();
  }
}

await main();

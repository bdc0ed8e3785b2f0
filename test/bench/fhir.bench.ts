/**
 * FHIR import speed (issue 17): the Synthea sample copied N times under fresh ids (one larger export), imported
 * into a database of its own (hers_bench_fhir), then imported again (every line unchanged). Reports resources
 * per second and the peak RSS; asserts nothing.
 *
 *   npx tsx test/bench/fhir.bench.ts [copies]     alone, against MYSQL_URL's server (default 20 copies)
 */
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from '../../src/data/migrate.ts';
import { connect, serverUrl } from '../../src/data/mysql.ts';
import { totalOf } from '../../src/ingest/fhir/counts.ts';
import { importFhir } from '../../src/ingest/fhir/import.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE = resolve(ROOT, '../shared/fixtures/fhir/synthea-10');
const UUID = /\b[0-9a-f]{8}(-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/g;

export interface FhirFigures {
  resources: number;
  firstSeconds: number;
  firstPerSecond: number;
  againSeconds: number;
  againPerSecond: number;
  peakRssMb: number;
}

/** The sample's files, each line written `copies` times, every UUID (ids, references, MRNs) made unique per copy. */
async function writeExport(dir: string, copies: number): Promise<void> {
  for (const name of readdirSync(SAMPLE).filter((n) => n.endsWith('.ndjson'))) {
    const lines = readFileSync(join(SAMPLE, name), 'utf8').split('\n').filter(Boolean);
    const out = createWriteStream(join(dir, name));
    for (let k = 0; k < copies; k++) {
      const prefix = k.toString(16).padStart(8, '0');
      for (const line of lines)
        if (!out.write(`${line.replace(UUID, `${prefix}$1`)}\n`))
          await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((r) => out.end(() => r()));
  }
}

export async function benchFhir(mysqlServerUrl: string, copies = 20): Promise<FhirFigures> {
  const url = `${mysqlServerUrl.replace(/\/$/, '')}/hers_bench_fhir`;
  const server = await connect(serverUrl(url));
  await server.query('DROP DATABASE IF EXISTS hers_bench_fhir');
  await server.end();
  await migrate(url);
  const dir = mkdtempSync(join(tmpdir(), 'fhir-bench-'));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const conn = await connect(url);
  try {
    await writeExport(dir, copies);
    const timed = async () => {
      const t = performance.now();
      const counts = await importFhir(conn, [dir], { timeZone: 'America/New_York', since: null });
      return { seconds: (performance.now() - t) / 1000, resources: totalOf(counts, 'read') };
    };
    const first = await timed();
    const again = await timed();
    return {
      resources: first.resources,
      firstSeconds: Number(first.seconds.toFixed(2)),
      firstPerSecond: Math.round(first.resources / first.seconds),
      againSeconds: Number(again.seconds.toFixed(2)),
      againPerSecond: Math.round(again.resources / again.seconds),
      peakRssMb: Math.round(peak / 1048576),
    };
  } finally {
    clearInterval(sampler);
    await conn.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const fhirLine = (f: FhirFigures) =>
  `FHIR import: ${f.resources.toLocaleString('en-US')} resources in ${f.firstSeconds} s (${f.firstPerSecond.toLocaleString('en-US')}/s); ` +
  `again, unchanged: ${f.againSeconds} s (${f.againPerSecond.toLocaleString('en-US')}/s); peak RSS ${f.peakRssMb} MB`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const url = new URL(process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/hers');
  url.pathname = '/';
  console.log(fhirLine(await benchFhir(url.toString(), Number(process.argv[2] ?? 20))));
}

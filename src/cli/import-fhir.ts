import { UserError } from '../core/errors.ts';
import { connect, describeMysqlError } from '../data/mysql.ts';
import { formatCounts, totalOf, type ImportCounts } from '../ingest/fhir/counts.ts';
import { importFhir } from '../ingest/fhir/import.ts';
import { DateTime } from '../ingest/fhir/schemas.ts';
import { parseFlags, readConfig, runCli } from './run.ts';

const USAGE = 'npm run import:fhir -- [--since TIME] [--json] <folder or .ndjson files>...';
const HELP = `usage: ${USAGE}

Imports the NDJSON files of a FHIR R4 Bulk Data export ($export) into MySQL: Patient, Encounter, Condition,
AllergyIntolerance, MedicationRequest, Practitioner, PractitionerRole, Location, Organization, Appointment
(any other type is counted and skipped). Files may be given in any order. Importing the same files again
changes nothing; a later export updates what changed. See docs/fhir-import.md.
  --since TIME  the _since of the export (2024-01-01 or 2024-01-01T00:00:00Z), recorded with the run
  --json        print the counts as JSON on stdout
Exit codes: 0 every line used or deliberately skipped, 1 some lines invalid (each reported on stderr with
its file and line), 2 usage error, 3 database unavailable.`;

const PROGRESS_EVERY_MS = 5_000;

runCli(
  'import:fhir',
  USAGE,
  async () => {
    const { values, positionals } = parseFlags(
      process.argv.slice(2),
      { since: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      true,
    );
    if (values.help) {
      console.log(HELP);
      return;
    }
    if (positionals.length === 0) throw new UserError('invalid_argument', 'name a folder or .ndjson files');
    if (values.since !== undefined && !DateTime.safeParse(values.since).success)
      throw new UserError(
        'invalid_argument',
        `--since ${values.since} is not a date or a time with its offset`,
      );
    const config = readConfig();
    const conn = await connect(config.mysql.url);
    const started = Date.now();
    let lastProgress = started;
    let lines = 0;
    try {
      const counts = await importFhir(conn, positionals, {
        timeZone: config.timeZone,
        since: values.since === undefined ? null : new Date(values.since),
        onInvalid: (l) => process.stderr.write(`${l.file}:${l.line}: ${l.reason}\n`),
        onProgress: (file, line) => {
          lines++;
          const now = Date.now();
          if (now - lastProgress < PROGRESS_EVERY_MS) return;
          lastProgress = now;
          const rate = Math.round(lines / ((now - started) / 1000));
          process.stderr.write(
            `import:fhir: ${file} line ${line} (${rate.toLocaleString('en-US')} lines/s)\n`,
          );
        },
      });
      report(counts, values.json === true, Date.now() - started);
      if (totalOf(counts, 'invalid') > 0) process.exitCode = 1;
    } catch (err) {
      throw (err as { fatal?: boolean }).fatal
        ? new UserError('unavailable', `MySQL stopped answering: ${(err as Error).message}`)
        : describeMysqlError(err, config.mysql.url);
    } finally {
      await conn.end().catch(() => undefined);
    }
  },
  { unavailableExitCode: 3 },
);

function report(counts: ImportCounts, json: boolean, ms: number) {
  if (json) {
    console.log(JSON.stringify({ ...counts, seconds: ms / 1000 }, null, 2));
    return;
  }
  console.log(formatCounts(counts));
  const read = totalOf(counts, 'read');
  console.log(
    `\n${read.toLocaleString('en-US')} lines from ${counts.files} files in ${(ms / 1000).toFixed(1)} s; ` +
      `${totalOf(counts, 'invalid')} invalid`,
  );
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { parseCommandLine } from '../../src/console/parse.ts';
import { openContext } from '../../src/context.ts';
import { migrate } from '../../src/data/migrate.ts';
import { connect } from '../../src/data/mysql.ts';
import { importFhir } from '../../src/ingest/fhir/import.ts';
import type { Context } from '../../src/runner/command.ts';
import { execute } from '../../src/runner/execute.ts';
import { testDatabases } from '../support/databases.ts';
import { TEST_ACTOR } from '../support/run-command.ts';
import { SAMPLE } from './fhir-sample.ts';

const TZ = 'America/New_York';
const NOW = Date.parse('2023-06-01T12:00:00Z');
const db = testDatabases('fhir_cmds', { TZ });
let ctx: Context;
let close: () => Promise<void>;

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  const conn = await connect(db.mysqlUrl);
  await importFhir(conn, [SAMPLE], { timeZone: TZ, since: null });
  await conn.end();
  ({ ctx, close } = await openContext(db.config, () => NOW));
});

afterAll(async () => {
  await close?.();
  await db.drop();
});

const RANGE = 'from:2021-01-01 to:2023-12-31';
const LINES = [
  '/patient search name:Cole',
  '/patient lookup patient:Cole117',
  '/patient history patient:Cole117',
  '/patient frequent',
  '/patient never-treated type:Surgery',
  `/er treatments ${RANGE}`,
  '/er earliest-treatments type:Surgery',
  '/er recent-treatments',
  `/er arrivals ${RANGE}`,
  `/er dispositions ${RANGE}`,
  `/er trends ${RANGE}`,
  '/er census',
  `/er length-of-stay ${RANGE}`,
  `/er flow ${RANGE}`,
  `/er returns ${RANGE}`,
  `/er returns-list ${RANGE}`,
  '/staff specialties',
  '/staff workload',
  '/staff on-shift',
  '/appointments day',
  '/appointments schedule',
  '/appointments patient patient:Cole117',
  '/care follow-up',
  '/care gaps',
  '/care no-shows',
  '/meds patient patient:Cole117',
  '/meds top',
  '/meds ending',
  '/summary',
  '/admin audit',
];

const AMBULANCE = [
  `/er severity level:high ${RANGE}`,
  `/er response-times ${RANGE}`,
  '/er symptom term:fever',
  `/er assessments ${RANGE}`,
  '/ambulance fleet',
];

describe('every command on a database that holds only an imported FHIR export', () => {
  it.each(LINES)('%s answers or explains, never fails', async (line) => {
    const outcome = await execute(commands, parseCommandLine(line, commands), ctx, TEST_ACTOR);
    expect(outcome.kind).toBe('reply');
    if (outcome.kind !== 'reply') return;
    // Nothing a feed left unrecorded reads "null", "undefined" or "NaN" (an empty cell is null, shown as -).
    const texts = [outcome.reply.summary, ...(outcome.reply.table?.rows ?? []).flat()];
    expect(texts.filter((t) => typeof t === 'string' && /null|undefined|NaN/.test(t))).toEqual([]);
    expect(texts.filter((t) => typeof t === 'number' && Number.isNaN(t))).toEqual([]);
  });
});

describe('commands built on ambulance records, on a hospital that has none', () => {
  it.each(AMBULANCE)('%s says the hospital has no ambulance records', async (line) => {
    const outcome = await execute(commands, parseCommandLine(line, commands), ctx, TEST_ACTOR);
    expect(outcome.kind).toBe('user_error');
    if (outcome.kind !== 'user_error') return;
    expect(outcome.error.message).toMatch(/needs ambulance records, and this hospital's data holds none/);
  });
});

import { userInfo } from 'node:os';
import type { Db as MongoDb } from 'mongodb';
import { z } from 'zod';
import type { Config } from '../../src/config.ts';
import { UserError } from '../../src/core/errors.ts';
import { parseIsoDate } from '../../src/core/time.ts';
import * as audit from '../../src/core/audit-event.ts';
import { recordAudit } from '../../src/data/audit.ts';
import { auditRowCount } from '../../src/data/audit.queries.ts';
import { DISPATCH_INCIDENTS, ER_TREATMENTS } from '../../src/data/documents.ts';
import { documentCounts } from '../../src/data/er.pipeline.ts';
import { connectMongo, describeMongoError } from '../../src/data/mongo.ts';
import { connect, databaseName, describeMysqlError, type Connection } from '../../src/data/mysql.ts';
import { scalePlan } from './generate.ts';
import { checkSchema, domainRowCounts, loadGenerated, type LoadResult, type Progress } from './load.ts';

export interface SeedOptions {
  scale: number;
  seed: number;
  end: number;
  /** Replace stores that already hold domain data (otherwise db:seed refuses to touch them). */
  replace?: boolean;
}

/** What the target stores hold before seeding. */
export interface HeldData {
  /** The MySQL database. */
  database: string;
  /** Rows of the patient table. */
  patients: number;
  auditRows: number;
  /** Every domain table and Mongo collection db:seed would replace that is not empty, largest first. */
  holding: { name: string; count: number; unit: 'row' | 'document' }[];
}

/** Asked, after --replace, before replacing stores that hold domain data; false changes nothing. */
export type ConfirmReplace = (held: HeldData) => Promise<boolean>;

export const MAX_SCALE = 5;

const SeedFlags = z.object({
  scale: z
    .string()
    .default('0.1')
    .transform((s, ctx) => {
      const n = Number(s);
      if (s.trim() === '' || !Number.isFinite(n)) {
        ctx.addIssue({ code: 'custom', message: `--scale must be a number, got "${s}"` });
        return z.NEVER;
      }
      if (n <= 0 || n > MAX_SCALE) {
        ctx.addIssue({
          code: 'custom',
          message: `--scale must be greater than 0 and at most ${MAX_SCALE}, got ${s}`,
        });
        return z.NEVER;
      }
      return n;
    }),
  seed: z
    .string()
    .default('1')
    .refine((s) => /^\d{1,9}$/.test(s), { message: '--seed must be a whole number from 0 to 999999999' })
    .transform(Number),
  end: z.string().optional(),
});

/**
 * Validates the seed flags. `--end` takes a date (YYYY-MM-DD, meaning the end of that UTC day) or an
 * ISO date-time with a zone (2026-03-01T06:00:00Z); without it data ends now.
 */
export function parseSeedOptions(
  flags: { scale?: string; seed?: string; end?: string },
  now: number,
): SeedOptions {
  const parsed = SeedFlags.safeParse(flags);
  if (!parsed.success)
    throw new UserError('invalid_argument', parsed.error.issues.map((i) => i.message).join('\n'));
  const { scale, seed, end } = parsed.data;
  return { scale, seed, end: end === undefined ? Math.floor(now / 60_000) * 60_000 : parseEnd(end) };
}

function parseEnd(s: string): number {
  const date = parseIsoDate(s);
  if (date) return Date.UTC(date.year, date.month - 1, date.day + 1);
  if (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) &&
    !Number.isNaN(Date.parse(s))
  ) {
    return Date.parse(s);
  }
  throw new UserError(
    'invalid_argument',
    `--end must be a date (2026-03-01) or a date-time with a zone (2026-03-01T06:00:00Z), got "${s}"`,
  );
}

export interface SeedResult extends LoadResult {
  days: number;
}

/**
 * Generates a dataset and replaces both stores' domain data with it, loading it as it is generated. Stores that hold any domain data
 * (any table it truncates, either Mongo collection) are replaced only with `opts.replace` (and `confirm`,
 * when given, agreeing). The check is made again on the connection that truncates, just before it does,
 * and the replacement is audited there, before anything is changed.
 */
export async function runSeed(
  config: Config,
  opts: SeedOptions,
  progress: Progress,
  confirm?: ConfirmReplace,
): Promise<SeedResult> {
  if (config.env === 'production') {
    throw new UserError(
      'misconfigured',
      'db:seed replaces all patient data with synthetic data; it does not run with NODE_ENV=production.',
    );
  }
  const url = config.mysql.url;
  await checkSchema(url);
  const client = await connectMongo(config.mongo.uri);
  try {
    const mongo = client.db(config.mongo.database);
    const agreed = await agreedToReplace(url, mongo, opts, confirm);
    const generating = { scale: opts.scale, seed: opts.seed, end: opts.end, timeZone: config.timeZone };
    const result = await loadGenerated(generating, url, mongo, progress, async (conn) => {
      const held = await countHeld(conn, url, mongo);
      if (held.holding.length > 0 && !agreed) throw refusal(held, opts);
      await recordAudit(
        conn,
        audit.operatorAction(
          consoleActor(),
          'db:seed',
          {
            scale: opts.scale,
            seed: opts.seed,
            end: new Date(opts.end).toISOString(),
            replace: opts.replace === true,
          },
          `replacing the domain data (${describeHolding(held)}) with synthetic data`,
        ),
      );
    });
    return { ...result, days: scalePlan(opts.scale).days };
  } catch (err) {
    throw describeMongoError(err, config.mongo.uri);
  } finally {
    await client.close();
  }
}

/** What both stores of `config` hold (for npm run demo, which never replaces data). */
export async function heldData(config: Config): Promise<HeldData> {
  const url = config.mysql.url;
  const client = await connectMongo(config.mongo.uri);
  try {
    const conn = await connect(url);
    try {
      return await countHeld(conn, url, client.db(config.mongo.database));
    } catch (err) {
      throw describeMysqlError(err, url);
    } finally {
      await conn.end();
    }
  } finally {
    await client.close();
  }
}

async function countHeld(conn: Connection, url: string, mongo: MongoDb): Promise<HeldData> {
  const [tables, documents, audit] = await Promise.all([
    domainRowCounts(conn),
    documentCounts(mongo),
    auditRowCount(conn),
  ]);
  const holding = [
    ...tables.map((t) => ({ name: t.name, count: t.rows, unit: 'row' as const })),
    { name: `MongoDB ${DISPATCH_INCIDENTS}`, count: documents.dispatchIncidents, unit: 'document' as const },
    { name: `MongoDB ${ER_TREATMENTS}`, count: documents.erTreatments, unit: 'document' as const },
  ]
    .filter((h) => h.count > 0)
    .sort((a, b) => b.count - a.count);
  return {
    database: databaseName(url),
    patients: tables.find((t) => t.name === 'patient')?.rows ?? 0,
    auditRows: Number(audit?.n ?? 0),
    holding,
  };
}

/**
 * The first check, before generating: refuses stores that hold domain data unless `opts.replace` (and
 * `confirm`) agree. True when the person agreed to replace data they were shown.
 */
async function agreedToReplace(
  url: string,
  mongo: MongoDb,
  opts: SeedOptions,
  confirm: ConfirmReplace | undefined,
): Promise<boolean> {
  const conn = await connect(url);
  let held: HeldData;
  try {
    held = await countHeld(conn, url, mongo);
  } catch (err) {
    throw describeMysqlError(err, url);
  } finally {
    await conn.end();
  }
  if (held.holding.length === 0) return false;
  if (!opts.replace) throw refusal(held, opts);
  if (confirm && !(await confirm(held)))
    throw new UserError('forbidden', `The name typed is not ${held.database}. Nothing was changed.`);
  return true;
}

function refusal(held: HeldData, opts: SeedOptions): UserError {
  const fix = opts.replace
    ? 'it was empty when db:seed started; run it again to be asked about what it holds now'
    : 'run again with --replace to replace it';
  return new UserError(
    'forbidden',
    `${held.database} already holds data (${describeHolding(held)}); db:seed would replace it with synthetic data. Nothing was changed: ${fix}.`,
  );
}

/** "patient: 1,234 rows, MongoDB er_treatments: 2 documents, ... and 3 more", or "no domain data". */
export function describeHolding(held: HeldData): string {
  if (held.holding.length === 0) return 'no domain data';
  const shown = held.holding.slice(0, 5).map((h) => `${h.name}: ${count(h.count, h.unit)}`);
  const more = held.holding.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** Who runs db:seed: the operating-system login, as console commands are audited. */
function consoleActor(): string {
  try {
    return `console:${userInfo().username}`;
  } catch {
    return 'console:unknown';
  }
}

const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

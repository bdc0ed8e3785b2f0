import { z } from 'zod';
import type { Config } from '../../config.ts';
import { UserError } from '../../core/errors.ts';
import { parseIsoDate } from '../../core/time.ts';
import { recordAudit } from '../audit.ts';
import { auditRowCount } from '../audit.queries.ts';
import { connectMongo } from '../mongo.ts';
import { connect, databaseName, describeMysqlError } from '../mysql.ts';
import { dataOverview } from '../overview.queries.ts';
import type { Db } from '../queries.ts';
import { generate, scalePlan } from './generate.ts';
import { checkSchema, loadDataset, type LoadResult, type Progress } from './load.ts';

export interface SeedOptions {
  scale: number;
  seed: number;
  end: number;
  /** Replace a database that already holds patients (otherwise db:seed refuses to touch it). */
  replace?: boolean;
}

/** What the target database holds before seeding. */
export interface HeldData {
  database: string;
  patients: number;
  auditRows: number;
}

/** Asked, after --replace, before replacing a database that holds patients; false changes nothing. */
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
  generateMs: number;
  loadMs: number;
}

/**
 * Generates the dataset and replaces both stores' domain data with it. A database that already holds
 * patients is replaced only with `opts.replace` (and `confirm`, when given, agreeing); the replacement is
 * audited before anything is changed.
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
  await checkSchema(config.mysql.url);
  await guardAndAudit(config.mysql.url, opts, confirm);
  const mongo = await connectMongo(config.mongo.uri);
  try {
    const t0 = performance.now();
    const dataset = generate({ ...opts, timeZone: config.timeZone });
    const t1 = performance.now();
    const result = await loadDataset(dataset, config.mysql.url, mongo.db(config.mongo.database), progress);
    const t2 = performance.now();
    return { ...result, days: scalePlan(opts.scale).days, generateMs: t1 - t0, loadMs: t2 - t1 };
  } finally {
    await mongo.close();
  }
}

/** How many patients and audit rows the database at `url` holds. */
export async function heldData(url: string): Promise<HeldData> {
  const conn = await connect(url);
  try {
    return await countHeld(conn, url);
  } catch (err) {
    throw describeMysqlError(err, url);
  } finally {
    await conn.end();
  }
}

async function countHeld(conn: Db, url: string): Promise<HeldData> {
  const [overview, audit] = await Promise.all([dataOverview(conn), auditRowCount(conn)]);
  return {
    database: databaseName(url),
    patients: Number(overview?.patients ?? 0),
    auditRows: Number(audit?.n ?? 0),
  };
}

async function guardAndAudit(
  url: string,
  opts: SeedOptions,
  confirm: ConfirmReplace | undefined,
): Promise<void> {
  const conn = await connect(url);
  try {
    const held = await countHeld(conn, url);
    const holding = `${held.database} holds ${count(held.patients, 'patient')} and ${count(held.auditRows, 'audit row')}`;
    if (held.patients > 0 && !opts.replace)
      throw new UserError(
        'forbidden',
        `${holding}; db:seed would replace the patients with synthetic ones. Nothing was changed: run again with --replace to replace them.`,
      );
    if (held.patients > 0 && confirm && !(await confirm(held)))
      throw new UserError('forbidden', `The name typed is not ${held.database}. Nothing was changed.`);
    await recordAudit(conn, {
      source: 'console',
      actorId: null,
      command: 'db:seed',
      options: {
        scale: opts.scale,
        seed: opts.seed,
        end: new Date(opts.end).toISOString(),
        replace: opts.replace === true,
      },
      patientIds: [],
      rowCount: null,
      outcome: 'ok',
      latencyMs: null,
      detail: `replacing the domain data (${count(held.patients, 'patient')}) with synthetic data`,
    });
  } catch (err) {
    throw describeMysqlError(err, url);
  } finally {
    await conn.end();
  }
}

const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

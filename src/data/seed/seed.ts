import { z } from 'zod';
import type { Config } from '../../config.ts';
import { UserError } from '../../core/errors.ts';
import { parseIsoDate } from '../../core/time.ts';
import { connectMongo } from '../mongo.ts';
import { generate, scalePlan } from './generate.ts';
import { checkSchema, loadDataset, type LoadResult, type Progress } from './load.ts';

export interface SeedOptions {
  scale: number;
  seed: number;
  end: number;
}

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

/** Generates the dataset and replaces both stores' domain data with it. */
export async function runSeed(config: Config, opts: SeedOptions, progress: Progress): Promise<SeedResult> {
  if (config.env === 'production') {
    throw new UserError(
      'misconfigured',
      'db:seed replaces all patient data with synthetic data; it does not run with NODE_ENV=production.',
    );
  }
  await checkSchema(config.mysql.url);
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

import { hitRateLimit, type RateDecision } from '../data/rate-limit.queries.ts';
import { withTimeout, type Actor } from '../runner/execute.ts';
import { rateLimited } from '../ops/metrics.ts';
import { answerUnavailable, auditDenied, type HandlerDeps } from './interaction.ts';

/** How long a rate limit check may take. */
const RATE_CHECK_MS = 1_000;

/** "in 3 minutes", "in 1 minute", "in 40 seconds". */
function waitWords(ms: number): string {
  if (ms >= 60_000) {
    const m = Math.ceil(ms / 60_000);
    return `${m} ${m === 1 ? 'minute' : 'minutes'}`;
  }
  const sec = Math.max(1, Math.ceil(ms / 1_000));
  return `${sec} ${sec === 1 ? 'second' : 'seconds'}`;
}

/**
 * Counts one use against the person's limit for `bucket`. Refused (over the limit, or the count could not
 * be kept): audited, and the words for the person returned; undefined when the use may go ahead.
 */
export async function overLimit(
  { ctx, config, log }: Pick<HandlerDeps, 'ctx' | 'config' | 'log'>,
  bucket: 'phi' | 'autocomplete' | 'heavy',
  actor: Actor,
  command: string,
  options: Record<string, unknown> | null,
): Promise<string | undefined> {
  const limit = config.rateLimits[bucket];
  let decision: RateDecision;
  try {
    decision = await withTimeout(
      hitRateLimit(ctx.sql, { bucket, ...limit }, actor.actorId ?? ''),
      RATE_CHECK_MS,
    );
  } catch (err) {
    // Without a count there is no limit: refuse rather than read patients unmetered. On the record like
    // every refusal; it shows nothing, so the answer does not wait for the row.
    return answerUnavailable({ ctx, log }, actor, command, {
      what: 'the rate limit could not be checked',
      err,
      logMessage: 'rate limit could not be checked',
      options,
    });
  }
  if (decision.allowed) return undefined;
  rateLimited.inc({ command });
  await auditDenied(ctx, actor, `${command} (rate limited)`, 'rate limited', options);
  const what = {
    phi: 'patient commands',
    autocomplete: 'suggestions',
    heavy: `reports over ${config.fairShare.heavyDays} days or more`,
  }[bucket];
  return `Slow down: you have reached the limit of ${limit.max} ${what} in ${waitWords(limit.windowMs)}. Try again in ${waitWords(decision.retryAfterMs)}.`;
}

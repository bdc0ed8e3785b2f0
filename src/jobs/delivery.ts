/** How the scheduled posts (daily summary, surge alerts) deliver to Discord: the retry policy they share. */

/** Waits before the 2nd, 3rd, 4th and 5th attempt. */
export const RETRY_DELAYS_MS = [1_000, 4_000, 15_000, 60_000];

/** The HTTP status Discord answered with, if it answered. */
export function statusOf(err: unknown): number | undefined {
  const status = (err as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

/** Discord's error code (its JSON `code`), if it answered with one. */
export function codeOf(err: unknown): number | undefined {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'number' ? code : undefined;
}

/** Discord's code for a direct message it will not deliver (the member does not accept DMs from the bot). */
export const DM_REFUSED = 50007;

/** Network errors, rate limits and Discord's 5xx are worth retrying; 403, 404 and other 4xx are not. */
export function isTransient(err: unknown): boolean {
  const status = statusOf(err);
  return status === undefined || status === 429 || status >= 500;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt(n)` (n from 0) until it succeeds, retrying transient failures after each delay of
 * RETRY_DELAYS_MS; `onRetry` is told before each wait. Throws the error that ends the attempts.
 */
export async function withRetries<T>(
  attempt: (n: number) => Promise<T>,
  opts: { sleep?: (ms: number) => Promise<void>; onRetry: (err: unknown, n: number) => void },
): Promise<T> {
  const sleep = opts.sleep ?? wait;
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      const delay = RETRY_DELAYS_MS[n];
      if (!isTransient(err) || delay === undefined) throw err;
      opts.onRetry(err, n + 1);
      await sleep(delay);
    }
  }
}

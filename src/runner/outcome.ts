import { sanitizeLines, sanitizeText } from '../core/text.ts';
import type { Outcome } from './execute.ts';

export interface Described {
  /** For the person, with a reference where there is something to look up; control characters removed. */
  message: string;
  /** How the front end logs it: a mistake is not logged, an outage is a warning, a bug an error. */
  level: 'none' | 'warn' | 'error';
  /** For the terminal's exit code: 2 usage error, 3 unavailable, 1 internal failure. */
  exitCode: 1 | 2 | 3;
}

/**
 * What a person is told when a command did not produce a reply: the same words in Discord and the terminal.
 * `detail` adds an internal failure's own message, for the terminal's operator (never in Discord).
 */
export function describeOutcome(
  outcome: Exclude<Outcome, { kind: 'reply' }>,
  opts: { detail?: boolean } = {},
): Described {
  switch (outcome.kind) {
    case 'user_error':
      return { message: sanitizeLines(outcome.error.message), level: 'none', exitCode: 2 };
    case 'unavailable':
      return {
        message: `hers-bot cannot reach its data right now (temporarily unavailable). Please try again in a minute. Reference: ${outcome.reference}`,
        level: 'warn',
        exitCode: 3,
      };
    case 'failure': {
      const e = outcome.error;
      const detail = opts.detail ? ` (${sanitizeText(e instanceof Error ? e.message : String(e))})` : '';
      return {
        message: `Something went wrong on our side. Reference: ${outcome.reference}${detail}`,
        level: 'error',
        exitCode: 1,
      };
    }
  }
}

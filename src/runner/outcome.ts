import type { Outcome } from './execute.ts';

export interface Described {
  /** One line (or a few) for the person, with a reference where there is something to look up. */
  message: string;
  /** How the front end logs it: a mistake is not logged, an outage is a warning, a bug an error. */
  level: 'none' | 'warn' | 'error';
  /** For the terminal's exit code: 2 usage error, 3 unavailable, 1 internal failure. */
  exitCode: 1 | 2 | 3;
}

/** What a person is told when a command did not produce a reply: the same words in Discord and the terminal. */
export function describeOutcome(outcome: Exclude<Outcome, { kind: 'reply' }>): Described {
  switch (outcome.kind) {
    case 'user_error':
      return { message: outcome.error.message, level: 'none', exitCode: 2 };
    case 'unavailable':
      return {
        message: `hers-bot cannot reach its data right now (temporarily unavailable). Please try again in a minute. Reference: ${outcome.reference}`,
        level: 'warn',
        exitCode: 3,
      };
    case 'failure':
      return {
        message: `Something went wrong on our side. Reference: ${outcome.reference}`,
        level: 'error',
        exitCode: 1,
      };
  }
}

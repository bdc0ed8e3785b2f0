/**
 * Expected failures carry a stable code and a message meant for the person who caused or can fix them.
 * Anything that is not a UserError is unexpected: it is logged in full and shown only as a reference.
 */
export type UserErrorCode =
  | 'invalid_option'
  | 'invalid_argument'
  | 'not_found'
  | 'empty_result'
  | 'unavailable'
  | 'misconfigured'
  | 'forbidden';

export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
    readonly context: Record<string, unknown> = {},
    /**
     * The patients the message identifies (an answer listing several matches by MRN): the audit trail
     * records them, and the message is shown only once that record is written.
     */
    readonly patientIds: readonly number[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError;
}

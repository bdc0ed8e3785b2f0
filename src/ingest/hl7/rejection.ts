/**
 * Why a message is not applied, as its acknowledgement says it: AR (rejected: malformed, unsupported or from
 * a sender not allowed) or AE (error: it failed validation or could not be applied), the HL7 error code of
 * table 0357, the field at fault (such as PID-3) and a reason. Reasons name rules, never a value: they are
 * stored and logged, and a value could be patient data.
 */
export type ErrorCode =
  | '100' // segment sequence error
  | '101' // required field missing
  | '102' // data type error
  | '103' // table value not found
  | '200' // unsupported message type
  | '201' // unsupported event code
  | '203' // unsupported version id
  | '207'; // application internal error

export class Rejection extends Error {
  constructor(
    readonly ack: 'AE' | 'AR',
    readonly errorCode: ErrorCode,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field} ${reason}`);
    this.name = 'Rejection';
  }
}

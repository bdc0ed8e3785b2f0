import type { Header } from './header.ts';
import { hl7Now } from './hl7-time.ts';
import type { ErrorCode } from './rejection.ts';

/** What an acknowledgement says: AA, or AE/AR with the HL7 error code, the field at fault and a reason. */
export type Outcome =
  { ack: 'AA' } | { ack: 'AE' | 'AR'; errorCode: ErrorCode; field: string; reason: string };

const CODE_TEXT: Record<ErrorCode, string> = {
  '100': 'Segment sequence error',
  '101': 'Required field missing',
  '102': 'Data type error',
  '103': 'Table value not found',
  '200': 'Unsupported message type',
  '201': 'Unsupported event code',
  '203': 'Unsupported version id',
  '207': 'Application internal error',
};

let sequence = 0;

/**
 * An original-mode acknowledgement (MSH, MSA, and ERR when not AA) in standard delimiters. The ERR carries
 * both the v2.3/2.4 form (ERR-1) and the v2.5+ form (ERR-2 location, ERR-3 code, ERR-4 severity, ERR-8
 * message), so every receiver finds the field and the reason where it looks.
 */
export function buildAck(header: Partial<Header>, outcome: Outcome, now = Date.now()): string {
  const e = escapeText;
  const version = /^2\.\d/.test(header.version ?? '') ? header.version : '2.5';
  const msh = [
    'MSH',
    '^~\\&',
    e(header.receivingApplication ?? 'HERS'),
    e(header.receivingFacility ?? ''),
    e(header.sendingApplication ?? ''),
    e(header.sendingFacility ?? ''),
    hl7Now(now),
    '',
    `ACK^${e(header.event ?? '')}^ACK`,
    `HERS${now}${(sequence = (sequence + 1) % 1_000_000)}`,
    /^[PDT]$/.test(header.processingId ?? '') ? header.processingId : 'P',
    version,
  ].join('|');
  if (outcome.ack === 'AA') return `${msh}\rMSA|AA|${e(header.controlId ?? '')}\r`;
  const text = CODE_TEXT[outcome.errorCode];
  const where = location(outcome.field);
  const message = `${outcome.field} ${outcome.reason}`;
  const msa = `MSA|${outcome.ack}|${e(header.controlId ?? '')}|${e(message).slice(0, 80)}`;
  const err = [
    'ERR',
    `${where}^${outcome.errorCode}&${text}`,
    where,
    `${outcome.errorCode}^${text}^HL70357`,
    'E',
    '',
    '',
    '',
    e(message),
  ].join('|');
  return `${msh}\r${msa}\r${err}\r`;
}

/** PID-3 as the ERL PID^1^3; anything else (a whole segment) as its name alone. */
function location(field: string): string {
  const m = /^([A-Z][A-Z0-9]{2})-(\d+)$/.exec(field);
  if (m) return `${m[1]}^1^${m[2]}`;
  return /^[A-Z][A-Z0-9]{2}$/.test(field) ? field : '';
}

/** Text in a field, with the standard delimiters escaped and line breaks removed. */
function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\E\\')
    .replace(/\|/g, '\\F\\')
    .replace(/\^/g, '\\S\\')
    .replace(/&/g, '\\T\\')
    .replace(/~/g, '\\R\\')
    .replace(/[\r\n]/g, ' ');
}

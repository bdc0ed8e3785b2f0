import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

/**
 * Structured JSON logs on stderr. Secrets are redacted wherever they might be passed in, and errors
 * (under `err` or `error`, and their causes) keep only what identifies the failure: never SQL text or
 * parameters, request or response bodies, or option values.
 */
export function createLogger(
  config: Pick<Config, 'logLevel'>,
  destination: DestinationStream = pino.destination(2),
): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { app: 'hers-bot' },
      serializers: { err: serializeError, error: serializeError },
      redact: {
        paths: [...SECRETS, ...PAYLOADS].flatMap((key) => [key, `*.${key}`]).concat('config.discord.token'),
        censor: '[redacted]',
      },
    },
    destination,
  );
}

const SECRETS = ['token', 'password', 'authorization'];
/** Fields that carry what was asked or sent, wherever they appear outside an error. */
const PAYLOADS = ['options', 'body', 'requestBody', 'rawError', 'sql', 'parameters', 'values'];

/** What a logged error keeps. Everything else on it (sql, parameters, requestBody, rawError...) is dropped. */
export interface SerializedError {
  type: string;
  message: string;
  code?: string | number;
  errno?: number;
  sqlState?: string;
  status?: number;
  method?: string;
  url?: string;
  stack?: string;
  cause?: SerializedError;
  errors?: SerializedError[];
}

const MAX_MESSAGE = 300;
const MAX_FRAMES = 12;
const MAX_DEPTH = 3;
const MAX_ERRORS = 5;

/** The pino serializer for `err` and `error`: see SerializedError. */
export function serializeError(value: unknown): SerializedError {
  return serialize(value, 0);
}

function serialize(value: unknown, depth: number): SerializedError {
  if (value === null || typeof value !== 'object') {
    return { type: typeof value, message: safeMessage(String(value), false) };
  }
  const e = value as Record<string, unknown>;
  const type = typeName(value);
  const fromDatabase = typeof e.sqlState === 'string' || typeof e.sqlMessage === 'string';
  const message = safeMessage(typeof e.message === 'string' ? e.message : '', fromDatabase);
  const out: SerializedError = { type, message };
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = e.code;
  if (typeof e.errno === 'number') out.errno = e.errno;
  if (typeof e.sqlState === 'string') out.sqlState = e.sqlState;
  if (typeof e.status === 'number') out.status = e.status;
  if (typeof e.method === 'string') out.method = e.method.slice(0, 10);
  if (typeof e.url === 'string') out.url = urlPath(e.url);
  if (typeof e.stack === 'string') out.stack = [`${type}: ${message}`, ...frames(e.stack)].join('\n');
  if (depth < MAX_DEPTH) {
    if (e.cause !== undefined) out.cause = serialize(e.cause, depth + 1);
    if (Array.isArray(e.errors))
      out.errors = e.errors.slice(0, MAX_ERRORS).map((inner) => serialize(inner, depth + 1));
  }
  return out;
}

function typeName(value: object): string {
  const name = (value as { name?: unknown }).name;
  if (typeof name === 'string' && name !== '') return name.slice(0, 60);
  return value.constructor?.name ?? 'Object';
}

/** A message without the values it may echo (see `maskMessage`), cut short. */
function safeMessage(message: string, fromDatabase: boolean): string {
  const m = maskMessage(message, fromDatabase);
  return m.length > MAX_MESSAGE ? `${m.slice(0, MAX_MESSAGE)}…` : m;
}

/**
 * A message without the values it may echo: quoted text is masked ("Duplicate entry '…' for key '…'"),
 * MRNs too. A database's syntax error quotes the statement: cut at "near". Logs use it, and so does the
 * error text an audit row keeps (src/data/audit.ts).
 */
export function maskMessage(message: string, fromDatabase: boolean): string {
  return maskQuoted(fromDatabase ? message.replace(/\s+near\s[\s\S]*$/, ' near …') : message).replace(
    /\bMRN\d+/gi,
    'MRN…',
  );
}

/** Each quoted span becomes '…'; an unmatched quote ends the message. */
function maskQuoted(m: string): string {
  let out = '';
  for (let i = 0; i < m.length; i++) {
    const ch = m[i] ?? '';
    if (ch !== "'" && ch !== '"' && ch !== '`') {
      out += ch;
      continue;
    }
    const end = m.indexOf(ch, i + 1);
    if (end < 0) return `${out}${ch}…`;
    out += `${ch}…${ch}`;
    i = end;
  }
  return out;
}

/** The "at ..." lines of a stack (its first lines repeat the message). */
function frames(stack: string): string[] {
  return stack
    .split('\n')
    .filter((line) => /^\s+at\s/.test(line))
    .slice(0, MAX_FRAMES);
}

/** A request URL's path without its query, and without the interaction or webhook token it may carry. */
function urlPath(url: string): string {
  const path = URL.canParse(url) ? new URL(url).pathname : (url.split(/[?#]/)[0] ?? '');
  return path.replace(/\/(webhooks|interactions)\/(\d+)\/[^/]+/g, '/$1/$2/:token').slice(0, 200);
}

import { z } from 'zod';

/**
 * The settings of the ADT listener (npm run hl7), composed into the environment schema by src/config.ts.
 * Pure: it reads only the environment loadConfig hands it.
 */

const whole = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const blankIsUnset = (v: unknown) => (v === '' ? undefined : v);

/** MSH-3^MSH-4 pairs, comma-separated; empty allows every sender. */
const SenderList = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0),
  )
  .pipe(
    z.array(
      z
        .string()
        .regex(
          /^[^^,|~\\&]*\^[^^,|~\\&]*$/,
          'must list senders as MSH-3^MSH-4 pairs, comma-separated, such as EPIC^GENERAL',
        ),
    ),
  );

const FilePath = z.preprocess(blankIsUnset, z.string().min(1).optional());

export const Hl7EnvShape = {
  HL7_HOST: z
    .string()
    .regex(/^[A-Za-z0-9.:[\]-]{1,253}$/, 'must be a host name or an IP address, such as 127.0.0.1')
    .default('127.0.0.1'),
  HL7_PORT: whole(0, 65_535).default(2575),
  HL7_RETENTION_DAYS: whole(1, 3_650).default(30),
  HL7_MAX_FRAME_BYTES: whole(1_024, 64 * 1024 * 1024).default(1024 * 1024),
  HL7_IDLE_SECONDS: whole(1, 86_400).default(300),
  HL7_ALLOWED_SENDERS: SenderList,
  HL7_TLS_CERT: FilePath,
  HL7_TLS_KEY: FilePath,
};

type Hl7Env = z.infer<z.ZodObject<typeof Hl7EnvShape>>;

export interface Hl7Settings {
  host: string;
  port: number;
  retentionDays: number;
  maxFrameBytes: number;
  idleMs: number;
  /** Empty: every sender is taken. */
  allowedSenders: string[];
  /** MLLP over TLS when both are set: the paths of a PEM certificate (chain) and its private key. */
  tls: { certFile: string; keyFile: string } | undefined;
}

/** Rules between the keys, by key, for loadConfig to report with every other problem. */
export function hl7Problems(env: Record<string, string | undefined>): [string, string][] {
  const cert = (env.HL7_TLS_CERT ?? '') !== '';
  const key = (env.HL7_TLS_KEY ?? '') !== '';
  if (cert && !key) return [['HL7_TLS_KEY', 'is required when HL7_TLS_CERT is set']];
  if (key && !cert) return [['HL7_TLS_CERT', 'is required when HL7_TLS_KEY is set']];
  return [];
}

export function hl7Settings(e: Hl7Env): Hl7Settings {
  return {
    host: e.HL7_HOST,
    port: e.HL7_PORT,
    retentionDays: e.HL7_RETENTION_DAYS,
    maxFrameBytes: e.HL7_MAX_FRAME_BYTES,
    idleMs: e.HL7_IDLE_SECONDS * 1000,
    allowedSenders: e.HL7_ALLOWED_SENDERS,
    tls: e.HL7_TLS_CERT && e.HL7_TLS_KEY ? { certFile: e.HL7_TLS_CERT, keyFile: e.HL7_TLS_KEY } : undefined,
  };
}

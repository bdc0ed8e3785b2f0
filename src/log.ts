import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

/** Structured JSON logs on stderr. Secrets are redacted wherever they might be passed in. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { app: 'hers-bot' },
      redact: {
        paths: [
          'token',
          '*.token',
          'password',
          '*.password',
          'config.discord.token',
          'authorization',
          '*.authorization',
        ],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}

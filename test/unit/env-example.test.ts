import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EnvSchema, loadConfig } from '../../src/config.ts';

const example = parseEnv(readFileSync(new URL('../../.env.example', import.meta.url), 'utf8'));

describe('.env.example', () => {
  it('is a valid configuration that lists every setting', () => {
    expect(() => loadConfig(example)).not.toThrow();
    expect(Object.keys(example).sort()).toEqual(Object.keys(EnvSchema.shape).sort());
  });

  it('runs the bot as its own database user, hers_bot, not root', () => {
    expect(new URL(loadConfig(example).mysql.url).username).toBe('hers_bot');
  });
});

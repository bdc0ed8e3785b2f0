import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.problems;
  }
};

describe('HL7 listener settings', () => {
  it('default to 127.0.0.1:2575, 30 days, 1 MB frames, every sender, no TLS', () => {
    expect(loadConfig({}).hl7).toEqual({
      host: '127.0.0.1',
      port: 2575,
      retentionDays: 30,
      maxFrameBytes: 1024 * 1024,
      idleMs: 300_000,
      allowedSenders: [],
      tls: undefined,
    });
  });

  it('read a list of senders and a certificate with its key', () => {
    const hl7 = loadConfig({
      HL7_ALLOWED_SENDERS: 'EPIC^GENERAL, LAB^NORTH',
      HL7_TLS_CERT: '/etc/hl7/cert.pem',
      HL7_TLS_KEY: '/etc/hl7/key.pem',
    }).hl7;
    expect(hl7.allowedSenders).toEqual(['EPIC^GENERAL', 'LAB^NORTH']);
    expect(hl7.tls).toEqual({ certFile: '/etc/hl7/cert.pem', keyFile: '/etc/hl7/key.pem' });
  });

  it('with bad values, names each key and the rule, never the value', () => {
    const problems = problemsOf({
      HL7_PORT: 'twenty',
      HL7_RETENTION_DAYS: '0',
      HL7_MAX_FRAME_BYTES: '10',
      HL7_IDLE_SECONDS: '-5',
      HL7_ALLOWED_SENDERS: 'EPIC',
      HL7_TLS_CERT: '/etc/hl7/cert.pem',
    });
    expect(problems.map((p) => p.key).sort()).toEqual([
      'HL7_ALLOWED_SENDERS',
      'HL7_IDLE_SECONDS',
      'HL7_MAX_FRAME_BYTES',
      'HL7_PORT',
      'HL7_RETENTION_DAYS',
      'HL7_TLS_KEY',
    ]);
    expect(problems.find((p) => p.key === 'HL7_TLS_KEY')?.message).toBe(
      'is required when HL7_TLS_CERT is set',
    );
    expect(problems.find((p) => p.key === 'HL7_ALLOWED_SENDERS')?.message).toMatch(/MSH-3\^MSH-4 pairs/);
    expect(JSON.stringify(problems)).not.toContain('twenty');
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adt, hl7Time } from '../../dev/hl7-messages.ts';
import { migrate } from '../../src/data/migrate.ts';
import { createPool, type Pool } from '../../src/data/mysql.ts';
import { startListener, type Hl7Listener } from '../../src/ingest/hl7/listener.ts';
import { ackCode, MllpClient } from '../../src/ingest/hl7/mllp-client.ts';
import { createLogger } from '../../src/log.ts';
import { testDatabases } from '../support/databases.ts';

const db = testDatabases('hl7_tls');
const dir = mkdtempSync(join(tmpdir(), 'hers-hl7-tls-'));
const cert = join(dir, 'cert.pem');
const key = join(dir, 'key.pem');
let pool: Pool;
let listener: Hl7Listener;

beforeAll(async () => {
  // A self-signed certificate for 127.0.0.1, made for this test.
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  await migrate(db.mysqlUrl);
  pool = createPool(db.mysqlUrl, 3);
  listener = await startListener({
    settings: {
      ...db.config.hl7,
      port: 0,
      allowedSenders: ['DEMO-EHR^GENERAL'],
      tls: { certFile: cert, keyFile: key },
    },
    timeZone: db.config.timeZone,
    pool,
    log: createLogger({ logLevel: 'silent' }),
  });
});

afterAll(async () => {
  await listener?.close();
  await pool?.end();
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

const message = (sender?: [string, string]) =>
  adt({
    event: 'A04',
    controlId: `TLS-${sender?.[0] ?? 'ok'}`,
    at: hl7Time(Date.now() - 60_000),
    mrn: 'TLS-1',
    family: 'Secure',
    given: 'Sam',
    birthDate: '19850505',
    visit: 'T1',
    sender,
  });

describe('hl7 listener over TLS with HL7_ALLOWED_SENDERS', () => {
  it('takes an allowed sender over TLS and refuses another with AR naming MSH-3', async () => {
    const client = await MllpClient.connect(listener.address.port, '127.0.0.1', { ca: readFileSync(cert) });
    expect(ackCode(await client.send(message()))).toBe('AA');
    const refused = await client.send(message(['OTHER', 'CLINIC']));
    expect(ackCode(refused)).toBe('AR');
    expect(refused).toContain('MSH-3 with MSH-4 is not a sender this listener takes');
    await client.close();
  });

  it('does not speak plain MLLP on the TLS port', async () => {
    const plain = await MllpClient.connect(listener.address.port);
    await expect(plain.send(message())).rejects.toThrow();
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adt, hl7Time, type AdtSpec } from '../../dev/hl7-messages.ts';
import { migrate } from '../../src/data/migrate.ts';
import { connect, type Connection } from '../../src/data/mysql.ts';
import { frame } from '../../src/ingest/hl7/mllp.ts';
import { ackCode, MllpClient } from '../../src/ingest/hl7/mllp-client.ts';
import { testDatabases } from '../support/databases.ts';

/** The listener as an operator runs it: `npm run hl7`'s entry point in its own process. */
const db = testDatabases('hl7_e2e');
let port: number;
let conn: Connection;
let child: ChildProcess | undefined;
let stderr = '';

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const p = (s.address() as net.AddressInfo).port;
  await new Promise((resolve) => s.close(resolve));
  return p;
}

async function startListener(): Promise<ChildProcess> {
  // One process (not tsx's wrapper and its child), so that SIGKILL reaches the listener itself.
  const c = spawn(process.execPath, ['tools/launch.mjs', 'src/cli/hl7.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      ...db.env,
      HL7_PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  c.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    c.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('listening')) resolve();
    });
    c.once('exit', (code) => reject(new Error(`listener exited (${code}): ${stderr}`)));
  });
  return c;
}

const exited = (c: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (c.exitCode !== null || c.signalCode !== null) resolve(c.exitCode);
    else c.once('exit', (code) => resolve(code));
  });

const MINUTE = 60_000;
const base = Date.now() - 90 * MINUTE;
const at = (m: number) => hl7Time(base + m * MINUTE);
const person = (mrn: string) => ({ mrn, family: 'Ørsted', given: 'Ana', birthDate: '19911111', sex: 'F' });
const msg = (s: Omit<AdtSpec, 'at'> & { minute: number }) => adt({ ...s, at: at(s.minute) });

const rows = async (sql: string, params: unknown[] = []) =>
  (await conn.query<RowDataPacket[]>(sql, params))[0];
const visitOf = async (number: string) =>
  (
    await rows(
      `SELECT v.arrived_at, v.departed_at, v.reason, d.decision FROM hl7_visit h JOIN er_visit v ON v.id = h.visit_id
       LEFT JOIN disposition_decision d ON d.visit_id = v.id WHERE h.visit_number = ?`,
      [number],
    )
  )[0];

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  port = await freePort();
  conn = await connect(db.mysqlUrl);
  child = await startListener();
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await exited(child);
  }
  await conn?.end();
  await db.drop();
});

describe('npm run hl7 (a real listener process)', () => {
  it('killed with SIGKILL right after an AA, keeps the effect; a resend after restart applies once', async () => {
    const client = await MllpClient.connect(port);
    const text = msg({
      event: 'A04',
      controlId: 'KILL-1',
      minute: 0,
      ...person('KILL-1'),
      visit: 'K1',
      arrival: at(0),
    });
    expect(ackCode(await client.send(text))).toBe('AA');
    child?.kill('SIGKILL');
    await exited(child as ChildProcess);
    child = await startListener();
    expect(await visitOf('K1')).toMatchObject({ departed_at: null });
    const again = await MllpClient.connect(port);
    expect(ackCode(await again.send(text))).toBe('AA');
    expect(await rows(`SELECT COUNT(*) AS n FROM er_visit`)).toEqual([{ n: 1 }]);
    await again.close();
  });

  it('A03 before A04 gives the same visit as A04 then A03', async () => {
    const client = await MllpClient.connect(port);
    const a04 = (v: string, id: string) =>
      msg({
        event: 'A04',
        controlId: id,
        minute: 1,
        ...person(v),
        visit: v,
        arrival: at(1),
        complaint: 'Syncope',
      });
    const a03 = (v: string, id: string) =>
      msg({
        event: 'A03',
        controlId: id,
        minute: 45,
        ...person(v),
        visit: v,
        arrival: at(1),
        departure: at(45),
        disposition: '01',
      });
    for (const text of [a04('IN', 'IN-1'), a03('IN', 'IN-2'), a03('OUT', 'OUT-1'), a04('OUT', 'OUT-2')])
      expect(ackCode(await client.send(text))).toBe('AA');
    expect(await visitOf('OUT')).toEqual(await visitOf('IN'));
    expect(await visitOf('IN')).toMatchObject({ reason: 'Syncope', decision: 'Discharge' });
    await client.close();
  });

  it('answers each malformed kind AE or AR and changes nothing', async () => {
    const client = await MllpClient.connect(port);
    const snapshot = async () =>
      JSON.stringify(
        await Promise.all(
          ['patient', 'er_visit', 'allergy'].map((t) => rows(`SELECT * FROM ${t} ORDER BY id`)),
        ),
      );
    const before = await snapshot();
    const good = msg({ event: 'A04', controlId: 'M-1', minute: 2, ...person('MAL-1'), visit: 'M1' });
    const bad = [
      good.replace('MAL-1^^^GENERAL^MR', ''),
      good.replace('ADT^A04^ADT_A01', 'SIU^S12'),
      good.replace('|2.5.1', '|3.0'),
      good.replace('MSH|^~\\&', 'MSH|^~'),
      good.replace('19911111', 'yesterday'),
      good.replace(/\rEVN[^\r]*/, '').replace(/\|\d{14}\+0000\|\|ADT/, '|||ADT'),
      'not an HL7 message at all',
    ];
    for (const text of bad) expect(['AE', 'AR']).toContain(ackCode(await client.send(text)));
    expect(await snapshot()).toBe(before);
    await client.close();
  });

  it('after 10,000 fuzzed frames and garbage connections, keeps serving', async () => {
    let seed = 17;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const seedText = msg({ event: 'A08', controlId: 'FZ', minute: 3, ...person('FUZZ-1'), visit: 'FZ1' });
    const fuzz = (i: number): Buffer => {
      const bytes = Buffer.from(seedText.replace('|FZ|', `|FZ-${i}|`));
      const edits = 1 + Math.floor(random() * 8);
      for (let e = 0; e < edits; e++) {
        const pos = Math.floor(random() * bytes.length);
        bytes[pos] = Math.floor(random() * 256);
      }
      const cut = random() < 0.2 ? Math.floor(random() * bytes.length) : bytes.length;
      // Frame bytes stay out of the body, so each fuzzed message is exactly one frame.
      return frame(bytes.subarray(0, cut).toString('latin1').replaceAll('\x0b', 'x').replaceAll('\x1c', 'x'));
    };
    const garbage = await MllpClient.connect(port);
    garbage.socket.write(Buffer.alloc(10_000, 0x41));
    const client = await MllpClient.connect(port);
    const answers = new Map<string, number>();
    for (let start = 0; start < 10_000; start += 250) {
      const batch = Array.from({ length: 250 }, (_, k) => client.sendRaw(fuzz(start + k)));
      for (const ack of await Promise.all(batch))
        answers.set(ackCode(ack), (answers.get(ackCode(ack)) ?? 0) + 1);
    }
    expect([...answers.values()].reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(answers.has('')).toBe(false);
    const fresh = await MllpClient.connect(port);
    const ok = msg({ event: 'A04', controlId: 'AFTER-FUZZ', minute: 4, ...person('AFTER-1'), visit: 'AF1' });
    expect(ackCode(await fresh.send(ok))).toBe('AA');
    await Promise.all([client.close(), fresh.close(), garbage.close()]);
    expect(child?.exitCode).toBeNull();
    expect(stderr).toContain('bytes outside MLLP frames');
    expect(stderr).not.toContain('Ørsted');
  });

  it('stops cleanly on SIGTERM', async () => {
    const c = child as ChildProcess;
    let out = '';
    c.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    c.kill('SIGTERM');
    expect(await exited(c)).toBe(0);
    expect(out).toContain('hl7: stopped');
  });
});

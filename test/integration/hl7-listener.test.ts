import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adt, hl7Time, type AdtSpec } from '../../dev/hl7-messages.ts';
import { openContext } from '../../src/context.ts';
import { alertMeasures } from '../../src/data/alerts.queries.ts';
import type { Context } from '../../src/runner/command.ts';
import { migrate } from '../../src/data/migrate.ts';
import { connect, createPool, type Connection, type Pool } from '../../src/data/mysql.ts';
import { factsOutOfStep } from '../support/visit-facts.ts';
import { startListener, type Hl7Listener } from '../../src/ingest/hl7/listener.ts';
import { ackCode, MllpClient } from '../../src/ingest/hl7/mllp-client.ts';
import { createLogger } from '../../src/log.ts';
import { testDatabases } from '../support/databases.ts';
import { replyTo } from '../support/run-command.ts';

const db = testDatabases('hl7_listener');
let pool: Pool;
let listener: Hl7Listener;
let client: MllpClient;
let conn: Connection;
let ctx: Context;
let closeCtx: () => Promise<void>;
const logLines: string[] = [];

const MINUTE = 60_000;
const base = Date.now() - 60 * MINUTE;
const at = (minutes: number) => hl7Time(base + minutes * MINUTE);
let seq = 0;
const id = (label: string) => `${label}-${++seq}`;

const patientSpec = (mrn: string) => ({
  mrn,
  family: 'Nguyễn',
  given: 'Zoë',
  birthDate: '19700315',
  sex: 'F',
  phone: '555-0199',
});

async function send(spec: Omit<AdtSpec, 'controlId'> & { controlId?: string }, c = client) {
  const ack = await c.send(adt({ controlId: id(spec.event), ...spec }));
  return { code: ackCode(ack), ack };
}

const rows = async (sql: string, params: unknown[] = []) =>
  (await conn.query<RowDataPacket[]>(sql, params))[0];

/** Every domain row an ADT message can touch, to show that a refused message changed nothing. */
async function domainSnapshot(): Promise<string> {
  const tables = ['patient', 'er_visit', 'allergy', 'diagnosis', 'disposition_decision', 'hl7_visit'];
  return JSON.stringify(await Promise.all(tables.map((t) => rows(`SELECT * FROM ${t} ORDER BY 1`))));
}

async function visitOf(visitNumber: string) {
  const [row] = await rows(
    `SELECT v.*, p.mrn, d.decision FROM hl7_visit h JOIN er_visit v ON v.id = h.visit_id
     JOIN patient p ON p.id = v.patient_id LEFT JOIN disposition_decision d ON d.visit_id = v.id
     WHERE h.visit_number = ?`,
    [visitNumber],
  );
  return row;
}

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  pool = createPool(db.mysqlUrl, 5);
  const log = createLogger({ logLevel: 'info' }, { write: (line: string) => void logLines.push(line) });
  listener = await startListener({
    settings: { ...db.config.hl7, port: 0, maxFrameBytes: 64 * 1024, idleMs: 1_500 },
    timeZone: db.config.timeZone,
    pool,
    log,
  });
  client = await MllpClient.connect(listener.address.port);
  conn = await connect(db.mysqlUrl);
  ({ ctx, close: closeCtx } = await openContext(db.config));
});

afterAll(async () => {
  await client?.close();
  await listener?.close();
  await pool?.end();
  await conn?.end();
  await closeCtx?.();
  await db.drop();
});

describe('hl7 listener: live effect', () => {
  it('an A04 over MLLP shows in /er census, /er flow, the surge alert census and /summary; its A03 takes the patient out', async () => {
    const before = await replyTo(ctx, '/er census');
    const alertCensus = async () => (await alertMeasures(pool, new Date(), 30)).census;
    const censusBefore = await alertCensus();
    const reg = await send({
      event: 'A04',
      at: at(0),
      ...patientSpec('LIVE-1'),
      visit: 'LV1',
      arrival: at(0),
      complaint: 'Chest pain',
    });
    expect(reg.code).toBe('AA');
    const during = await replyTo(ctx, '/er census');
    const count = (text: string | undefined) => Number(/^(\d+) patients?/.exec(text ?? '')?.[1] ?? 0);
    expect(count(during.summary)).toBe(count(before.summary) + 1);
    expect(during.summary).toContain('condition not recorded');
    expect(during.table?.rows.find((r) => r[0] === 'not recorded')?.[1]).toBe(1);
    expect(await alertCensus()).toBe(censusBefore + 1);
    // The daily summary counts a visit without condition or triage level among the arrivals.
    expect((await replyTo(ctx, '/summary')).summary).toBeDefined();
    const flow = await replyTo(ctx, '/er flow window:24h');
    expect(flow.table?.rows.find((r) => r[0] === 'not recorded')?.[1]).toBeGreaterThanOrEqual(1);

    const dis = await send({
      event: 'A03',
      at: at(50),
      ...patientSpec('LIVE-1'),
      visit: 'LV1',
      departure: at(50),
      disposition: '01',
    });
    expect(dis.code).toBe('AA');
    expect(count((await replyTo(ctx, '/er census')).summary)).toBe(count(before.summary));
    expect(await alertCensus()).toBe(censusBefore);
    expect(await visitOf('LV1')).toMatchObject({ decision: 'Discharge', reason: 'Chest pain' });
  });
});

describe('hl7 listener: acknowledgements and idempotency', () => {
  it('a resent message (same sender and MSH-10) is answered AA again and applied once', async () => {
    const msg = adt({ event: 'A04', controlId: 'RESEND-1', at: at(1), ...patientSpec('RS-1'), visit: 'RV1' });
    expect(ackCode(await client.send(msg))).toBe('AA');
    const after = await domainSnapshot();
    expect(ackCode(await client.send(msg))).toBe('AA');
    expect(await domainSnapshot()).toBe(after);
    expect(await rows(`SELECT outcome FROM hl7_message WHERE control_id = 'RESEND-1'`)).toEqual([
      { outcome: 'AA' },
    ]);
  });

  it('A03 before its A04 gives the same visit as in order', async () => {
    const a04 = { event: 'A04', at: at(2), arrival: at(2), complaint: 'Fall' } as const;
    const a03 = { event: 'A03', at: at(30), arrival: at(2), departure: at(30), disposition: '09' } as const;
    for (const [visit, order] of [
      ['ORD-IN', [a04, a03]],
      ['ORD-OUT', [a03, a04]],
    ] as const) {
      for (const m of order) expect((await send({ ...m, ...patientSpec(visit), visit })).code).toBe('AA');
    }
    const pick = (v: RowDataPacket | undefined) => ({
      arrived_at: v?.arrived_at,
      departed_at: v?.departed_at,
      reason: v?.reason,
      decision: v?.decision,
    });
    expect(pick(await visitOf('ORD-OUT'))).toEqual(pick(await visitOf('ORD-IN')));
    expect(pick(await visitOf('ORD-IN'))).toMatchObject({
      reason: 'Fall',
      decision: 'Transfer to another department',
    });
  });

  it('per field, the later event time wins: an older A08 does not undo a newer name', async () => {
    const p = patientSpec('LATE-1');
    await send({ event: 'A04', at: at(3), ...p, visit: 'LT1' });
    await send({ event: 'A08', at: at(20), ...p, family: 'Newer' });
    await send({ event: 'A08', at: at(10), ...p, family: 'Older', phone: '555-0000' });
    const [row] = await rows(`SELECT last_name, phone FROM patient WHERE mrn = 'LATE-1'`);
    expect(row).toEqual({ last_name: 'Newer', phone: '555-0199' });
  });

  it('A11 cancels the visit, A13 cancels the discharge', async () => {
    const p = patientSpec('CANCEL-1');
    await send({
      event: 'A04',
      at: at(4),
      ...p,
      visit: 'CX1',
      diagnoses: [{ code: 'R07.9', text: 'Chest pain' }],
    });
    expect((await send({ event: 'A11', at: at(5), ...p, visit: 'CX1' })).code).toBe('AA');
    expect(await visitOf('CX1')).toBeUndefined();
    // A late copy of the registration does not bring the cancelled visit back.
    await send({ event: 'A04', at: at(4), ...p, visit: 'CX1' });
    expect(await visitOf('CX1')).toBeUndefined();

    await send({ event: 'A04', at: at(4), ...p, visit: 'CX2', arrival: at(4) });
    await send({ event: 'A03', at: at(40), ...p, visit: 'CX2', departure: at(40), disposition: '01' });
    expect((await visitOf('CX2'))?.departed_at).not.toBeNull();
    expect((await send({ event: 'A13', at: at(41), ...p, visit: 'CX2' })).code).toBe('AA');
    expect(await visitOf('CX2')).toMatchObject({ departed_at: null, decision: null });
  });

  it('A40 merges the prior MRN into the surviving patient, visits and allergies included', async () => {
    const allergies = [{ substance: 'Latex', severity: 'MO', reaction: 'Rash' }];
    await send({ event: 'A04', at: at(6), ...patientSpec('MERGE-OLD'), visit: 'MG1', allergies });
    await send({ event: 'A04', at: at(7), ...patientSpec('MERGE-NEW'), visit: 'MG2' });
    const merged = await send({
      event: 'A40',
      at: at(8),
      ...patientSpec('MERGE-NEW'),
      priorMrn: 'MERGE-OLD',
    });
    expect(merged.code).toBe('AA');
    expect(await rows(`SELECT id FROM patient WHERE mrn = 'MERGE-OLD'`)).toEqual([]);
    expect((await visitOf('MG1'))?.mrn).toBe('MERGE-NEW');
    const [allergy] = await rows(
      `SELECT a.substance, a.severity, a.reaction FROM allergy a JOIN patient p ON p.id = a.patient_id WHERE p.mrn = 'MERGE-NEW'`,
    );
    expect(allergy).toEqual({ substance: 'Latex', severity: 'moderate', reaction: 'Rash' });
  });

  it('custom delimiters, Z-segments, OBX and non-ASCII names are taken', async () => {
    const text = adt({
      event: 'A04',
      controlId: 'CUSTOM-1',
      at: at(9),
      ...patientSpec('CUST-1'),
      visit: 'CU1',
    })
      .replace(/\|/g, '#')
      .replace(/\^/g, '!')
      .concat('\rOBX#1#TX#note##free text\rZPI#anything#at#all');
    expect(ackCode(await client.send(text))).toBe('AA');
    const [row] = await rows(`SELECT first_name, last_name FROM patient WHERE mrn = 'CUST-1'`);
    expect(row).toEqual({ first_name: 'Zoë', last_name: 'Nguyễn' });
  });

  it('never stores PID-19 (SSN) outside the raw message', async () => {
    const text = adt({
      event: 'A04',
      controlId: 'SSN-1',
      at: at(9),
      ...patientSpec('SSN-1'),
      visit: 'SN1',
    }).replace(
      /\rPID\|([^\r]*)/,
      (_m, rest: string) => `\rPID|${rest}${'|'.repeat(18 - rest.split('|').length)}|123-45-6789`,
    );
    expect(ackCode(await client.send(text))).toBe('AA');
    const dump = JSON.stringify(await rows(`SELECT * FROM patient WHERE mrn = 'SSN-1'`));
    expect(dump).not.toContain('123-45-6789');
  });

  it("after the admissions, cancellations and merges above, every visit's measure facts match their view", async () => {
    expect(await factsOutOfStep(conn)).toBe(0);
  });
});

describe('hl7 listener: malformed messages get AE/AR and change nothing', () => {
  const good = () =>
    adt({ event: 'A04', controlId: id('BAD'), at: at(11), ...patientSpec('BAD-1'), visit: 'BD1' });
  const cases: [string, () => string, string, string][] = [
    ['a missing PID-3', () => good().replace('BAD-1^^^GENERAL^MR', ''), 'AE', 'PID^1^3'],
    ['an unsupported message type', () => good().replace('ADT^A04^ADT_A01', 'ORU^R01'), 'AR', 'MSH^1^9'],
    ['an unsupported event', () => good().replace('ADT^A04^ADT_A01', 'ADT^O01'), 'AR', 'MSH^1^9'],
    ['a version outside 2.3-2.8', () => good().replace('|2.5.1', '|2.2'), 'AR', 'MSH^1^12'],
    ['wrong encoding characters', () => good().replace('MSH|^~\\&', 'MSH|^^\\&'), 'AR', 'MSH^1^2'],
    ['no control id', () => good().replace(/\|BAD-\d+\|/, '||'), 'AR', 'MSH^1^10'],
    ['a bad birth date', () => good().replace('19700315', '19701345'), 'AE', 'PID^1^7'],
    [
      'a departure before the arrival',
      () =>
        adt({
          event: 'A03',
          controlId: id('BAD'),
          at: at(11),
          ...patientSpec('BAD-1'),
          visit: 'BD1',
          arrival: at(20),
          departure: at(10),
        }),
      'AE',
      'PV1^1^45',
    ],
    [
      'a reason longer than 255 characters',
      () => good().concat(`\rPV2|||^${'x'.repeat(300)}`),
      'AE',
      'PV2^1^3',
    ],
    ['text that is not UTF-8', () => `${good()}\udcff`, 'AR', 'MSH^1^18'],
  ];
  it.each(cases)('%s', async (_label, make, expected, where) => {
    const before = await domainSnapshot();
    const text = make();
    // A lone byte 0xFF is never UTF-8.
    const bytes = text.endsWith('\udcff')
      ? Buffer.concat([Buffer.of(0x0b), Buffer.from(text.slice(0, -1)), Buffer.of(0xff, 0x1c, 0x0d)])
      : undefined;
    const ack = bytes ? await client.sendRaw(bytes) : await client.send(text);
    expect(ackCode(ack)).toBe(expected);
    expect(ack).toMatch(new RegExp(`\\rERR\\|[^\\r]*\\|${where.replace(/\^/g, '\\^')}\\|`));
    expect(await domainSnapshot()).toBe(before);
  });

  it('a frame over HL7_MAX_FRAME_BYTES closes that connection; others keep being served', async () => {
    const other = await MllpClient.connect(listener.address.port);
    const big = await MllpClient.connect(listener.address.port);
    await expect(big.send(good().concat(`\rZZZ|${'x'.repeat(70 * 1024)}`))).rejects.toThrow(/closed/);
    expect((await send({ event: 'A04', at: at(12), ...patientSpec('OK-1'), visit: 'OK1' }, other)).code).toBe(
      'AA',
    );
    await other.close();
    expect(logLines.join('\n')).toContain('frame over HL7_MAX_FRAME_BYTES');
  });

  it('an idle connection and a frame that never ends are closed after HL7_IDLE_SECONDS', async () => {
    const idle = await MllpClient.connect(listener.address.port);
    const unfinished = await MllpClient.connect(listener.address.port);
    unfinished.socket.write(Buffer.from('\x0bMSH|^~\\&|never|ending'));
    const closed = (c: MllpClient) => new Promise((resolve) => c.socket.once('close', resolve));
    await Promise.all([closed(idle), closed(unfinished)]);
    expect(logLines.join('\n')).toContain('idle: nothing received for HL7_IDLE_SECONDS');
    expect(logLines.join('\n')).not.toContain('Nguy');
  });
});

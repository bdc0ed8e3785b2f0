import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed } from '../../dev/seed/seed.ts';
import { openContext } from '../../src/context.ts';
import { buildDailySummary } from '../../src/core/daily-summary.ts';
import { summaryPost } from '../../src/core/summary-post.ts';
import { summaryInput } from '../../src/data/summary.queries.ts';
import type { Reply } from '../../src/core/reply.ts';
import { migrate } from '../../src/data/migrate.ts';
import { connect, type Connection } from '../../src/data/mysql.ts';
import type { Context } from '../../src/runner/command.ts';
import { testDatabases } from '../support/databases.ts';
import { pct, r1, ymd } from '../support/raw.ts';
import { replyTo } from '../support/run-command.ts';

/**
 * /er measures, each measure checked against its definition in docs/domain.md (section 4) written again here
 * in plain SQL over the seeded rows: the window runs across the US spring-forward change (2026-03-08 has 23
 * hours), and every stratum has visits in it.
 */
const TZ = 'America/New_York';
const END = Date.parse('2026-03-15T14:00:00Z');
const HOUR = 3_600_000;
const FROM = '2026-03-03';
const TO = '2026-03-12';

const db = testDatabases('measures', { TZ });
let now = END;
let ctx: Context;
let close: () => Promise<void>;
let sql: Connection;
let reply: Reply;

/** Local midnight of `date` in New York, found with Intl (not src/core/time.ts). */
function midnight(date: string): number {
  for (const off of [5, 4]) {
    const t = Date.parse(`${date}T00:00:00Z`) + off * HOUR;
    if (ymd(TZ, t) === date && ymd(TZ, t - 1) !== date) return t;
  }
  throw new Error(`no midnight for ${date}`);
}
const W_FROM = new Date(midnight(FROM));
const W_TO = new Date(midnight('2026-03-13'));

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  await runSeed(db.config, { scale: 0.03, seed: 7, end: END }, () => undefined);
  ({ ctx, close } = await openContext(db.config, () => now));
  sql = await connect(db.mysqlUrl);
  reply = await replyTo(ctx, `/er measures from:${FROM} to:${TO}`);
});

afterAll(async () => {
  await sql?.end();
  await close?.();
  await db.drop();
});

async function rows<T>(query: string, params: unknown[] = []): Promise<T[]> {
  const [r] = await sql.query<RowDataPacket[]>(query, params);
  return r as T[];
}

/** The window's visits with everything a definition may ask, one SQL over the seeded tables. */
const VISITS = `
  SELECT v.*, d.decision, d.decided_at,
    TIMESTAMPDIFF(YEAR, p.date_of_birth, v.arrived_at) AS age,
    EXISTS (SELECT 1 FROM diagnosis g WHERE g.visit_id = v.id AND g.code LIKE 'F%' AND g.code NOT LIKE 'F00%') AS mh,
    EXISTS (SELECT 1 FROM er_treatment t WHERE t.visit_id = v.id) AS treated
  FROM er_visit v JOIN patient p ON p.id = v.patient_id
  LEFT JOIN disposition_decision d ON d.visit_id = v.id
  WHERE v.arrived_at >= ? AND v.arrived_at < ?`;

/** Minutes between two columns for the window's visits matching `where`, and how many of them lack either. */
async function minutes(from: string, to: string, where: string) {
  const got = await rows<{ m: number | null }>(
    `SELECT TIMESTAMPDIFF(SECOND, ${from}, ${to}) / 60 AS m FROM (${VISITS}) x WHERE ${where}`,
    [W_FROM, W_TO],
  );
  const values = got.flatMap((r) => (r.m === null ? [] : [Number(r.m)]));
  return { values, leftOut: got.length - values.length };
}

async function share(where: string) {
  const [r] = await rows<{ n: number; of: number }>(
    `SELECT SUM(${where}) AS n, COUNT(*) AS of FROM (${VISITS}) x`,
    [W_FROM, W_TO],
  );
  return { n: Number(r?.n ?? 0), of: Number(r?.of ?? 0) };
}

const row = (name: string, what: string) => reply.table?.rows.find((r) => r[0] === name && r[1] === what);

const DISCHARGED = `decision = 'Discharge' AND NOT observation`;
const TRANSFERRED = `decision = 'Transfer to a higher-level hospital' AND NOT observation`;
const ADMITTED = `decision = 'Transfer to another department' AND NOT observation`;
const LWBS = `(departed_at IS NOT NULL AND provider_seen_at IS NULL AND NOT treated AND decision IS NULL)`;

const TIMES: [string, string, string, string, string][] = [
  [
    'OP-18a',
    'stay, discharged or transferred',
    'arrived_at',
    'departed_at',
    `(${DISCHARGED}) OR (${TRANSFERRED})`,
  ],
  ['OP-18b', 'stay, discharged', 'arrived_at', 'departed_at', `${DISCHARGED} AND NOT mh`],
  [
    'OP-18c',
    'stay, mental health',
    'arrived_at',
    'departed_at',
    `((${DISCHARGED}) OR (${TRANSFERRED})) AND mh`,
  ],
  ['OP-18d', 'stay, transferred', 'arrived_at', 'departed_at', TRANSFERRED],
  ['ED-1', 'stay, admitted', 'arrived_at', 'departed_at', ADMITTED],
  ['ED-1', 'stay, admitted, not mental health', 'arrived_at', 'departed_at', `${ADMITTED} AND NOT mh`],
  ['ED-1', 'stay, admitted, mental health', 'arrived_at', 'departed_at', `${ADMITTED} AND mh`],
  ['ED-2', 'boarding, admitted', 'decided_at', 'departed_at', ADMITTED],
  ['ED-2', 'boarding, not mental health', 'decided_at', 'departed_at', `${ADMITTED} AND NOT mh`],
  ['ED-2', 'boarding, mental health', 'decided_at', 'departed_at', `${ADMITTED} AND mh`],
  ['Door to provider', 'arrival to first provider contact', 'arrived_at', 'provider_seen_at', 'TRUE'],
];

describe('/er measures over a window across a daylight-saving change', () => {
  for (const [name, what, from, to, where] of TIMES) {
    it(`${name} ${what}: median, 90th percentile, visits and left out as the SQL of its definition gives them`, async () => {
      const { values, leftOut } = await minutes(from, to, where);
      expect(values.length, `${name} ${what} has visits`).toBeGreaterThan(0);
      expect(row(name, what)).toEqual([
        name,
        what,
        'median min',
        r1(pct(values, 50)),
        r1(pct(values, 90)),
        null,
        values.length,
        leftOut,
      ]);
    });
  }

  const AGE = (lo: number, hi: number) => `age >= ${lo} AND age < ${hi}`;
  const ECAT = `(TIMESTAMPDIFF(SECOND, arrived_at, COALESCE(roomed_at, departed_at)) > 3600 OR ${LWBS}
    OR (decision = 'Transfer to another department' AND NOT observation
        AND TIMESTAMPDIFF(SECOND, decided_at, departed_at) > 240 * 60)
    OR (NOT observation AND COALESCE(decision, '') <> 'Continue Observation'
        AND TIMESTAMPDIFF(SECOND, arrived_at, departed_at) > 480 * 60))`;
  const RATES: [string, string, string, string][] = [
    ['OP-22', 'left without being seen', LWBS, 'TRUE'],
    [
      'LBTC',
      'left before treatment complete',
      `${LWBS} OR decision IN ('Left against medical advice', 'Eloped')`,
      'TRUE',
    ],
    ['ECAT', 'ED access composite', ECAT, 'TRUE'],
    ['ECAT', 'ED access composite, under 18', ECAT, AGE(0, 18)],
    ['ECAT', 'ED access composite, 18-64', ECAT, AGE(18, 65)],
    ['ECAT', 'ED access composite, 65 and over', ECAT, AGE(65, 999)],
    ['ECAT', 'ED access composite, mental health', ECAT, 'mh'],
    ['ECAT', 'ED access composite, not mental health', ECAT, 'NOT mh'],
  ];
  for (const [name, what, meets, among] of RATES) {
    it(`${name} ${what}: the share of visits the SQL of its definition gives`, async () => {
      const { n, of } = await share(`(${among}) AND (${meets})`);
      const { n: all } = await share(among);
      expect(n, `${name} ${what} has visits meeting it`).toBeGreaterThan(0);
      expect(row(name, what)).toEqual([name, what, '%', r1((100 * n) / all), null, n, all, 0]);
      expect(of).toBeGreaterThan(0);
    });
  }

  it('72-hour returns, all and ended in admission: as an SQL of the definition with its own idea of "previous visit"', async () => {
    const returns = await rows<{ decision: string | null; observation: number }>(
      `SELECT d.decision, r.observation FROM er_visit r
       JOIN er_visit f ON f.patient_id = r.patient_id AND f.arrived_at < r.arrived_at
       LEFT JOIN disposition_decision fd ON fd.visit_id = f.id
       LEFT JOIN disposition_decision d ON d.visit_id = r.id
       WHERE r.arrived_at >= ? AND r.arrived_at < ?
         AND NOT EXISTS (SELECT 1 FROM er_visit m WHERE m.patient_id = r.patient_id AND m.arrived_at < r.arrived_at
                         AND (m.arrived_at > f.arrived_at OR (m.arrived_at = f.arrived_at AND m.id > f.id)))
         AND f.departed_at IS NOT NULL AND TIMESTAMPDIFF(SECOND, f.departed_at, r.arrived_at) <= 72 * 3600
         AND (fd.decision = 'Discharge'
              OR (fd.id IS NULL AND NOT EXISTS (SELECT 1 FROM er_treatment t WHERE t.visit_id = f.id)))`,
      [W_FROM, W_TO],
    );
    const { of } = await share('TRUE');
    const admitted = returns.filter(
      (r) => r.decision === 'Transfer to another department' && Number(r.observation) === 0,
    ).length;
    expect(admitted).toBeGreaterThan(0);
    expect(row('72-hour returns', 'all')).toEqual([
      '72-hour returns',
      'all',
      '%',
      r1((100 * returns.length) / of),
      null,
      returns.length,
      of,
      0,
    ]);
    expect(row('72-hour returns', 'ended in admission')).toEqual([
      '72-hour returns',
      'ended in admission',
      '%',
      r1((100 * admitted) / of),
      null,
      admitted,
      of,
      0,
    ]);
  });

  it('boarding now and over 4 h: the admitted patients still there at each instant, as SQL counts them', async () => {
    let seenOver = 0;
    for (let at = W_FROM.getTime(); at < W_TO.getTime(); at += 5 * HOUR) {
      now = at;
      const [r] = await rows<{ n: number; late: number }>(
        `SELECT COUNT(*) AS n, COUNT(CASE WHEN TIMESTAMPDIFF(SECOND, d.decided_at, ?) > 240 * 60 THEN 1 END) AS late
         FROM disposition_decision d JOIN er_visit v ON v.id = d.visit_id
         WHERE d.decision = 'Transfer to another department' AND NOT v.observation
           AND d.decided_at <= ? AND (v.departed_at IS NULL OR v.departed_at > ?)`,
        [new Date(at), new Date(at), new Date(at)],
      );
      const got = await replyTo(ctx, `/er measures from:${FROM} to:${TO}`);
      const of = (what: string) => got.table?.rows.find((x) => x[1] === what)?.[5];
      expect(of('boarding now'), new Date(at).toISOString()).toBe(Number(r?.n));
      expect(of('boarding over 4 h now'), new Date(at).toISOString()).toBe(Number(r?.late));
      seenOver += Number(r?.late);
    }
    now = END;
    expect(seenOver).toBeGreaterThan(0);
  });

  it('cites the headline definition in its footer and charts the headline medians per local day', () => {
    expect(reply.footer).toContain(
      'OP-18b: median minutes arrival → departure, discharged, excluding mental health and transfers',
    );
    expect(reply.chart?.config.data.labels).toHaveLength(10);
    expect(reply.chart?.config.data.datasets.map((d) => d.label)).toEqual([
      'OP-18b stay, discharged',
      'ED-1 stay, admitted',
      'ED-2 boarding, admitted',
      'Door to provider arrival to first provider contact',
    ]);
  });
});

describe('the ER daily summary of the spring-forward day', () => {
  const DATE = '2026-03-08';

  it("gains boarders, door to provider, OP-18b, LWBS, LBTC, ECAT and last week's arrivals, as SQL gives them", async () => {
    const from = new Date(midnight(DATE));
    const to = new Date(midnight('2026-03-09'));
    const input = await summaryInput(ctx.read, DATE, TZ);
    const s = buildDailySummary(input);
    const figure = (key: string) => s.figures.find((f) => f.key === key)?.value;
    const day = (q: string) => rows<{ m: number | null }>(`SELECT ${q} FROM (${VISITS}) v`, [from, to]);
    const d2p = (await day('TIMESTAMPDIFF(SECOND, arrived_at, provider_seen_at) / 60 AS m')).flatMap((r) =>
      r.m === null ? [] : [Number(r.m)],
    );
    expect(figure('measure.doorToProvider')).toBe(r1(pct(d2p, 50)));
    expect(figure('measure.doorToProvider.p90')).toBe(r1(pct(d2p, 90)));
    const stays = (
      await day(
        `CASE WHEN ${DISCHARGED} AND NOT mh THEN TIMESTAMPDIFF(SECOND, arrived_at, departed_at) / 60 END AS m`,
      )
    ).flatMap((r) => (r.m === null ? [] : [Number(r.m)]));
    expect(figure('measure.op18b')).toBe(r1(pct(stays, 50)));
    const all = (await day('1 AS x')).length;
    const rate = async (where: string) => {
      const [r] = await rows<{ n: number }>(`SELECT COUNT(*) AS n FROM (${VISITS}) v WHERE ${where}`, [
        from,
        to,
      ]);
      return r1((100 * Number(r?.n)) / all);
    };
    expect(figure('measure.lwbs')).toBe(await rate(LWBS));
    expect(figure('measure.lbtc')).toBe(
      await rate(`${LWBS} OR decision IN ('Left against medical advice', 'Eloped')`),
    );
    const [b] = await rows<{ n: number; late: number }>(
      `SELECT COUNT(*) AS n, COUNT(CASE WHEN TIMESTAMPDIFF(SECOND, d.decided_at, ?) > 240 * 60 THEN 1 END) AS late
       FROM disposition_decision d JOIN er_visit v ON v.id = d.visit_id
       WHERE d.decision = 'Transfer to another department' AND NOT v.observation
         AND d.decided_at <= ? AND (v.departed_at IS NULL OR v.departed_at > ?)`,
      [to, to, to],
    );
    expect(figure('boarding.now')).toBe(Number(b?.n));
    expect(figure('boarding.over-4h')).toBe(Number(b?.late));
    const [lastWeek] = await rows<{ n: number }>(
      `SELECT COUNT(*) AS n FROM er_visit WHERE arrived_at >= ? AND arrived_at < ?`,
      [new Date(midnight('2026-03-01')), new Date(midnight('2026-03-02'))],
    );
    expect(figure('arrivals.last-week')).toBe(Number(lastWeek?.n));
    expect(typeof figure('measure.ecat')).toBe('number');

    const post = summaryPost(s, 5);
    const field = post.embed.fields.find((f) => f.name === 'ED measures');
    expect(field?.value).toContain('door to provider median, min');
    expect(field?.value).toContain('ECAT (ED access composite), %');
    expect(post.embed.footer.text).toContain('OP-18b: median minutes arrival → departure');
  });
});

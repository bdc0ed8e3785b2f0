import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { parseCommandLine } from '../../src/console/parse.ts';
import { openContext } from '../../src/context.ts';
import { buildDailySummary } from '../../src/core/daily-summary.ts';
import { MAX_ROWS, type Reply } from '../../src/core/reply.ts';
import { summaryPost } from '../../src/core/summary-post.ts';
import { addDays } from '../../src/core/time.ts';
import { DECISIONS } from '../../src/core/vocabulary.ts';
import { migrate } from '../../src/data/migrate.ts';
import { connect } from '../../src/data/mysql.ts';
import { runSeed } from '../../dev/seed/seed.ts';
import { summaryInput } from '../../src/data/summary.queries.ts';
import type { Capability, Context } from '../../src/runner/command.ts';
import { execute, type Actor } from '../../src/runner/execute.ts';
import { testDatabases } from '../support/databases.ts';
import { loadRaw, type Raw } from '../support/raw.ts';

/**
 * Who sees what, through the real runner against a seeded database: a public aggregate answer shows
 * aggregates only with the channel summary's small-cell rule; identifiers need the patient-records role.
 */
const TZ = 'America/New_York';
const END = Date.parse('2026-03-15T14:00:00Z');
const MIN_CELL = 5;

const db = testDatabases('who_sees', { TZ, SUMMARY_MIN_CELL: String(MIN_CELL) });
let ctx: Context;
let close: () => Promise<void>;
let raw: Raw;

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  await runSeed(db.config, { scale: 0.02, seed: 5, end: END }, () => undefined);
  ({ ctx, close } = await openContext(db.config, () => END));
  const conn = await connect(db.mysqlUrl);
  raw = await loadRaw(conn);
  await conn.end();
});

afterAll(async () => {
  await close?.();
  await db.drop();
});

/** A Discord member with these capabilities, in a channel. */
const member = (...caps: Capability[]): Actor => ({
  source: 'discord',
  actorId: `member-${caps.join('-') || 'none'}`,
  capabilities: new Set(caps),
  interactionId: null,
});

async function outcome(line: string, actor: Actor) {
  return execute(commands, parseCommandLine(line, commands), ctx, actor);
}

async function reply(line: string, actor: Actor): Promise<Reply> {
  const o = await outcome(line, actor);
  if (o.kind !== 'reply')
    throw new Error(`${line}: ${o.kind === 'user_error' ? o.error.message : String(o.error)}`);
  return o.reply;
}

const text = (r: Reply) => JSON.stringify([r.title, r.summary, r.table, r.footer]);
const reports = member('reports');

describe('a public aggregate answer', () => {
  it('/er dispositions for a day shows "<5" where the channel summary shows "<5", and the exact count privately', async () => {
    // The seeded days, newest first, until one whose summary withholds a disposition count.
    let found: { date: string; decision: string; exact: number } | undefined;
    for (let i = 1; i <= 14 && !found; i++) {
      const date = addDays('2026-03-15', -i);
      const summary = buildDailySummary(await summaryInput(ctx.sql, date, TZ));
      const shown = summaryPost(summary, MIN_CELL).shown;
      const decision = DECISIONS.find((d) => shown[`disposition.${d}`] === `<${MIN_CELL}`);
      const exact = summary.figures.find((f) => f.key === `disposition.${decision}`)?.value;
      if (decision && exact) found = { date, decision, exact };
    }
    if (!found) throw new Error('no seeded day has a small disposition count');
    const { date, decision, exact } = found;

    const open = await reply(`/er dispositions from:${date} to:${date}`, reports);
    const row = open.table?.rows.find((r) => r[0] === decision);
    const total = open.table?.columns.findIndex((c) => c.name === 'total') ?? -1;
    expect(row?.[total]).toBe(`<${MIN_CELL}`);
    // The chart stays, with the withheld decision's bars blank and every shown bar as the table shows it.
    const at = open.table?.rows.findIndex((r) => r[0] === decision) ?? -1;
    const datasets = open.chart?.config.data.datasets ?? [];
    for (const [i, d] of datasets.entries())
      d.data.forEach((v, r) => {
        const cell = open.table?.rows[r]?.[1 + i];
        expect(v).toBe(typeof cell === 'number' ? cell : null);
      });
    expect(datasets.some((d) => d.data[at] === null)).toBe(true);
    expect(open.summary).toContain(`Counts below ${MIN_CELL} show as <${MIN_CELL}`);
    expect(open.summary).toMatch(/^[\d,]+ disposition decisions on /);
    // No small count anywhere in the table, in whatever column.
    for (const r of open.table?.rows ?? [])
      for (const cell of r) if (typeof cell === 'number') expect(cell === 0 || cell >= MIN_CELL).toBe(true);

    const own = await reply(`/er dispositions from:${date} to:${date} private:true`, reports);
    expect(own.table?.rows.find((r) => r[0] === decision)?.[total]).toBe(exact);
  });

  it('/er census leaves out the longest waits and their reasons; privately they are there', async () => {
    const open = await reply('/er census', reports);
    expect(open.summary).not.toMatch(/Longest waits|ESI \d, /);
    expect(open.table?.columns.map((c) => c.name)).not.toContain('longest h');
    expect(open.summary).toContain('Row-level detail is shown only privately');
    const own = await reply('/er census private:true', reports);
    expect(own.summary).toContain('Longest waits');
    expect(own.table?.columns.map((c) => c.name)).toContain('longest h');
  });

  it('/er severity shows counts by nature, not each dispatch; privately each dispatch', async () => {
    const open = await reply('/er severity level:high window:30d', reports);
    expect(open.table?.columns.map((c) => c.name)).toEqual(['nature', 'dispatches']);
    const own = await reply('/er severity level:high window:30d private:true', reports);
    // The headline keeps its number: the dispatches of the private answer, in the summary and the total row.
    const count = own.table?.totalRows ?? 0;
    expect(count).toBeGreaterThanOrEqual(MIN_CELL);
    expect(open.summary).toMatch(
      new RegExp(
        `^${count.toLocaleString('en-US')} high-severity dispatches in the last 30 days, by nature\\.`,
      ),
    );
    expect(open.table?.rows.at(-1)).toEqual(['all', count]);
    expect(own.table?.columns.map((c) => c.name)).toContain('district');
    const ids = new Set(own.table?.rows.map((r) => String(r[0])));
    expect(ids.size).toBeGreaterThan(0);
    // No dispatch's id in the channel: its rows are natures (a count may equal some id by chance).
    expect(open.table?.rows.some((r) => ids.has(String(r[0])))).toBe(false);
  });

  it('/appointments day shows counts by status in the channel, and privately counts by hour, provider and status: never a reason', async () => {
    const day = raw.appointment.find((a) => a.starts_at.getTime() < END)?.starts_at;
    if (!day) throw new Error('seed has no appointment');
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(day);
    const ofDay = raw.appointment.filter(
      (a) => new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(a.starts_at) === date,
    );
    const reasons = new RegExp(
      [...new Set(ofDay.map((a) => a.reason))].map((r) => r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
    );
    const open = await reply(`/appointments day date:${date}`, reports);
    expect(open.table?.columns.map((c) => c.name)).toEqual(['status', 'appointments']);
    const own = await reply(`/appointments day date:${date} private:true`, reports);
    expect(own.table?.columns.map((c) => c.name)).toEqual([
      'hour',
      'provider',
      'department',
      'status',
      'appointments',
    ]);
    expect(own.table?.rows.reduce((n, r) => n + Number(r[4]), 0)).toBe(ofDay.length);
    expect(own.patientIds).toEqual([]);
    for (const r of [open, own]) expect(text(r)).not.toMatch(reasons);
  });

  it('/appointments schedule, for the patient-records role, shows each appointment with its reason and names its patients', async () => {
    const day = raw.appointment.find((a) => a.starts_at.getTime() < END)?.starts_at;
    if (!day) throw new Error('seed has no appointment');
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(day);
    const ofDay = raw.appointment.filter(
      (a) => new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(a.starts_at) === date,
    );
    const schedule = await reply(`/appointments schedule date:${date}`, member('phi'));
    expect(schedule.sensitivity).toBe('phi');
    expect(schedule.table?.totalRows).toBe(ofDay.length);
    const rows = schedule.table?.rows ?? [];
    expect(rows.length).toBe(Math.min(ofDay.length, MAX_ROWS));
    const reasons = new Set(ofDay.map((a) => a.reason));
    for (const r of rows) expect(reasons.has(String(r[5]))).toBe(true);
    // Every patient shown, and only those, is named for the audit row.
    const idOf = new Map(raw.patient.map((p) => [p.mrn, p.id]));
    expect(new Set(schedule.patientIds)).toEqual(new Set(rows.map((r) => idOf.get(String(r[1])))));
  });
});

describe('/admin audit', () => {
  const admin = member('admin', 'reports');
  const phiAdmin = member('admin', 'reports', 'phi');

  it('without the patient-records role, refuses a name or an MRN, naming the role setting, and shows no patient', async () => {
    const lee = raw.patient.find((p) => raw.patient.filter((q) => q.last_name === p.last_name).length > 1);
    if (!lee) throw new Error('seed has no shared last name');
    for (const patient of [lee.last_name, `${lee.first_name} ${lee.last_name}`, lee.mrn]) {
      const o = await outcome(`/admin audit patient:"${patient}"`, admin);
      expect(o.kind).toBe('user_error');
      const message = o.kind === 'user_error' ? o.error.message : '';
      expect(message).toContain('ROLE_PHI_IDS');
      expect(message).not.toContain(lee.mrn.slice(3));
      expect(message).not.toMatch(/Several patients match/);
    }
  });

  it('without the patient-records role, takes a numeric patient id and shows no MRN', async () => {
    const p = raw.patient[0];
    if (!p) throw new Error('seed has no patient');
    await reply(`/patient lookup patient:${p.mrn}`, phiAdmin);
    const r = await reply(`/admin audit patient:${p.id}`, admin);
    expect(r.title).toBe(`Audit trail (disclosing patient ${p.id})`);
    expect(text(r)).not.toContain(p.mrn);
    expect(r.table?.rows.length).toBeGreaterThan(0);
  });

  it('with the patient-records role, still resolves an MRN and shows it', async () => {
    const p = raw.patient[1];
    if (!p) throw new Error('seed has no patient');
    const r = await reply(`/admin audit patient:${p.mrn}`, phiAdmin);
    expect(r.title).toBe(`Audit trail (disclosing ${p.mrn})`);
  });
});

/**
 * What a reader works out from the summary post's ED measures lines, by the measures' definitions (README,
 * "ED measures") and independently of src/core/measure-links.ts: a rate of the day's arrivals gives its
 * count (LWBS's is also in the ED flow lines); LBTC less LWBS counts those who left against advice or eloped; ECAT less LWBS those it counts
 * for the other three reasons; boarders less those over 4 h the ones under. None may be 1..t-1.
 */
function measureLinesLeaks(description: string, field: string, flow: string, threshold: number): string[] {
  const arrivals = /^\*\*([\d,]+)\*\* ER arrivals/.exec(description)?.[1];
  const n = arrivals === undefined ? null : Number(arrivals.replace(/,/g, ''));
  const read = (label: string, lines = field) => {
    const line = lines.split('\n').find((l) => l.startsWith(`${label} **`));
    const t = /\*\*([^*]+)\*\*/.exec(line ?? '')?.[1] ?? '–';
    return /^[\d.,]+$/.test(t) ? Number(t.replace(/,/g, '')) : null;
  };
  const problems: string[] = [];
  const count = (label: string) => {
    const rate = read(label);
    if (rate === null) return null;
    if (n === null) problems.push(`${label} shown with the arrivals withheld`);
    return n === null ? null : Math.round((rate * n) / 100);
  };
  // The ED flow lines' count of those who left without being seen is the same count.
  const lwbs = count('OP-22 left without being seen, %') ?? read('left without being seen', flow);
  const lbtc = count('left before treatment complete, %');
  const ecat = count('ECAT (ED access composite), %');
  const boarders = read('boarding at midnight (admitted)');
  const over4h = read('boarding over 4 h at midnight');
  const worked: [string, number | null][] = [
    ['LWBS', lwbs],
    ['LBTC', lbtc],
    ['ECAT', ecat],
    ['LBTC less LWBS', lbtc === null || lwbs === null ? null : lbtc - lwbs],
    ['ECAT less LWBS', ecat === null || lwbs === null ? null : ecat - lwbs],
    ['boarders', boarders],
    ['boarders over 4 h', over4h],
    ['boarders under 4 h', boarders === null || over4h === null ? null : boarders - over4h],
  ];
  for (const [what, v] of worked)
    if (v !== null && v >= 1 && v < threshold) problems.push(`${what} works out to ${v}`);
  return problems;
}

describe('the channel summary post', () => {
  it('gives no small count away through its ED measures lines, and withholds a median of a few visits', async () => {
    const problems: string[] = [];
    let withheld = 0;
    for (let i = 1; i <= 28; i++) {
      const date = addDays('2026-03-15', -i);
      const input = await summaryInput(ctx.sql, date, TZ);
      const post = summaryPost(buildDailySummary(input), MIN_CELL);
      const field = post.embed.fields.find((f) => f.name === 'ED measures')?.value ?? '';
      const flow = post.embed.fields.find((f) => f.name === 'ED flow')?.value ?? '';
      withheld += field.split('\n').filter((l) => /\*\*(–|<\d)\*\*/.test(l)).length;
      // A rate's change against its week gives the week's count with the week's arrivals: never posted.
      for (const l of field.split('\n').filter((x) => /, % \*\*/.test(x)))
        if (/\(.*\)$/.test(l)) problems.push(`${date}: a rate's change is posted: ${l}`);
      problems.push(
        ...measureLinesLeaks(post.embed.description, field, flow, MIN_CELL).map((p) => `${date}: ${p}`),
      );
      for (const [key, figure] of [
        ['measure.doorToProvider', 'doorToProvider'],
        ['measure.op18b', 'op18b'],
      ] as const) {
        const visits = input.measures.day.find((f) => f.key === figure)?.denominator ?? 0;
        if (post.shown[key] !== '–' && visits >= 1 && visits < MIN_CELL)
          problems.push(`${date}: the median ${key} of ${visits} visits is shown`);
      }
    }
    expect(problems).toEqual([]);
    // Small days of a small seed: some lines withheld, or the check proves nothing.
    expect(withheld).toBeGreaterThan(0);
  }, 120_000);
});

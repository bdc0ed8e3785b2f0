import { smallCountsSolved, type PublishedSum } from '../support/disclosure.ts';
import type { DiscordStandIn, RecordedRequest } from './standin.ts';

/**
 * The check of public answers, on what Discord received: for every reply posted in the channel
 * (not ephemeral), read the table as a reader does and solve the published sums (each row's total, each
 * breakdown's total row, the headline) for every withheld cell ("<t" or "–"). None may come out as a count
 * from 1 to t-1. The sums each answer publishes are written here from what its table says, independently
 * of src/core/public-view.ts; for /er measures, with the sums its definitions imply over counts it does not
 * show (`links`), its percentages read back into counts, and every page of the answer read as one table.
 */
interface Shape {
  title: RegExp;
  /** Count columns by position: `rest` is every column after the first. */
  counts: number[] | 'rest';
  /** The column holding each row's total of the other counts: `last` is the last count column. */
  totalColumn?: number | 'last';
  /** The label of the last row when it holds each count column's total. */
  totalRow?: string;
  /** Which breakdown a row belongs to (each adds up to the total row on its own); one by default. */
  section?: (label: string) => string;
  /** Further identities a reader knows between the cells (and counts the answer does not show). */
  links?: (t: Linked) => void;
}

/** What a shape's `links` works with: the cells of one answer, unknowns of its own, and the sums. */
interface Linked {
  answer: PublicAnswer;
  /** The value id of a count cell, by row key (`measure|what`) and column name. */
  cell: (row: string, column: string) => number | undefined;
  /** A count the answer does not show: only known to be >= 0. */
  unknown: () => number;
  sum: (parts: (number | undefined)[], total: number | undefined) => void;
  /** What the reader reads off a cell exactly by other means (a percentage of a shown count). */
  reveal: (id: number | undefined, value: number, how: string) => void;
  problem: (text: string) => void;
}

const WEEKDAYS = new Set(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);

const SHAPES: Shape[] = [
  { title: /^ER arrivals by condition on arrival$/, counts: 'rest', totalColumn: 1, totalRow: 'total' },
  { title: /^Paramedic assessments per patient$/, counts: [1], totalRow: 'all' },
  { title: /^Disposition decisions$/, counts: 'rest', totalColumn: 'last', totalRow: 'total' },
  { title: /^Length of stay by age$/, counts: [1], totalRow: 'all' },
  { title: /^Response times by /, counts: [1], totalRow: 'all' },
  { title: /^ER treatments by type$/, counts: [1], totalRow: 'all' },
  { title: /^ER \w+ per day$/, counts: [1], totalRow: 'total' },
  { title: /^Most-prescribed medications$/, counts: [2, 3] },
  { title: /^ER census now$/, counts: 'rest', totalColumn: 1, totalRow: 'all' },
  { title: /^Appointments on /, counts: [1], totalRow: 'all' },
  { title: /-severity dispatches$/, counts: [1], totalRow: 'all' },
  { title: /^ED flow$/, counts: [1, 2], totalRow: 'all' },
  { title: /^72-hour returns$/, counts: [1, 2, 3], totalColumn: 3, totalRow: 'all' },
  {
    title: /^No-shows and cancellations/,
    counts: [1, 2, 4],
    totalRow: 'all',
    section: (l) => (WEEKDAYS.has(l) ? 'weekday' : /^\d\d:00$/.test(l) ? 'hour' : 'department'),
  },
  { title: /^ED measures /, counts: [5, 6, 7], links: measureIdentities },
  {
    title: /^Follow-up after ER discharge$/,
    counts: [1, 2, 3, 4],
    totalColumn: 1,
    totalRow: 'all',
    section: (l) => l.split(':')[0] ?? '',
  },
];

/** Answers about staff and ambulances: no patient counts in them. */
const WITHOUT_PATIENTS = [
  /^Ambulance fleet$/,
  /^On shift now/,
  /^Physicians by specialty$/,
  /^\w+ workload$/,
];

export interface PublicAnswer {
  title: string;
  summary: string;
  header: string[];
  rows: string[][];
}

/** A reply's content as a reader sees it: bold title, summary, and the table in its code block. */
export function readAnswer(content: string): PublicAnswer {
  const lines = content.split('\n');
  // Outside the code block, text from the data is backslash-escaped (src/core/text.ts): a reader sees it without.
  const unescaped = (text: string) => text.replace(/\\(.)/g, '$1');
  const title = unescaped(/^\*\*(.*)\*\*$/.exec(lines[0] ?? '')?.[1] ?? '');
  const open = lines.indexOf('```');
  const close = lines.indexOf('```', open + 1);
  const summary = unescaped(lines.slice(1, open < 0 ? undefined : open).join('\n'));
  if (open < 0 || close < 0) return { title, summary, header: [], rows: [] };
  const [head = '', rule = '', ...body] = lines.slice(open + 1, close);
  if (!/^[- ]+$/.test(rule)) return { title, summary, ...readBlocks(lines.slice(open + 1, close)) };
  // The rule under the header marks each column's width: dashes separated by two spaces.
  const spans: [number, number][] = [];
  for (const m of rule.matchAll(/-+/g)) spans.push([m.index, m.index + m[0].length]);
  const cut = (line: string) => spans.map(([a, b]) => line.slice(a, b).trim());
  return { title, summary, header: cut(head), rows: body.map(cut) };
}

/**
 * A table too wide for a phone, laid out one block per row: the first cell alone, then "name  value" lines
 * indented (a wrapped value carries on in lines indented further). The first column's name is not shown.
 */
function readBlocks(lines: string[]): Pick<PublicAnswer, 'header' | 'rows'> {
  const header: string[] = [''];
  const rows: string[][] = [];
  for (const line of lines) {
    const [, name = '', value = ''] = /^ {2}(\S.*?)(?: {2,}(.*))?$/.exec(line) ?? [];
    if (!line.startsWith(' ')) rows.push([line]);
    else if (name !== '') {
      const row = rows.at(-1) ?? [];
      if (rows.length === 1) header.push(name);
      row.push(value.trim());
    } else rows.at(-1)?.push(`${rows.at(-1)?.pop() ?? ''} ${line.trim()}`);
  }
  return { header, rows };
}

/** A reply laid out in pages (each with the title, summary and part of the table) read as one answer. */
export function readPages(contents: readonly string[]): PublicAnswer {
  const [first = readAnswer(''), ...rest] = contents.map(readAnswer);
  return { ...first, rows: [...first.rows, ...rest.flatMap((a) => a.rows)] };
}

/** What the reader knows of a cell: a count, withheld (null), or not a count. */
function cellValue(text: string): number | null | undefined {
  if (text.startsWith('<') || text === '–') return null;
  if (/^[\d,]+$/.test(text)) return Number(text.replace(/,/g, ''));
  return undefined;
}

export interface CheckResult {
  problems: string[];
  /** How many withheld cells the answers held (a check that saw none would prove nothing). */
  withheld: number;
  answers: number;
  /** The withheld cells by answer title. */
  withheldBy?: Record<string, number>;
}

/** Checks one public answer; `threshold` is SUMMARY_MIN_CELL. */
export function checkAnswer(a: PublicAnswer, threshold: number): CheckResult {
  const none = { problems: [], withheld: 0, answers: 1 };
  if (a.rows.length === 0 || WITHOUT_PATIENTS.some((t) => t.test(a.title))) return none;
  const shape = SHAPES.find((s) => s.title.test(a.title));
  if (!shape) return { ...none, problems: [`${a.title}: a public answer this check does not know`] };
  const counts = shape.counts === 'rest' ? a.header.slice(1).map((_, i) => i + 1) : shape.counts;
  const totalCol = shape.totalColumn === 'last' ? counts[counts.length - 1] : shape.totalColumn;
  const values: (number | null)[] = [];
  const id = new Map<string, number>();
  let withheld = 0;
  a.rows.forEach((row, r) =>
    counts.forEach((c) => {
      const v = cellValue(row[c] ?? '');
      if (v === undefined) return;
      if (v === null) withheld++;
      id.set(`${r},${c}`, values.length);
      values.push(v);
    }),
  );
  const problems: string[] = [];
  const sums: PublishedSum[] = [];
  const add = (parts: (number | undefined)[], total: number | undefined) => {
    if (parts.length > 0 && total !== undefined && parts.every((p) => p !== undefined))
      sums.push({ parts: parts as number[], total });
  };
  if (totalCol !== undefined)
    a.rows.forEach((_, r) =>
      add(
        counts.filter((c) => c !== totalCol).map((c) => id.get(`${r},${c}`)),
        id.get(`${r},${totalCol}`),
      ),
    );
  const last = a.rows.length - 1;
  const hasTotalRow = shape.totalRow !== undefined && a.rows[last]?.[0] === shape.totalRow;
  if (hasTotalRow) {
    const sections = new Map<string, number[]>();
    a.rows.slice(0, last).forEach((row, r) => {
      const key = shape.section?.(row[0] ?? '') ?? '';
      sections.set(key, [...(sections.get(key) ?? []), r]);
    });
    for (const c of counts)
      for (const rows of sections.values())
        add(
          rows.map((r) => id.get(`${r},${c}`)),
          id.get(`${last},${c}`),
        );
    // The headline is the total as the table shows it.
    const total = a.rows[last]?.[totalCol ?? counts[0] ?? 1] ?? '';
    if (!a.summary.startsWith(`${total} `) && !a.summary.includes(` ${total} `))
      problems.push(`${a.title}: the summary does not say the total ${total}: ${a.summary}`);
  }
  if (shape.links) {
    const what = a.header.indexOf('what');
    shape.links({
      answer: a,
      cell: (key, column) => {
        const r = a.rows.findIndex((row) => `${row[0]}|${row[what] ?? ''}` === key);
        return id.get(`${r},${a.header.indexOf(column)}`);
      },
      unknown: () => values.push(null) - 1,
      sum: add,
      reveal: (i, v, how) => {
        if (i === undefined || values[i] !== null) return;
        values[i] = v;
        if (v >= 1 && v < threshold) problems.push(`${a.title}: ${how} gives a count of ${v}`);
      },
      problem: (text) => problems.push(`${a.title}: ${text}`),
    });
  }
  for (const s of smallCountsSolved(values, sums, threshold)) {
    const [i, v] = s.split('=').map(Number);
    const at = [...id].find(([, k]) => k === i)?.[0] ?? `not shown #${i}`;
    problems.push(`${a.title}: cell ${at} solves to ${v}`);
  }
  return { problems, withheld, answers: 1, withheldBy: { [a.title]: withheld } };
}

/** The content of every reply the stand-in received for an interaction answered in the channel. */
export function publicContents(discord: DiscordStandIn): string[] {
  const deferredPublicly = (r: RecordedRequest) => {
    const b = r.body as { type?: number; data?: { flags?: number } } | undefined;
    return (
      r.method === 'POST' && /\/callback$/.test(r.path) && b?.type === 5 && ((b.data?.flags ?? 0) & 64) === 0
    );
  };
  const tokens = new Set(
    discord.requests.filter(deferredPublicly).flatMap((r) => {
      const p = discord.interactionOf(r);
      return p ? [p.token] : [];
    }),
  );
  return discord.requests
    .filter(
      (r) => r.method === 'PATCH' && [...tokens].some((t) => r.path.endsWith(`/${t}/messages/@original`)),
    )
    .map((r) => (r.body as { content?: string } | undefined)?.content ?? '')
    .filter((c) => c !== '');
}

/** Every public answer the stand-in received, checked. */
export function checkPublicAnswers(discord: DiscordStandIn, threshold: number): CheckResult {
  const results = publicContents(discord).map((c) => checkAnswer(readAnswer(c), threshold));
  return {
    problems: results.flatMap((r) => r.problems),
    withheld: results.reduce((n, r) => n + r.withheld, 0),
    answers: results.reduce((n, r) => n + r.answers, 0),
    withheldBy: results.reduce<Record<string, number>>((by, r) => {
      for (const [title, n] of Object.entries(r.withheldBy ?? {})) by[title] = (by[title] ?? 0) + n;
      return by;
    }, {}),
  };
}

const OP18 = ['OP-18a|stay, discharged or transferred', 'OP-18b|stay, discharged'] as const;
const MH18 = 'OP-18c|stay, mental health';
const TR18 = 'OP-18d|stay, transferred';
const ADMITTED = ['ED-1|stay, admitted', 'ED-2|boarding, admitted'];
const ADMITTED_NOT_MH = ['ED-1|stay, admitted, not mental health', 'ED-2|boarding, not mental health'];
const ADMITTED_MH = ['ED-1|stay, admitted, mental health', 'ED-2|boarding, mental health'];
const LWBS = 'OP-22|left without being seen';
const LBTC = 'LBTC|left before treatment complete';
const ECAT = 'ECAT|ED access composite';
const RETURNS = '72-hour returns|all';
const RETURNS_ADMITTED = '72-hour returns|ended in admission';

/**
 * /er measures: what a reader knows of how its figures hang together, from the measures' definitions
 * (README, "ED measures") rather than from the product's own declaration. Every visit is in one stratum,
 * is mental health or not, and has an age band or none; each time measure counts its population's visits
 * as measured or left out; each rate's "of visits" is every visit (or its ECAT stratum's).
 */
function measureIdentities({ answer, cell, unknown, sum, reveal, problem }: Linked): void {
  const [a, b] = OP18;
  const n = cell(LWBS, 'of visits');
  // Discharged or transferred = discharged not MH (18b) + discharged MH + transferred not MH + transferred MH.
  for (const col of ['of visits', 'left out']) {
    const [dMh, tNot, tMh] = [unknown(), unknown(), unknown()];
    sum([cell(b, col), dMh, tNot, tMh], cell(a, col));
    sum([dMh, tMh], cell(MH18, col));
    sum([tNot, tMh], cell(TR18, col));
  }
  // Admitted: the same visits in ED-1 and ED-2, measured or left out, and split by mental health.
  const population = (rows: readonly string[]) => {
    const p = unknown();
    for (const r of rows) sum([cell(r, 'of visits'), cell(r, 'left out')], p);
    return p;
  };
  const admitted = population(ADMITTED);
  const admittedMh = population(ADMITTED_MH);
  sum([population(ADMITTED_NOT_MH), admittedMh], admitted);
  for (const col of ['of visits', 'left out'])
    for (const k of [0, 1])
      sum(
        [cell(ADMITTED_NOT_MH[k] ?? '', col), cell(ADMITTED_MH[k] ?? '', col)],
        cell(ADMITTED[k] ?? '', col),
      );
  // Every rate is of all visits; door to provider measures or leaves out each of them.
  for (const r of [LBTC, ECAT, RETURNS, RETURNS_ADMITTED]) sum([cell(r, 'of visits')], n);
  sum(
    [
      cell('Door to provider|arrival to first provider contact', 'of visits'),
      cell('Door to provider|arrival to first provider contact', 'left out'),
    ],
    n,
  );
  // LBTC = LWBS + left against advice or eloped; LWBS left before any provider contact.
  sum([cell(LWBS, 'counted'), unknown()], cell(LBTC, 'counted'));
  sum(
    [cell(LWBS, 'counted'), unknown()],
    cell('Door to provider|arrival to first provider contact', 'left out'),
  );
  // The strata: discharged or transferred, admitted, LBTC, and the rest (observation, still in the ED).
  sum([cell(a, 'of visits'), cell(a, 'left out'), admitted, cell(LBTC, 'counted'), unknown()], n);
  // ECAT: by age band (and visits of unknown age), by mental health; LWBS meets it.
  for (const col of ['counted', 'of visits']) {
    sum(
      [...['under 18', '18-64', '65 and over'].map((band) => cell(`${ECAT}, ${band}`, col)), unknown()],
      cell(ECAT, col),
    );
    sum([cell(`${ECAT}, mental health`, col), cell(`${ECAT}, not mental health`, col)], cell(ECAT, col));
  }
  sum([cell(LWBS, 'counted'), unknown()], cell(ECAT, 'counted'));
  sum(
    [cell(MH18, 'of visits'), cell(MH18, 'left out'), admittedMh, unknown()],
    cell(`${ECAT}, mental health`, 'of visits'),
  );
  // Returns ended in admission are returns, and admitted.
  sum([cell(RETURNS_ADMITTED, 'counted'), unknown()], cell(RETURNS, 'counted'));
  sum([cell(RETURNS_ADMITTED, 'counted'), unknown()], admitted);
  sum([cell('ED-2|boarding over 4 h now', 'counted'), unknown()], cell('ED-2|boarding now', 'counted'));
  const col = (name: string) => answer.header.indexOf(name);
  for (const row of answer.rows) {
    const key = `${row[0]}|${row[col('what')] ?? ''}`;
    const number = (name: string) => {
      const t = row[col(name)] ?? '';
      return /^[\d,.]+$/.test(t) ? Number(t.replace(/,/g, '')) : null;
    };
    const value = number('value');
    const [counted, of] = [number('counted'), number('of visits')];
    if (value === null) continue;
    if (row[col('unit')] === '%') {
      // A percentage and its denominator give the count; a count and a non-zero percentage the denominator.
      if (of !== null) reveal(cell(key, 'counted'), Math.round((value * of) / 100), `${key} % x of visits`);
      else if (counted !== null && value > 0)
        reveal(cell(key, 'of visits'), Math.round((counted * 100) / value), `${key} count / %`);
    } else if (of === null && (row[col('of visits')] ?? '') !== '-')
      problem(`${key}: a median of a withheld number of visits (${row[col('of visits')]}) is shown`);
  }
  // The headline: the visits in the window, as the table shows them.
  const total = answer.rows.find((r) => `${r[0]}|${r[col('what')] ?? ''}` === LWBS)?.[col('of visits')];
  if (total !== undefined && !answer.summary.startsWith(`${total} `))
    problem(`the summary does not say the number of visits ${total}: ${answer.summary}`);
}

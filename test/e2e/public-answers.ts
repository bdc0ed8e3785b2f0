import { smallCountsSolved, type PublishedSum } from '../support/disclosure.ts';
import type { DiscordStandIn, RecordedRequest } from './standin.ts';

/**
 * The check of public answers, on what Discord received: for every reply posted in the channel
 * (not ephemeral), read the table as a reader does and solve the published sums (each row's total, each
 * breakdown's total row, the headline) for every withheld cell ("<t" or "–"). None may come out as a count
 * from 1 to t-1. The sums each answer publishes are written here from what its table says, independently
 * of src/core/public-view.ts.
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
  const problems: string[] = [];
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
  for (const s of smallCountsSolved(values, sums, threshold)) {
    const [i, v] = s.split('=').map(Number);
    const at = [...id].find(([, k]) => k === i)?.[0];
    problems.push(`${a.title}: cell ${at} solves to ${v}`);
  }
  return { problems, withheld, answers: 1 };
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
  };
}

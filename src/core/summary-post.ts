import { PALETTE } from './charts.ts';
import {
  changeText,
  summaryFooter,
  summaryMarker,
  type DailySummary,
  type SummaryFigure,
} from './daily-summary.ts';
import type { ReplyChart } from './reply.ts';
import { measureLineStates } from './summary-measures.ts';
import { cellText, isSmallCount, suppressGroup, type CellState } from './suppression.ts';
import { discordText } from './text.ts';

/**
 * The ER daily summary as a channel post: an embed (Discord's JSON shape, no discord.js here) and a chart
 * of arrivals per hour. Small counts are suppressed (see suppression.ts); the footer names the day and
 * the data window, and marks the post as that day's summary.
 */
export interface PostEmbed {
  title: string;
  description: string;
  color: number;
  fields: { name: string; value: string; inline: boolean }[];
  footer: { text: string };
  image?: { url: string };
}

export interface SummaryPost {
  embed: PostEmbed;
  chart: ReplyChart;
  /** The footer text that identifies this day's post in the channel's history. */
  marker: string;
  /** What each figure shows after suppression, by key (for tests and the audit trail). */
  shown: Record<string, string>;
}

/** Groups whose cells add up to a published figure (the group total). */
const GROUP_TOTALS: Record<string, string> = {
  dispatches: 'dispatches',
  'arrivals by condition': 'arrivals',
  'arrivals by triage': 'arrivals',
  'treatments by type': 'treatments',
  dispositions: 'dispositions',
};

const FIELDS: [string, string[]][] = [
  ['Calls and dispatches', ['calls', 'dispatches']],
  ['Response (call to scene)', ['response']],
  ['ER arrivals', ['arrivals', 'arrivals by condition']],
  ['Triage', ['arrivals by triage']],
  ['Treatments', ['treatments', 'treatments by type']],
  ['Dispositions', ['dispositions']],
  ['ED flow', ['flow']],
  ['ED measures', ['measures']],
  ['Census', ['census']],
];

export function summaryPost(s: DailySummary, threshold: number): SummaryPost {
  const state = new Map<string, CellState>();
  const withheld = new Set<string>();
  const figure = (key: string) => s.figures.find((f) => f.key === key);
  const value = (f: SummaryFigure | undefined) => f?.value ?? 0;

  // Single counts first: "<t" for 1..t-1.
  for (const f of s.figures)
    if (f.isCount) state.set(f.key, isSmallCount(value(f), threshold) ? 'small' : 'shown');
  // Groups that add up to a published total.
  const totals: Record<string, number> = {
    dispatches: s.figures.filter((f) => f.group === 'dispatches').reduce((n, f) => n + value(f), 0),
    arrivals: value(figure('arrivals')),
    treatments: value(figure('treatments')),
    dispositions: s.figures.filter((f) => f.group === 'dispositions').reduce((n, f) => n + value(f), 0),
  };
  for (const [group, total] of Object.entries(GROUP_TOTALS)) {
    const cells = s.figures.filter((f) => f.group === group);
    const totalShown = threshold === 0 || (totals[total] ?? 0) === 0 || (totals[total] ?? 0) >= threshold;
    const r = suppressGroup({ values: cells.map(value), totalPublished: totalShown }, threshold);
    cells.forEach((c, i) => state.set(c.key, r.states[i] ?? 'hidden'));
    if (r.totalWithheld) withheld.add(total);
  }
  // The chart's hours add up to the arrivals too.
  const hours = suppressGroup(
    { values: s.hours.map((h) => h.count), totalPublished: !withheld.has('arrivals') },
    threshold,
  );
  if (hours.totalWithheld) withheld.add('arrivals');
  if (withheld.has('arrivals')) state.set('arrivals', 'hidden');
  if (withheld.has('treatments')) state.set('treatments', 'hidden');
  // The ED measures' lines: one protection over the sums between their counts (measure-links.ts).
  const arrivalsShown = (state.get('arrivals') ?? 'shown') === 'shown';
  for (const [key, st] of measureLineStates(s.figures, s.measureLinks, arrivalsShown, threshold))
    state.set(key, st);

  const shown: Record<string, string> = {};
  // A label can hold a value from the data (a treatment type): escaped, as replies' text is.
  const line = (f: SummaryFigure) => {
    const label = discordText(f.label);
    // A measure's rate or median that would give a small count away (summary-measures.ts): withheld.
    if (!f.isCount && (state.get(f.key) ?? 'shown') !== 'shown') {
      shown[f.key] = '–';
      return `${label} **–**`;
    }
    if (!f.isCount) {
      shown[f.key] = f.value === null ? '–' : String(f.value);
      // A measure's change against its baseline only where that baseline gives no small count away.
      const basis = f.baselineBasis;
      const safe = basis === undefined || (basis !== null && !isSmallCount(basis, threshold));
      return `${label} **${f.value ?? '–'}**${safe && changeText(f) ? ` (${changeText(f)})` : ''}`;
    }
    const st = state.get(f.key) ?? 'shown';
    const text = cellText(value(f), st, threshold);
    shown[f.key] = text;
    // A change is shown only when neither the day nor its seven-day baseline is a small count.
    const weekly = Math.round((f.average ?? 0) * 7);
    const safe = st === 'shown' && (threshold === 0 || weekly === 0 || weekly >= threshold);
    return `${label} **${text}**${safe && changeText(f) ? ` (${changeText(f)})` : ''}`;
  };
  const fields = FIELDS.map(([name, groups]) => ({
    name,
    value:
      s.figures
        .filter((f) => groups.includes(f.group))
        .map(line)
        .join('\n')
        .slice(0, 1024) || '–',
    inline: false,
  }));

  const busiest = s.busiest;
  const busiestState = busiest ? (hours.states[s.hours.indexOf(busiest)] ?? 'shown') : 'hidden';
  const arrivals = shown.arrivals ?? '0';
  const description = [
    `**${arrivals}** ER arrivals, **${shown.calls ?? '0'}** emergency calls, **${shown.census ?? '0'}** in the ER at midnight.`,
    busiest && busiest.count > 0
      ? `Busiest hour: **${busiest.label}**${busiestState === 'shown' ? ` (${busiest.count} arrivals)` : ''}.`
      : 'No arrivals.',
    'Changes are against the average of the 7 days before.',
    threshold > 0
      ? `Counts below ${threshold} show as <${threshold}; cells marked – are withheld so they cannot be worked out.`
      : '',
  ]
    .filter(Boolean)
    .join('\n');

  const hidden = hours.states.some((st) => st !== 'shown');
  const chart: ReplyChart = {
    config: {
      type: 'bar',
      data: {
        labels: s.hours.map((h) => h.label),
        datasets: [
          {
            label: 'arrivals',
            data: s.hours.map((h, i) => (hours.states[i] === 'shown' ? h.count : null)),
            backgroundColor: PALETTE[0],
          },
        ],
      },
      options: {
        animation: false,
        responsive: false,
        plugins: {
          title: {
            display: true,
            text: `ER arrivals per hour, ${s.date}${hidden ? ' (blank hours withheld to protect small counts)' : ''}`,
            font: { size: 18 },
          },
          legend: { display: false },
        },
        scales: {
          x: { title: { display: true, text: 'hour (local)' } },
          y: { beginAtZero: true, title: { display: true, text: 'arrivals' } },
        },
      },
    },
    width: 900,
    height: 450,
  };
  const marker = summaryMarker(s.date);
  return {
    embed: {
      title: `ER daily summary: ${new Date(`${s.date}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}`,
      description,
      color: 0x2563eb,
      fields,
      footer: { text: summaryFooter(s) },
      image: { url: 'attachment://chart.png' },
    },
    chart,
    marker,
    shown,
  };
}

/**
 * What every command returns: a front end (terminal or Discord) renders it; commands never format
 * for a particular front end.
 */
export type Cell = string | number | null;

export interface ReplyColumn {
  name: string;
  align?: 'left' | 'right';
  /** A count of people or events: small ones are suppressed in a public answer (see public-view.ts). */
  count?: boolean;
  /** With `count`: each cell is the sum of the row's other count cells. */
  total?: boolean;
  /** About one person or event (a wait, a time): left out of a public answer. */
  detail?: boolean;
  /**
   * Derived from counts: `share`, a percentage of the table's total (left out of a public answer when a
   * count was suppressed); `row`, a statistic of the row's people (a median), withheld in a row whose
   * counts were suppressed.
   */
  derived?: 'share' | 'row';
  /**
   * With `derived: 'row'`: the count columns (by name) whose people the statistic describes; it is withheld
   * when one of those cells is suppressed. Without it, when any count cell of the row is.
   */
  of?: string[];
  /** Clinical text (a medication, a dose, an allergy): renderers never shorten it. */
  clinical?: boolean;
}

export interface ReplyTable {
  columns: ReplyColumn[];
  rows: Cell[][];
  /** Rows that matched before the cap on rows held; more than rows.length when the result was cut. */
  totalRows?: number;
  /** The last row sums the rows above it, column by column. */
  totalRow?: boolean;
  /**
   * With `totalRow`: the rows above it are several breakdowns of the same people (by department, then by
   * weekday), each this many consecutive rows, and each adds up to the total row on its own.
   */
  sections?: number[];
  /**
   * A public answer adds a last row with this label, holding each count column's sum, so that it shows its
   * total (the private answer says it in its summary).
   */
  publicTotal?: string;
  /** Every row is one person, visit or event: row-level detail, left out of a public answer. */
  detail?: boolean;
  /** Sums a reader knows beyond the table's rows and columns: a public answer protects them too. */
  links?: TableLinks;
}

/** A count cell of a table by row and column, or (a number) a count the table does not show. */
export type CellRef = readonly [row: number, column: number] | number;

/**
 * How a table's counts hang together beyond its total row and column (ED-1's count is its not mental health
 * row's plus its mental health row's; LBTC's is LWBS's plus the visits that left against advice or eloped,
 * a count not shown): public-view.ts folds these sums into its one small-cell protection.
 */
export interface TableLinks {
  /** Counts the table never shows that the sums refer to (by index): a reader knows only that each is >= 0. */
  unpublished: number[];
  sums: { parts: CellRef[]; total: CellRef }[];
  /** The cells holding the answer's headline count, the first the one `{total}` stands for: hidden last. */
  headline?: (readonly [row: number, column: number])[];
}

export interface ReplyChart {
  /** A Chart.js v4 configuration: plain JSON, so the local renderer and QuickChart draw the same chart. */
  config: ChartConfig;
  width: number;
  height: number;
  /**
   * Where each plotted value is in the table a public answer shows (`publicTable`, else `table`), by
   * dataset then point: a public answer blanks the values whose cell it withholds.
   */
  cells?: ([number, number] | null)[][];
  /**
   * How many people each plotted value describes (a daily median), by dataset then point: a public answer
   * blanks the values of 1 to SUMMARY_MIN_CELL-1 people (and, with `cells` too, those whose cell it
   * withholds). A chart with neither `cells` nor `basis` is left out of a public answer whose table has
   * counts.
   */
  basis?: number[][];
}

/** The parts of Chart.js's configuration we use, kept as plain data. */
export interface ChartConfig {
  type: 'bar' | 'line' | 'pie' | 'doughnut' | 'scatter';
  data: {
    labels?: (string | number)[];
    datasets: {
      label?: string;
      data: (number | null | { x: number; y: number })[];
      backgroundColor?: string | string[];
      borderColor?: string | string[];
      borderWidth?: number;
      pointRadius?: number;
      fill?: boolean;
      tension?: number;
      stack?: string;
    }[];
  };
  options?: Record<string, unknown>;
}

export type Sensitivity = 'phi' | 'aggregate';

export interface Reply {
  /** Text as it is, never markup: each front end escapes what it must (Discord: src/discord/message.ts). */
  title: string;
  /** Discord users the title names on purpose as `<@id>` (whose audit trail): shown as mentions, pinging nobody. */
  mentions?: string[];
  summary: string;
  /**
   * Addresses the bot made itself that the summary gives as `<url>` (a one-time link of its own): kept as links
   * where the rest of the summary is escaped. Never an address from the data or from a member.
   */
  links?: string[];
  /**
   * What a public answer says instead of `summary`: no counts other than `{total}`, which stands for the
   * total of its table (the total row's total, or first count, cell) as the public answer shows it, and no
   * row-level detail. Without it, a public answer keeps `summary`, which must then hold neither.
   */
  publicSummary?: string;
  /** What a public answer shows instead of a row-level `table` (counts by some grouping). */
  publicTable?: ReplyTable;
  table?: ReplyTable;
  chart?: ReplyChart;
  /** `phi` when the reply shows anything about an identifiable patient. */
  sensitivity: Sensitivity;
  /** Time window and data freshness. */
  footer: string;
  /** Patients the reply discloses, for the audit trail. */
  patientIds: number[];
}

/** A reply without what a command's declaration says (sensitivity) or the audit needs (patients). */
export type ReplyBody = Omit<Reply, 'sensitivity' | 'patientIds'>;

/** The most rows a reply holds; renderers page through them. */
export const MAX_ROWS = 200;

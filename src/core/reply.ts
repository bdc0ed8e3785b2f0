/**
 * What every command returns: a front end (terminal or Discord) renders it; commands never format
 * for a particular front end.
 */
export type Cell = string | number | null;

export interface ReplyColumn {
  name: string;
  align?: 'left' | 'right';
}

export interface ReplyTable {
  columns: ReplyColumn[];
  rows: Cell[][];
  /** Rows that matched before the cap on rows held; more than rows.length when the result was cut. */
  totalRows?: number;
}

export interface ReplyChart {
  /** A Chart.js v4 configuration: plain JSON, so the local renderer and QuickChart draw the same chart. */
  config: ChartConfig;
  width: number;
  height: number;
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
  title: string;
  summary: string;
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

import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Config } from '../config.ts';
import { UserError } from '../core/errors.ts';
import type { Reply } from '../core/reply.ts';
import { sanitizeLines } from '../core/text.ts';
import { renderChart } from '../render/chart.ts';
import { toCsv } from '../render/csv.ts';
import { renderTablePages } from '../render/table.ts';

export type Format = 'text' | 'json' | 'csv';

/** Writes the reply's chart as a PNG under the output directory; returns its path. */
async function writeChart(reply: Reply, config: Config, name: string): Promise<string | undefined> {
  if (!reply.chart) return undefined;
  const png = await renderChart(reply.chart, config.charts);
  const dir = resolve(config.consoleOutputDir);
  await mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(dir, `${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}-${stamp}.png`);
  await writeFile(file, png, { mode: 0o600 });
  return file;
}

/**
 * Characters JSON.stringify leaves raw that a terminal would act on (C1 controls, bidirectional overrides and
 * isolates): written as \u escapes, the JSON means the same and prints safely.
 */
const JSON_UNSAFE = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * How a reply reads in a terminal, or as JSON or CSV for scripts. Text and CSV carry no control characters
 * (values echoed from the person's options or from the data cannot drive the terminal); JSON escapes them.
 */
export async function formatReply(
  reply: Reply,
  format: Format,
  config: Config,
  name: string,
): Promise<string> {
  if (format === 'csv') {
    if (reply.sensitivity === 'phi')
      throw new UserError('forbidden', 'CSV export is only for aggregate reports, not patient records.');
    if (!reply.table) throw new UserError('invalid_argument', 'This reply has no table to export.');
    // toCsv cleans each cell before it neutralises formulas: cleaning the file afterwards could uncover one.
    return toCsv(reply.table).trimEnd();
  }
  const file = await writeChart(reply, config, name);
  if (format === 'json') {
    return JSON.stringify(
      {
        title: reply.title,
        summary: reply.summary,
        sensitivity: reply.sensitivity,
        footer: reply.footer,
        table: reply.table
          ? {
              columns: reply.table.columns.map((c) => c.name),
              rows: reply.table.rows,
              totalRows: reply.table.totalRows ?? reply.table.rows.length,
            }
          : null,
        chart: reply.chart
          ? { config: reply.chart.config, width: reply.chart.width, height: reply.chart.height, file }
          : null,
      },
      null,
      2,
    ).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  const parts = [reply.title, '='.repeat(Math.min(80, [...reply.title].length)), reply.summary];
  if (reply.table && reply.table.rows.length > 0) {
    parts.push('', ...renderTablePages(reply.table, { maxChars: Number.MAX_SAFE_INTEGER, maxCellWidth: 60 }));
  }
  if (file) parts.push('', `chart: ${file}`);
  parts.push('', reply.footer);
  return sanitizeLines(parts.join('\n'));
}

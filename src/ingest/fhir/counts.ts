/** What an import did with each resource type's lines. */
export interface TypeCounts {
  read: number;
  imported: number;
  updated: number;
  unchanged: number;
  skipped: number;
  invalid: number;
  /** Why lines were skipped, with how many. */
  skippedBecause: Record<string, number>;
}

export interface InvalidLine {
  file: string;
  line: number;
  reason: string;
}

export interface ImportCounts {
  files: number;
  types: Record<string, TypeCounts>;
}

export function countsFor(counts: ImportCounts, type: string): TypeCounts {
  counts.types[type] ??= {
    read: 0,
    imported: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    invalid: 0,
    skippedBecause: {},
  };
  return counts.types[type];
}

export function skipped(c: TypeCounts, reason: string): void {
  c.skipped++;
  c.skippedBecause[reason] = (c.skippedBecause[reason] ?? 0) + 1;
}

export const totalOf = (counts: ImportCounts, key: 'read' | 'invalid' | 'imported' | 'updated') =>
  Object.values(counts.types).reduce((n, c) => n + c[key], 0);

/** The table printed at the end: one line per type, then the reasons for what was skipped. */
export function formatCounts(counts: ImportCounts): string {
  const header = ['type', 'read', 'imported', 'updated', 'unchanged', 'skipped', 'invalid'];
  const rows = Object.entries(counts.types).map(([type, c]) => [
    type,
    ...[c.read, c.imported, c.updated, c.unchanged, c.skipped, c.invalid].map(String),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const reasons = Object.entries(counts.types).flatMap(([type, c]) =>
    Object.entries(c.skippedBecause).map(([why, n]) => `  ${type}: ${n} skipped: ${why}`),
  );
  return [line(header), ...rows.map(line), ...(reasons.length > 0 ? ['', ...reasons] : [])].join('\n');
}

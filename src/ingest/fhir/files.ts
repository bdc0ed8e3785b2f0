import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { UserError } from '../../core/errors.ts';
import { USED_TYPES, type UsedType } from './handlers.ts';

export interface ExportFile {
  path: string;
  /** The resource type its name says (Patient.000.ndjson, 1.Patient.ndjson), if any. */
  type: string | undefined;
}

/** The type a Bulk Data file name carries: a capitalised word between dots, dashes or underscores. */
export function typeOfName(path: string): string | undefined {
  const words = basename(path).split(/[.\-_]/);
  return words.find((w) => /^[A-Z][A-Za-z]+$/.test(w));
}

/** Where a type's files go: used types in dependency order, then every other type, then unnamed files. */
function rank(type: string | undefined): number {
  const i = USED_TYPES.indexOf(type as UsedType);
  if (i >= 0) return i;
  return type === undefined ? USED_TYPES.length + 1 : USED_TYPES.length;
}

/** The .ndjson files of the folders and files given, in the order they are to be read. */
export async function exportFiles(args: readonly string[]): Promise<ExportFile[]> {
  const paths: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => undefined);
    if (!info) throw new UserError('invalid_argument', `${arg}: no such file or folder`);
    if (info.isDirectory()) {
      const names = (await readdir(arg)).filter((n) => /\.ndjson$/i.test(n)).sort();
      paths.push(...names.map((n) => join(arg, n)));
    } else paths.push(arg);
  }
  if (paths.length === 0) throw new UserError('invalid_argument', `no .ndjson files in ${args.join(', ')}`);
  return paths
    .map((path) => ({ path, type: typeOfName(path) }))
    .sort((a, b) => rank(a.type) - rank(b.type) || a.path.localeCompare(b.path));
}

/** The lines of a file, one at a time (memory stays flat whatever its size), numbered from 1. */
export async function* linesOf(path: string): AsyncGenerator<{ text: string; line: number }> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() !== '') yield { text, line };
  }
}

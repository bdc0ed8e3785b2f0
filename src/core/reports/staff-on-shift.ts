import { footer, fullName, plural, when } from '../format.ts';
import type { ReplyBody } from '../reply.ts';

/** One person on duty, with the shift's department and end. */
export interface OnShiftEntry {
  first_name: string;
  last_name: string;
  staff_type: string;
  /** Specialty or qualification, where the role has one. */
  detail: string | null;
  department: string;
  ends_at: Date;
}

/** Who is on duty now, everywhere or in one department (`null`: everywhere). */
export function onShiftReport(
  rows: readonly OnShiftEntry[],
  department: string | null,
  timeZone: string,
  now: number,
): ReplyBody {
  const where = department ? ` in ${department}` : '';
  return {
    title: `On shift now${where}`,
    summary:
      rows.length === 0
        ? `Nobody is on shift${where} right now.`
        : `${plural(rows.length, 'person', 'people')} on duty${where}.`,
    table: {
      columns: [
        { name: 'name' },
        { name: 'role' },
        { name: 'detail' },
        { name: 'department' },
        { name: 'until' },
      ],
      rows: rows.map((r) => [fullName(r), r.staff_type, r.detail, r.department, when(timeZone, r.ends_at)]),
    },
    footer: footer(timeZone, now),
  };
}

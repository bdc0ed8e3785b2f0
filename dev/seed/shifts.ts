/** The shift rota: who works when, written out as shift rows, and who is on duty at an instant. */
import { addDays, DAY_MS, HOUR_MS, localDate, toSqlDateTime } from '../../src/core/time.ts';
import type { GenerationStep } from './output.ts';
import { weekdayOf, type GeneratorState, type StaffMember } from './state.ts';

/** Days of a 7-day cycle on which a person works; with the offset, three 12-hour shifts a week. */
const WORK_DAYS = new Set([0, 2, 4]);

/** Whole local days since the epoch for a local-midnight instant: the shift rota's day number. */
function rotaDayOf(dayStart: number): number {
  return Math.round((dayStart + 12 * HOUR_MS) / DAY_MS);
}

function works(m: StaffMember, rotaDay: number): boolean {
  return WORK_DAYS.has((((rotaDay + m.offset) % 7) + 7) % 7);
}

/** Staff of a group on duty at `ms` under the rota that makeShifts writes out. */
export function onDuty(g: GeneratorState, group: readonly StaffMember[], ms: number): StaffMember[] {
  const info = g.localInfo(ms);
  const kind = info.hour >= 7 && info.hour < 19 ? 0 : 1;
  // A night shift that started yesterday evening covers the small hours of today.
  const shiftDayStart =
    kind === 1 && info.hour < 7 ? g.localInfo(info.dayStart - HOUR_MS).dayStart : info.dayStart;
  const day = rotaDayOf(shiftDayStart);
  const on = group.filter((m) => m.shiftKind === kind && works(m, day));
  return on.length > 0 ? on : group.filter((m) => m.shiftKind === kind);
}

/** ER and ambulance staff work the 12-hour rota; clinic staff work weekdays 08:00-17:00. */
export function* makeShifts(g: GeneratorState): Generator<GenerationStep> {
  const rota = [...g.erPhysicians, ...g.erNurses, ...g.paramedics];
  const clinic = [...g.clinicPhysicians, ...g.clinicNurses];
  // From the day before the data starts to two days after it ends, so "on shift now" has answers.
  const until = g.end + 2 * DAY_MS;
  for (
    let date = localDate(g.tz, g.start - DAY_MS), days = 0;
    g.atLocal(date) < until;
    date = addDays(date, 1), days++
  ) {
    yield g.progress('shifts', days, g.start);
    const day = g.atLocal(date);
    const weekday = weekdayOf(date);
    const rotaDay = rotaDayOf(day);
    for (const m of rota) {
      if (!works(m, rotaDay)) continue;
      const startsAt = g.atLocal(date, m.shiftKind === 0 ? 7 : 19);
      const endsAt = m.shiftKind === 0 ? g.atLocal(date, 19) : g.atLocal(addDays(date, 1), 7);
      g.add('shift', [g.nextId('shift'), m.id, m.department, toSqlDateTime(startsAt), toSqlDateTime(endsAt)]);
    }
    if (weekday >= 1 && weekday <= 5) {
      const startsAt = g.atLocal(date, 8);
      const endsAt = g.atLocal(date, 17);
      for (const m of clinic) {
        g.add('shift', [
          g.nextId('shift'),
          m.id,
          m.department,
          toSqlDateTime(startsAt),
          toSqlDateTime(endsAt),
        ]);
      }
    }
  }
}

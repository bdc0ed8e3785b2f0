import { many, type Db } from './queries.ts';

export interface ArrivalsByConditionRow {
  condition: string;
  arrivals: number;
  esi1: number;
  esi2: number;
  esi3: number;
  esi4: number;
  esi5: number;
}

/** ER arrivals in [from, to) by condition on arrival, with triage counts. */
export async function arrivalsByCondition(
  db: Db,
  p: { from: Date; to: Date },
): Promise<ArrivalsByConditionRow[]> {
  const rows = await many<ArrivalsByConditionRow>(db, 'ArrivalsByCondition', [p.from, p.to]);
  // SUM() comes back as a DECIMAL string from MySQL; counts are whole numbers.
  return rows.map((r) => ({
    condition: r.condition,
    arrivals: Number(r.arrivals),
    esi1: Number(r.esi1),
    esi2: Number(r.esi2),
    esi3: Number(r.esi3),
    esi4: Number(r.esi4),
    esi5: Number(r.esi5),
  }));
}

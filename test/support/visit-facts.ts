import type { RowDataPacket } from 'mysql2/promise';
import type { Connection } from '../../src/data/mysql.ts';

const COLUMNS = [
  'arrived_at',
  'patient_id',
  'arrived_s',
  'roomed_s',
  'provider_s',
  'decided_s',
  'departed_s',
  'decision',
  'observation',
  'mental_health',
  'treated',
  'age',
];

/**
 * How many visits' rows of er_visit_fact (migration 019, kept by triggers) differ from what the view
 * er_visit_fact_source says now, counting visits missing from either side. 0 when the triggers kept up.
 */
export async function factsOutOfStep(conn: Connection): Promise<number> {
  const same = COLUMNS.map((c) => `f.${c} <=> s.${c}`).join(' AND ');
  const [r] = await conn.query<RowDataPacket[]>(
    `SELECT (SELECT COUNT(*) FROM er_visit_fact_source s LEFT JOIN er_visit_fact f USING (visit_id)
             WHERE f.visit_id IS NULL OR NOT (${same}))
          + (SELECT COUNT(*) FROM er_visit_fact f LEFT JOIN er_visit_fact_source s USING (visit_id)
             WHERE s.visit_id IS NULL) AS n`,
  );
  return Number(r[0]?.n);
}

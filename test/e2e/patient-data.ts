import type { RowDataPacket } from 'mysql2/promise';
import { connect } from '../../src/data/mysql.ts';

/**
 * The log scan, shared by every end-to-end file: no bot process may log any seeded patient's
 * identifiers (MRN, name, date of birth, phone).
 */
export interface SeededPatient {
  id: number;
  mrn: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  phone: string | null;
}

/** Every patient of a test's database. */
export async function seededPatients(mysqlUrl: string): Promise<SeededPatient[]> {
  const c = await connect(mysqlUrl);
  try {
    const [rows] = await c.query<RowDataPacket[]>(
      `SELECT id, mrn, first_name, last_name, DATE_FORMAT(date_of_birth, '%Y-%m-%d') AS date_of_birth, phone
       FROM patient`,
    );
    return rows as SeededPatient[];
  } finally {
    await c.end();
  }
}

/** Everything that identifies a patient, as it would be written in a log line. */
function identifiers(p: SeededPatient): string[] {
  return [
    p.mrn,
    `${p.first_name} ${p.last_name}`,
    `${p.last_name}, ${p.first_name}`,
    p.date_of_birth,
    ...(p.phone ? [p.phone] : []),
  ];
}

/**
 * The log lines that hold a patient's identifier, each with the identifier found. The day a summary or
 * alert is about (`"date":"2026-12-04"`) is a calendar day, not a date of birth, even when a seeded newborn
 * was born on it.
 */
export function linesWithPatientData(logs: string, among: readonly SeededPatient[]): string[] {
  const found: string[] = [];
  for (const line of logs.split('\n')) {
    const text = line.replace(/"date":"\d{4}-\d{2}-\d{2}"/g, '"date":"…"');
    for (const p of among)
      for (const id of identifiers(p)) if (text.includes(id)) found.push(`${id} in: ${line.slice(0, 300)}`);
  }
  return found;
}

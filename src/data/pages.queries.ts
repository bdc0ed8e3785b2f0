import * as sql from './sql/pages.generated.ts';
import type { Db } from './queries.ts';

export type PageStateRow = sql.GetPageStateRow;

export interface NewPageState {
  id: string;
  userId: string;
  command: string;
  body: string;
  bytes: number;
  now: Date;
  expiresAt: Date;
}

export const addPageState = (db: Db, s: NewPageState) => sql.addPageState(db, { ...s });

export const getPageState = (db: Db, id: string, now: Date) => sql.getPageState(db, { id, now });

export const touchPageState = (db: Db, id: string, now: Date) => sql.touchPageState(db, { id, now });

export const deleteExpiredPageStates = (db: Db, now: Date) => sql.deleteExpiredPageStates(db, { now });

export const evictPageStates = (db: Db, maxEntries: number, maxBytes: number) =>
  sql.evictPageStates(db, { maxEntries, maxBytes });

export async function pageStateTotals(db: Db): Promise<{ entries: number; bytes: number }> {
  const row = await sql.pageStateTotals(db);
  return { entries: Number(row?.entries ?? 0), bytes: Number(row?.bytes ?? 0) };
}

/**
 * True when this process now holds the interaction; false when another one took it first. A plain INSERT,
 * not an upsert: with the driver's found-rows flag an upsert that changes nothing still reports a row, which
 * would let every process believe it had won.
 */
export async function claimInteraction(db: Db, interactionId: string, instance: string, now: Date) {
  try {
    return (await sql.claimInteraction(db, { interactionId, instance, now })) === 1;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ER_DUP_ENTRY') return false;
    throw err;
  }
}

export const deleteOldInteractionClaims = (db: Db, before: Date) =>
  sql.deleteOldInteractionClaims(db, { before });

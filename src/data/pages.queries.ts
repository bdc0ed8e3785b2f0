import { exec, execRows, one, type Db } from './queries.ts';

export interface PageStateRow {
  id: string;
  user_id: string;
  command: string;
  /** JSON of { reply, pages }. */
  body: string;
  expires_at: Date;
}

export interface NewPageState {
  id: string;
  userId: string;
  command: string;
  body: string;
  bytes: number;
  now: Date;
  expiresAt: Date;
}

export const addPageState = (db: Db, s: NewPageState) => exec(db, 'AddPageState', { ...s });

export const getPageState = (db: Db, id: string, now: Date) =>
  one<PageStateRow>(db, 'GetPageState', { id, now });

export const touchPageState = (db: Db, id: string, now: Date) => exec(db, 'TouchPageState', { id, now });

export const deleteExpiredPageStates = (db: Db, now: Date) =>
  execRows(db, 'DeleteExpiredPageStates', { now });

export const evictPageStates = (db: Db, maxEntries: number, maxBytes: number) =>
  execRows(db, 'EvictPageStates', { maxEntries, maxBytes });

export async function pageStateTotals(db: Db): Promise<{ entries: number; bytes: number }> {
  const row = await one<{ entries: number | string; bytes: number | string }>(db, 'PageStateTotals');
  return { entries: Number(row?.entries ?? 0), bytes: Number(row?.bytes ?? 0) };
}

/**
 * True when this process now holds the interaction; false when another one took it first. A plain INSERT,
 * not an upsert: with the driver's found-rows flag an upsert that changes nothing still reports a row, which
 * would let every process believe it had won.
 */
export async function claimInteraction(db: Db, interactionId: string, instance: string, now: Date) {
  try {
    return (await execRows(db, 'ClaimInteraction', { interactionId, instance, now })) === 1;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ER_DUP_ENTRY') return false;
    throw err;
  }
}

export const deleteOldInteractionClaims = (db: Db, before: Date) =>
  execRows(db, 'DeleteOldInteractionClaims', { before });

import { setTimeout as sleep } from 'node:timers/promises';
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

export const addPageState = (db: Db, s: NewPageState) =>
  retryingDeadlocks(() => sql.addPageState(db, { ...s }));

/** How often a page-state statement chosen as a deadlock's victim is tried again. */
const DEADLOCK_ATTEMPTS = 4;

/**
 * Runs one page-state statement (autocommit: a deadlock rolls back that statement alone), again when the
 * server picks it as a deadlock's victim (ER_LOCK_DEADLOCK), after a short random pause; bounded.
 */
async function retryingDeadlocks<T>(statement: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await statement();
    } catch (err) {
      if ((err as { errno?: unknown }).errno !== 1213 || attempt >= DEADLOCK_ATTEMPTS) throw err;
      await sleep(5 + Math.random() * 20 * attempt);
    }
  }
}

export const getPageState = (db: Db, id: string, now: Date) => sql.getPageState(db, { id, now });

/** Makes a state the most recently used (by its primary key, `seq` from getPageState). */
export const touchPageState = (db: Db, seq: number, now: Date) =>
  retryingDeadlocks(() => sql.touchPageState(db, { seq, now }));

/** Deletes by primary key what a plain read found: how many went. */
async function deleteBySeq(db: Db, rows: readonly { seq: number | null }[]): Promise<number> {
  const seqs = rows.flatMap((r) => (r.seq === null ? [] : [r.seq]));
  if (seqs.length === 0) return 0;
  return retryingDeadlocks(() => sql.deletePageStates(db, { seqs }));
}

export const deleteExpiredPageStates = async (db: Db, now: Date) =>
  deleteBySeq(db, await sql.expiredPageStates(db, { now }));

/** Past either cap, deletes the least recently used states: how many went. */
export const evictPageStates = async (db: Db, maxEntries: number, maxBytes: number) =>
  deleteBySeq(db, await sql.pageStatesPastCaps(db, { maxEntries, maxBytes }));

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

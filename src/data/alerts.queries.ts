import * as sql from './sql/alerts.generated.ts';
import type { AlertMeasures } from '../core/alerts.ts';
import type { AlertRule, AlertState, AlertTransition } from '../core/vocabulary.ts';
import { onOneConnection, type Db } from './queries.ts';

const HOUR_MS = 3_600_000;

/** Every rule's measure at `now`: the ER census, urgent patients waiting, high-severity dispatches. */
export async function alertMeasures(db: Db, now: Date, waitMinutes: number): Promise<AlertMeasures> {
  const count = async (p: Promise<{ n: number } | undefined>) => Number((await p)?.n ?? 0);
  const [census, waiting, dispatchSurge] = await Promise.all([
    count(sql.alertCensus(db, { at: now })),
    count(
      sql.alertWaiting(db, {
        at: now,
        arrivedBy: new Date(now.getTime() - waitMinutes * 60_000),
      }),
    ),
    count(sql.alertHighDispatches(db, { at: now, from: new Date(now.getTime() - HOUR_MS) })),
  ]);
  return { census, waiting, dispatch_surge: dispatchSurge };
}

export type AlertRuleStateRow = sql.AlertRuleStatesRow;

export const alertRuleStates = (db: Db, channel: string) => sql.alertRuleStates(db, { channel });

/** Adds a rule's row, armed; false when another process added it first. */
export async function insertAlertRuleState(db: Db, channel: string, rule: AlertRule): Promise<boolean> {
  try {
    return (await sql.insertAlertRuleState(db, { channel, rule })) === 1;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ER_DUP_ENTRY') return false;
    throw err;
  }
}

export interface RuleUpdate {
  state: AlertState;
  transitions: number;
  clearSince: Date | null;
  measured: number;
  now: Date;
  firedAt: Date | null;
  clearedAt: Date | null;
}

/** The transition to claim with a rule update. */
export interface PostClaim {
  seq: number;
  kind: AlertTransition;
  happenedAt: Date;
  firedAt: Date | null;
  measured: number;
  threshold: number;
  instance: string;
}

/**
 * Moves a rule on from the row this process read and, with a transition, claims its post, in one
 * transaction. Returns the new post's id (0 without a transition), or undefined when another process
 * moved the rule on first (then that process posts).
 */
export function moveAlertRule(
  db: Db,
  seen: AlertRuleStateRow,
  update: RuleUpdate,
  claim: PostClaim | undefined,
): Promise<number | undefined> {
  return onOneConnection(db, async (conn) => {
    await conn.query('START TRANSACTION');
    try {
      const moved = await sql.updateAlertRuleState(conn, {
        ...update,
        id: seen.id,
        seenVersion: seen.version,
      });
      if (moved !== 1) {
        await conn.query('ROLLBACK');
        return undefined;
      }
      let postId = 0;
      if (claim) {
        const { instance, ...post } = claim;
        await sql.insertAlertPost(conn, {
          ...post,
          channel: seen.channel_id,
          rule: seen.rule,
          instance,
          now: update.now,
        });
        const row = await sql.alertPostIdBySeq(conn, {
          channel: seen.channel_id,
          rule: seen.rule,
          seq: claim.seq,
        });
        postId = Number(row?.id ?? 0);
      }
      await conn.query('COMMIT');
      return postId;
    } catch (err) {
      await conn.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  });
}

export type AlertPostRow = sql.AlertPostByIdRow;

export const alertPostById = (db: Db, id: number) => sql.alertPostById(db, { id });

export const staleAlertPosts = (db: Db, channel: string, staleBefore: Date) =>
  sql.staleAlertPosts(db, { channel, staleBefore });

export const newerAlertPosted = async (db: Db, row: AlertPostRow) =>
  Number(
    (
      await sql.newerAlertPosted(db, {
        channel: row.channel_id,
        rule: row.rule,
        seq: row.seq,
      })
    )?.n ?? 0,
  ) > 0;

export const supersedeAlertPost = (db: Db, id: number, instance: string) =>
  sql.supersedeAlertPost(db, { id, instance });

export type LastAlertPostRow = sql.LastAlertPostsRow;

/** Each rule's latest post and latest failed post in a channel (one row when they are the same). */
export const lastAlertPosts = (db: Db, channel: string) => sql.lastAlertPosts(db, { channel });

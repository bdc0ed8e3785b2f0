import { createHash, randomBytes } from 'node:crypto';
import type { Reply } from '../core/reply.ts';
import type { Db } from './queries.ts';
import * as sql from './sql/phi-links.generated.ts';

/**
 * PHI_DELIVERY=link: one-time links to answers kept in MySQL, sign-in sessions, and which hospital account
 * belongs to which Discord member. A token or a session id is handed out once and stored only as its
 * SHA-256, so a copy of the database opens nothing.
 */

/** An opaque, unguessable token for a URL or a cookie (256 random bits). */
export const newToken = () => randomBytes(32).toString('base64url');

export const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** What a page shows: a reply, or the words of a mistake (which may name the patients it lists). */
export type PageBody = { kind: 'reply'; reply: Reply } | { kind: 'message'; title: string; message: string };

export interface NewLink {
  kind: 'answer' | 'account';
  userId: string;
  interactionId: string | null;
  command: string;
  patientIds: readonly number[];
  body: PageBody | null;
  now: number;
  ttlMs: number;
}

/** Stores a link and returns its token (the only copy). */
export async function addLink(db: Db, link: NewLink): Promise<string> {
  const token = newToken();
  await sql.addPhiLink(db, {
    tokenHash: hashOf(token),
    kind: link.kind,
    userId: link.userId,
    interactionId: link.interactionId,
    command: link.command,
    patientIds: JSON.stringify(link.patientIds),
    body: link.body === null ? null : JSON.stringify(link.body),
    now: new Date(link.now),
    expiresAt: new Date(link.now + link.ttlMs),
  });
  return token;
}

export interface StoredLink {
  kind: 'answer' | 'account';
  userId: string;
  interactionId: string | null;
  command: string;
  patientIds: number[];
  body: PageBody | null;
  expiresAt: number;
  used: boolean;
}

export async function getLink(db: Db, token: string): Promise<StoredLink | undefined> {
  const row = await sql.getPhiLink(db, { tokenHash: hashOf(token) });
  if (!row) return undefined;
  return {
    kind: row.kind,
    userId: row.user_id,
    interactionId: row.interaction_id,
    command: row.command,
    patientIds: JSON.parse(row.patient_ids) as number[],
    body: row.body === null ? null : (JSON.parse(row.body) as PageBody),
    expiresAt: row.expires_at.getTime(),
    used: row.used_at !== null,
  };
}

/** True when this request took the link (unused and unexpired until now); false when it could not. */
export async function useLink(db: Db, token: string, now: number): Promise<boolean> {
  return (await sql.usePhiLink(db, { tokenHash: hashOf(token), now: new Date(now) })) === 1;
}

export const releaseLink = (db: Db, token: string) => sql.releasePhiLink(db, { tokenHash: hashOf(token) });

export const eraseLinkBody = (db: Db, token: string) =>
  sql.erasePhiLinkBody(db, { tokenHash: hashOf(token) });

/** Expired links (with any answer they still hold) and sessions are deleted. */
export async function deleteExpired(db: Db, now: number): Promise<void> {
  await sql.deleteExpiredPhiLinks(db, { now: new Date(now) });
  await sql.deleteExpiredWebSessions(db, { now: new Date(now) });
}

export interface Account {
  issuer: string;
  subject: string;
}

/** The member an account is tied to, if any. */
export async function memberOfAccount(db: Db, a: Account): Promise<string | undefined> {
  return (await sql.webAccountBySubject(db, a))?.user_id;
}

/** The account a member is tied to, if any. */
export const accountOfMember = (db: Db, userId: string) => sql.webAccountByUser(db, { userId });

/** Ties an account to a member; false when either is already tied (to anyone). */
export async function tieAccount(db: Db, a: Account, userId: string, now: number): Promise<boolean> {
  try {
    return (await sql.addWebAccount(db, { ...a, userId, now: new Date(now) })) === 1;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ER_DUP_ENTRY') return false;
    throw err;
  }
}

/** Unties a member's account; true when there was one. */
export async function untieMember(db: Db, userId: string): Promise<boolean> {
  return (await sql.deleteWebAccountOfUser(db, { userId })) > 0;
}

/** Starts a session for a signed-in account and returns the cookie's value (the only copy). */
export async function addSession(db: Db, a: Account, now: number, ttlMs: number): Promise<string> {
  const id = newToken();
  await sql.addWebSession(db, {
    idHash: hashOf(id),
    ...a,
    now: new Date(now),
    expiresAt: new Date(now + ttlMs),
  });
  return id;
}

export async function sessionAccount(db: Db, id: string, now: number): Promise<Account | undefined> {
  return sql.getWebSession(db, { idHash: hashOf(id), now: new Date(now) });
}

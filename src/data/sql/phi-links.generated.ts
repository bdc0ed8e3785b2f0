// Generated from sql/queries/phi-links.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).
import { exec, execRows, one, type Db, type Statement } from '../queries.ts';

export const addPhiLinkQuery: Statement = {
  name: 'AddPhiLink',
  sql: `INSERT INTO phi_link (token_hash, kind, user_id, interaction_id, command, patient_ids, body, created_at, expires_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  params: [
    'tokenHash',
    'kind',
    'userId',
    'interactionId',
    'command',
    'patientIds',
    'body',
    'now',
    'expiresAt',
  ],
};

export interface AddPhiLinkArgs {
  tokenHash: string;
  kind: string;
  userId: string;
  interactionId: string | null;
  command: string;
  patientIds: string;
  body: string | null;
  now: Date;
  expiresAt: Date;
}

export function addPhiLink(db: Db, args: AddPhiLinkArgs): Promise<void> {
  return exec(db, addPhiLinkQuery, args);
}

export const getPhiLinkQuery: Statement = {
  name: 'GetPhiLink',
  sql: `SELECT kind, user_id, interaction_id, command, patient_ids, body, expires_at, used_at
FROM phi_link WHERE token_hash = ?`,
  params: ['tokenHash'],
};

export interface GetPhiLinkArgs {
  tokenHash: string;
}

export interface GetPhiLinkRow {
  kind: 'answer' | 'account';
  user_id: string;
  interaction_id: string | null;
  command: string;
  patient_ids: string;
  body: string | null;
  expires_at: Date;
  used_at: Date | null;
}

/**
 * A link that exists, used or not, expired or not (its row goes at the next sweep after expiry).
 */
export function getPhiLink(db: Db, args: GetPhiLinkArgs): Promise<GetPhiLinkRow | undefined> {
  return one<GetPhiLinkRow>(db, getPhiLinkQuery, args);
}

export const usePhiLinkQuery: Statement = {
  name: 'UsePhiLink',
  sql: `UPDATE phi_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?`,
  params: ['now', 'tokenHash', 'now'],
};

export interface UsePhiLinkArgs {
  now: Date;
  tokenHash: string;
}

/**
 * Takes the link: only one request can, and only while it is unused and unexpired.
 */
export function usePhiLink(db: Db, args: UsePhiLinkArgs): Promise<number> {
  return execRows(db, usePhiLinkQuery, args);
}

export const releasePhiLinkQuery: Statement = {
  name: 'ReleasePhiLink',
  sql: `UPDATE phi_link SET used_at = NULL WHERE token_hash = ?`,
  params: ['tokenHash'],
};

export interface ReleasePhiLinkArgs {
  tokenHash: string;
}

/**
 * The page could not be shown after all (its audit row was not written): the link may be opened again.
 */
export function releasePhiLink(db: Db, args: ReleasePhiLinkArgs): Promise<void> {
  return exec(db, releasePhiLinkQuery, args);
}

export const erasePhiLinkBodyQuery: Statement = {
  name: 'ErasePhiLinkBody',
  sql: `UPDATE phi_link SET body = NULL WHERE token_hash = ?`,
  params: ['tokenHash'],
};

export interface ErasePhiLinkBodyArgs {
  tokenHash: string;
}

/**
 * Once shown, the answer is no longer kept.
 */
export function erasePhiLinkBody(db: Db, args: ErasePhiLinkBodyArgs): Promise<void> {
  return exec(db, erasePhiLinkBodyQuery, args);
}

export const deleteExpiredPhiLinksQuery: Statement = {
  name: 'DeleteExpiredPhiLinks',
  sql: `DELETE FROM phi_link WHERE expires_at <= ?`,
  params: ['now'],
};

export interface DeleteExpiredPhiLinksArgs {
  now: Date;
}

export function deleteExpiredPhiLinks(db: Db, args: DeleteExpiredPhiLinksArgs): Promise<number> {
  return execRows(db, deleteExpiredPhiLinksQuery, args);
}

export const webAccountByUserQuery: Statement = {
  name: 'WebAccountByUser',
  sql: `SELECT issuer, subject, user_id FROM web_account WHERE user_id = ?`,
  params: ['userId'],
};

export interface WebAccountByUserArgs {
  userId: string;
}

export interface WebAccountByUserRow {
  issuer: string;
  subject: string;
  user_id: string;
}

export function webAccountByUser(
  db: Db,
  args: WebAccountByUserArgs,
): Promise<WebAccountByUserRow | undefined> {
  return one<WebAccountByUserRow>(db, webAccountByUserQuery, args);
}

export const webAccountBySubjectQuery: Statement = {
  name: 'WebAccountBySubject',
  sql: `SELECT issuer, subject, user_id FROM web_account WHERE issuer = ? AND subject = ?`,
  params: ['issuer', 'subject'],
};

export interface WebAccountBySubjectArgs {
  issuer: string;
  subject: string;
}

export interface WebAccountBySubjectRow {
  issuer: string;
  subject: string;
  user_id: string;
}

export function webAccountBySubject(
  db: Db,
  args: WebAccountBySubjectArgs,
): Promise<WebAccountBySubjectRow | undefined> {
  return one<WebAccountBySubjectRow>(db, webAccountBySubjectQuery, args);
}

export const addWebAccountQuery: Statement = {
  name: 'AddWebAccount',
  sql: `INSERT INTO web_account (issuer, subject, user_id, linked_at) VALUES (?, ?, ?, ?)`,
  params: ['issuer', 'subject', 'userId', 'now'],
};

export interface AddWebAccountArgs {
  issuer: string;
  subject: string;
  userId: string;
  now: Date;
}

/**
 * Ties an account to a member; a duplicate key (the account or the member already tied) is refused.
 */
export function addWebAccount(db: Db, args: AddWebAccountArgs): Promise<number> {
  return execRows(db, addWebAccountQuery, args);
}

export const deleteWebAccountOfUserQuery: Statement = {
  name: 'DeleteWebAccountOfUser',
  sql: `DELETE FROM web_account WHERE user_id = ?`,
  params: ['userId'],
};

export interface DeleteWebAccountOfUserArgs {
  userId: string;
}

export function deleteWebAccountOfUser(db: Db, args: DeleteWebAccountOfUserArgs): Promise<number> {
  return execRows(db, deleteWebAccountOfUserQuery, args);
}

export const addWebSessionQuery: Statement = {
  name: 'AddWebSession',
  sql: `INSERT INTO web_session (id_hash, issuer, subject, created_at, expires_at)
VALUES (?, ?, ?, ?, ?)`,
  params: ['idHash', 'issuer', 'subject', 'now', 'expiresAt'],
};

export interface AddWebSessionArgs {
  idHash: string;
  issuer: string;
  subject: string;
  now: Date;
  expiresAt: Date;
}

export function addWebSession(db: Db, args: AddWebSessionArgs): Promise<void> {
  return exec(db, addWebSessionQuery, args);
}

export const getWebSessionQuery: Statement = {
  name: 'GetWebSession',
  sql: `SELECT issuer, subject FROM web_session WHERE id_hash = ? AND expires_at > ?`,
  params: ['idHash', 'now'],
};

export interface GetWebSessionArgs {
  idHash: string;
  now: Date;
}

export interface GetWebSessionRow {
  issuer: string;
  subject: string;
}

export function getWebSession(db: Db, args: GetWebSessionArgs): Promise<GetWebSessionRow | undefined> {
  return one<GetWebSessionRow>(db, getWebSessionQuery, args);
}

export const deleteExpiredWebSessionsQuery: Statement = {
  name: 'DeleteExpiredWebSessions',
  sql: `DELETE FROM web_session WHERE expires_at <= ?`,
  params: ['now'],
};

export interface DeleteExpiredWebSessionsArgs {
  now: Date;
}

export function deleteExpiredWebSessions(db: Db, args: DeleteExpiredWebSessionsArgs): Promise<number> {
  return execRows(db, deleteExpiredWebSessionsQuery, args);
}

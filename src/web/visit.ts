import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PhiDelivery } from '../config.ts';
import * as audit from '../core/audit-event.ts';
import type { AuditActor } from '../core/audit-event.ts';
import type { Account, StoredLink } from '../data/phi-links.queries.ts';
import type { Db } from '../data/queries.ts';
import type { Logger } from '../log.ts';
import { AUDIT_TIMEOUT_MS, auditBestEffort } from '../runner/execute.ts';
import type { SignIn } from './oidc.ts';
import { sendPage } from './respond.ts';

/** What every page of src/web/ shares: its dependencies, the visit, the refusals and their audit rows. */
export interface PageDeps {
  sql: Db;
  settings: Extract<PhiDelivery, { mode: 'link' }>;
  signIn: SignIn;
  log: Logger;
  now: () => number;
}

/** What a page handler knows about the request. */
export interface Visit {
  req: IncomingMessage;
  res: ServerResponse;
  token: string;
  account: Account;
  /** The session cookie's value: the CSRF token of a form is derived from it. */
  session: string;
}

/** The hidden field a form posts back: bound to the session, so another site cannot forge it. */
export const csrfOf = (session: string) => createHash('sha256').update(`csrf:${session}`).digest('hex');

/** The row of a page view refused: nothing shown. */
export function auditPageDenied(deps: PageDeps, actor: AuditActor, command: string, reason: string) {
  return auditBestEffort(deps, audit.denied(actor, `${command} (page)`, reason), AUDIT_TIMEOUT_MS);
}

export const webActor = (account: Account, memberId: string | undefined, link?: StoredLink): AuditActor => ({
  source: 'web',
  actorId: memberId ?? `${account.issuer}#${account.subject}`,
  interactionId: link?.interactionId ?? null,
});

/** The one answer to every link that is gone, used, someone else's or never was: it says nothing more. */
export function linkGone(res: ServerResponse): void {
  sendPage(
    res,
    404,
    'Link not available',
    '<h1>This link is not available</h1><p>It has expired, has been used, or was made for someone else. Run the command again in Discord for a new link.</p>',
  );
}

export function unavailable(res: ServerResponse): void {
  sendPage(
    res,
    503,
    'Temporarily unavailable',
    '<h1>Temporarily unavailable</h1><p>hers-bot cannot reach its data right now. Please try again in a minute; the link has not been used up.</p>',
  );
}

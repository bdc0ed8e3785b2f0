import * as audit from '../core/audit-event.ts';
import {
  accountOfMember,
  getLink,
  memberOfAccount,
  tieAccount,
  useLink,
  type StoredLink,
} from '../data/phi-links.queries.ts';
import { escapeHtml } from '../render/html.ts';
import { AUDIT_TIMEOUT_MS, auditBestEffort } from '../runner/execute.ts';
import { auditPageDenied, csrfOf, linkGone, webActor, type PageDeps, type Visit } from './visit.ts';
import { formOf, sendPage } from './respond.ts';

/**
 * /link-account, confirmed on the page: the signed-in account is tied to the member who ran it, once. An
 * account already tied to another member, or a member already tied to another account, is refused and
 * audited: only an administrator unties them (/admin unlink-account).
 */

type Check = { ok: true; link: StoredLink } | { ok: false; reason: string; page: () => void };

async function check(deps: PageDeps, { res, token, account }: Visit, now: number): Promise<Check> {
  const [link, tiedTo] = await Promise.all([getLink(deps.sql, token), memberOfAccount(deps.sql, account)]);
  const gone = () => linkGone(res);
  if (!link || link.kind !== 'account') return { ok: false, reason: 'no such link', page: gone };
  if (link.used) return { ok: false, reason: 'link already used', page: gone };
  if (link.expiresAt <= now) return { ok: false, reason: 'link expired', page: gone };
  if (tiedTo !== undefined && tiedTo !== link.userId)
    return {
      ok: false,
      reason: 'sign-in account already linked to another member',
      page: () =>
        sendPage(
          res,
          403,
          'Account already linked',
          '<h1>This sign-in account is linked to another Discord member</h1><p>Nothing was changed. An administrator can release it with <b>/admin unlink-account</b>.</p>',
        ),
    };
  if (tiedTo === undefined && (await accountOfMember(deps.sql, link.userId)) !== undefined)
    return {
      ok: false,
      reason: 'member already linked to another sign-in account',
      page: () =>
        sendPage(
          res,
          403,
          'Member already linked',
          '<h1>Your Discord member is linked to another sign-in account</h1><p>Nothing was changed. An administrator can release it with <b>/admin unlink-account</b>.</p>',
        ),
    };
  return { ok: true, link };
}

export async function showAccountLink(deps: PageDeps, visit: Visit): Promise<void> {
  const checked = await check(deps, visit, deps.now());
  if (!checked.ok) {
    await auditPageDenied(deps, webActor(visit.account, undefined), '/link-account', checked.reason);
    checked.page();
    return;
  }
  const { account, session, token } = visit;
  sendPage(
    visit.res,
    200,
    'Link your account',
    `<h1>Link your sign-in to Discord</h1>
<p>Sign-in account: <b>${escapeHtml(account.subject)}</b> (${escapeHtml(account.issuer)})</p>
<p>Discord member: <b>${escapeHtml(checked.link.userId)}</b></p>
<p>Once linked, patient answers for this Discord member open only with this sign-in.</p>
<form method="post" action="/account/${escapeHtml(token)}">
<input type="hidden" name="csrf" value="${csrfOf(session)}">
<button type="submit">Link this account</button>
</form>`,
  );
}

export async function confirmAccount(deps: PageDeps, visit: Visit): Promise<void> {
  const { req, res, account, session, token } = visit;
  const form = await formOf(req);
  const origin = req.headers.origin;
  const sameOrigin = origin === undefined || origin === new URL(deps.settings.publicBaseUrl).origin;
  const actor = webActor(account, undefined);
  if (!form || form.get('csrf') !== csrfOf(session) || !sameOrigin) {
    await auditPageDenied(deps, actor, '/link-account', 'confirmation not posted from our page');
    sendPage(res, 403, 'Not confirmed', '<h1>Not confirmed</h1><p>Open your link again.</p>');
    return;
  }
  const now = deps.now();
  const checked = await check(deps, visit, now);
  if (!checked.ok) {
    await auditPageDenied(deps, actor, '/link-account', checked.reason);
    checked.page();
    return;
  }
  const member = checked.link.userId;
  const tied =
    (await memberOfAccount(deps.sql, account)) === member ||
    ((await useLink(deps.sql, token, now)) && (await tieAccount(deps.sql, account, member, now)));
  if (!tied) {
    await auditPageDenied(deps, actor, '/link-account', 'link used, or account linked, meanwhile');
    linkGone(res);
    return;
  }
  await auditBestEffort(
    deps,
    {
      ...audit.answered(
        { ...webActor(account, member), interactionId: checked.link.interactionId },
        '/link-account (page)',
        {
          options: null,
          patientIds: [],
          rowCount: null,
          latencyMs: null,
        },
      ),
      detail: `sign-in account ${account.issuer} ${account.subject} linked`,
    },
    AUDIT_TIMEOUT_MS,
  );
  sendPage(
    res,
    200,
    'Account linked',
    '<h1>Your sign-in is linked</h1><p>Patient answers you ask for in Discord now open here. You can close this page.</p>',
  );
}

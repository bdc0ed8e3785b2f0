import * as audit from '../core/audit-event.ts';
import { eraseLinkBody, getLink, memberOfAccount, releaseLink, useLink } from '../data/phi-links.queries.ts';
import { messageHtml, replyHtml } from '../render/html.ts';
import { AUDIT_TIMEOUT_MS, auditFirst } from '../runner/execute.ts';
import { auditPageDenied, linkGone, unavailable, webActor, type PageDeps, type Visit } from './visit.ts';
import { sendPage } from './respond.ts';

/**
 * A one-time answer: for the signed-in account's own member only, once, before it expires. The audit row
 * (who, which patients, from which Discord interaction) is written before the page is sent; if it cannot
 * be, the link is given back and nothing is shown. Once shown, the answer is erased from the store.
 */
export async function showAnswer(deps: PageDeps, { res, token, account }: Visit): Promise<void> {
  const [link, member] = await Promise.all([getLink(deps.sql, token), memberOfAccount(deps.sql, account)]);
  const actor = webActor(account, member, link);
  const command = link?.command ?? 'link';
  if (!member) {
    await auditPageDenied(deps, actor, command, 'sign-in account not linked to a Discord member');
    sendPage(
      res,
      403,
      'Link your account',
      '<h1>Your sign-in is not linked to Discord yet</h1><p>Run <b>/link-account</b> in Discord and open the link it gives you, then open this link again. Nothing has been used up.</p>',
    );
    return;
  }
  const now = deps.now();
  const refusal = !link
    ? 'no such link'
    : link.kind !== 'answer'
      ? 'not an answer link'
      : link.userId !== member
        ? 'link made for another member'
        : link.used
          ? 'link already used'
          : link.expiresAt <= now
            ? 'link expired'
            : undefined;
  if (refusal !== undefined || !link?.body) {
    await auditPageDenied(deps, actor, command, refusal ?? 'answer no longer held');
    linkGone(res);
    return;
  }
  if (!(await useLink(deps.sql, token, now))) {
    await auditPageDenied(deps, actor, command, 'link already used');
    linkGone(res);
    return;
  }
  try {
    await auditFirst(
      deps,
      {
        ...audit.answered(actor, `${command} (page)`, {
          options: null,
          patientIds: link.patientIds,
          rowCount: link.body.kind === 'reply' ? (link.body.reply.table?.rows.length ?? null) : null,
          latencyMs: null,
        }),
        detail: `shown to sign-in account ${account.issuer} ${account.subject}`,
      },
      AUDIT_TIMEOUT_MS,
    );
  } catch (err) {
    deps.log.warn({ err }, 'page not shown: audit row not written');
    await releaseLink(deps.sql, token).catch(() => undefined);
    unavailable(res);
    return;
  }
  await eraseLinkBody(deps.sql, token).catch((err: unknown) =>
    deps.log.warn({ err }, 'shown answer not erased yet'),
  );
  const body = link.body;
  const title = body.kind === 'reply' ? body.reply.title : body.title;
  sendPage(
    res,
    200,
    title,
    body.kind === 'reply' ? replyHtml(body.reply) : messageHtml(body.title, body.message),
  );
}

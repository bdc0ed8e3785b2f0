import type { IncomingMessage, ServerResponse } from 'node:http';
import { addSession, deleteExpired, sessionAccount } from '../data/phi-links.queries.ts';
import type { HttpRoutes } from '../ops/http.ts';
import { PAGE_CSS } from '../render/html.ts';
import { confirmAccount, showAccountLink } from './account-page.ts';
import { showAnswer } from './answer-page.ts';
import { cookie, cookiesOf, redirect, sendPage, sendText } from './respond.ts';
import { unavailable, type PageDeps, type Visit } from './visit.ts';

/**
 * hers-bot's own pages for PHI_DELIVERY=link, on the HTTP_PORT listener:
 *
 *   GET  /l/<token>         a one-time answer (the member's own, once, before it expires)
 *   GET  /account/<token>   the confirmation of /link-account; POST confirms it
 *   GET  /auth/callback     where the hospital's sign-in returns
 *
 * Nothing is shown before sign-in, and opening a link before signing in does not use it up: the sign-in
 * returns to the same link. Every refusal shows nothing of the link and is audited as denied.
 */
const SESSION_COOKIE = 'hers_session';
const SIGN_IN_COOKIE = 'hers_signin';
/** A sign-in lasts a working shift; a new one is asked for after that. */
export const SESSION_MS = 8 * 3600_000;
const SIGN_IN_SECONDS = 600;
const SWEEP_MS = 60_000;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function createPages(deps: PageDeps): { routes: HttpRoutes; stop(): void } {
  const { settings, signIn, log } = deps;
  const callback = `${settings.publicBaseUrl}/auth/callback`;
  const sweeper = setInterval(() => {
    deleteExpired(deps.sql, deps.now()).catch((err: unknown) =>
      log.warn({ err }, 'expired links and sessions not deleted'),
    );
  }, SWEEP_MS);
  sweeper.unref();

  /** Off to the hospital's sign-in, coming back to `returnTo` (a path of ours). */
  async function startSignIn(res: ServerResponse, returnTo: string) {
    const started = await signIn.start(callback);
    const value = [started.state, started.verifier, Buffer.from(returnTo).toString('base64url')].join('.');
    redirect(res, started.url, [
      cookie(SIGN_IN_COOKIE, value, { path: '/auth', maxAgeSeconds: SIGN_IN_SECONDS }),
    ]);
  }

  async function finishSignIn(req: IncomingMessage, res: ServerResponse) {
    const [state, verifier, back] = (cookiesOf(req).get(SIGN_IN_COOKIE) ?? '').split('.');
    const returnTo = Buffer.from(back ?? '', 'base64url').toString();
    if (!state || !verifier || !/^\/(l|account)\/[A-Za-z0-9_-]{43}$/.test(returnTo)) {
      sendPage(res, 400, 'Sign-in', '<h1>Sign-in did not start here</h1><p>Open your link again.</p>');
      return;
    }
    let account;
    try {
      account = await signIn.finish(new URL(req.url ?? '/', settings.publicBaseUrl), { state, verifier });
    } catch (err) {
      log.warn({ err }, 'sign-in failed');
      sendPage(res, 400, 'Sign-in', '<h1>Sign-in failed</h1><p>Open your link again to retry.</p>');
      return;
    }
    const session = await addSession(deps.sql, account, deps.now(), SESSION_MS);
    redirect(res, returnTo, [
      cookie(SESSION_COOKIE, session, { path: '/', maxAgeSeconds: SESSION_MS / 1000 }),
      cookie(SIGN_IN_COOKIE, '', { path: '/auth', maxAgeSeconds: 0 }),
    ]);
  }

  async function route(req: IncomingMessage, res: ServerResponse, path: string) {
    if (path === '/assets/page.css') return sendText(res, 200, 'text/css; charset=utf-8', PAGE_CSS);
    if (path === '/auth/callback' && req.method === 'GET') return finishSignIn(req, res);
    const m = /^\/(l|account)\/([^/]+)$/.exec(path);
    if (!m || !TOKEN.test(m[2] ?? '')) return sendPage(res, 404, 'Not found', '<h1>Not found</h1>');
    const [, kind, token = ''] = m;
    const post = req.method === 'POST';
    if (!post && req.method !== 'GET') return sendText(res, 405, 'text/plain', 'method not allowed\n');
    const session = cookiesOf(req).get(SESSION_COOKIE) ?? '';
    const account = TOKEN.test(session) ? await sessionAccount(deps.sql, session, deps.now()) : undefined;
    if (!account) {
      // Nothing is read of the link yet, so it stays as it was.
      if (post) return sendPage(res, 403, 'Sign in', '<h1>Please open your link again</h1>');
      return startSignIn(res, path);
    }
    const visit: Visit = { req, res, token, account, session };
    if (kind === 'l')
      return post ? sendText(res, 405, 'text/plain', 'method not allowed\n') : showAnswer(deps, visit);
    return post ? confirmAccount(deps, visit) : showAccountLink(deps, visit);
  }

  const routes: HttpRoutes = (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (!/^\/(l|account|auth|assets)\//.test(path)) return false;
    route(req, res, path).catch((err: unknown) => {
      log.error({ err }, 'page failed');
      if (!res.headersSent) unavailable(res);
    });
    return true;
  };
  return { routes, stop: () => clearInterval(sweeper) };
}

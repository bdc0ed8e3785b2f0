import type { IncomingMessage, ServerResponse } from 'node:http';
import { pageHtml } from '../render/html.ts';

/**
 * What every page answer carries: never cached, a Content-Security-Policy that allows only our own style
 * sheet and forms posted back to us (no script at all, no frames, no other site), and cookies that are
 * Secure, HttpOnly and SameSite=Lax.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  pragma: 'no-cache',
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // same-origin, not no-referrer: a form posted to us must carry its Origin (no-referrer sends "null").
  'referrer-policy': 'same-origin',
};

export function sendPage(
  res: ServerResponse,
  status: number,
  title: string,
  body: string,
  cookies: string[] = [],
): void {
  res
    .writeHead(status, {
      ...SECURITY_HEADERS,
      'content-type': 'text/html; charset=utf-8',
      ...(cookies.length > 0 ? { 'set-cookie': cookies } : {}),
    })
    .end(pageHtml(title, body));
}

export function redirect(res: ServerResponse, location: string, cookies: string[] = []): void {
  res
    .writeHead(303, {
      ...SECURITY_HEADERS,
      location,
      ...(cookies.length > 0 ? { 'set-cookie': cookies } : {}),
    })
    .end();
}

export function sendText(res: ServerResponse, status: number, type: string, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type }).end(text);
}

/** A cookie only this site's pages send back, never readable by a script, never over plain http. */
export function cookie(name: string, value: string, opts: { path: string; maxAgeSeconds: number }): string {
  return `${name}=${value}; Path=${opts.path}; Max-Age=${opts.maxAgeSeconds}; Secure; HttpOnly; SameSite=Lax`;
}

export function cookiesOf(req: IncomingMessage): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) found.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return found;
}

/** A form posted to us (application/x-www-form-urlencoded), at most `max` bytes. */
export async function formOf(req: IncomingMessage, max = 4096): Promise<URLSearchParams | undefined> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return undefined;
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > max) return undefined;
  }
  return new URLSearchParams(text);
}

import * as client from 'openid-client';
import { isLoopbackUrl } from '../config/shapes.ts';

/**
 * The hospital's sign-in, OpenID Connect's authorization-code flow with PKCE, through openid-client. The
 * provider's metadata is read on first use (and again after a failure), so hers-bot starts while the
 * provider is down and signs people in once it is back.
 */
export interface SignIn {
  /** Where to send the browser, and what the callback must be checked against (kept in a cookie). */
  start(redirectUri: string): Promise<{ url: string; state: string; verifier: string }>;
  /** The signed-in account, from the provider's answer at `callbackUrl`; throws when it does not check. */
  finish(callbackUrl: URL, expected: { state: string; verifier: string }): Promise<SignedIn>;
}

export interface SignedIn {
  issuer: string;
  subject: string;
}

export function openIdSignIn(settings: { issuer: string; clientId: string; clientSecret: string }): SignIn {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () => {
    discovered ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        undefined,
        // Plain http only to a provider on this machine (checked by the configuration too).
        isLoopbackUrl(settings.issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((err: unknown) => {
        discovered = undefined;
        throw err;
      });
    return discovered;
  };
  return {
    async start(redirectUri) {
      const config = await configuration();
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
      });
      return { url: url.href, state, verifier };
    },
    async finish(callbackUrl, expected) {
      const config = await configuration();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: expected.verifier,
        expectedState: expected.state,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('the provider sent no ID token');
      return { issuer: claims.iss, subject: claims.sub };
    },
  };
}

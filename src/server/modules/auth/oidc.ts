// Staff login through the organisation's OpenID Connect provider (Entra ID, Keycloak...): the
// authorization code flow with PKCE, state and nonce, via openid-client. This file talks to the
// provider; which account the verified identity opens is decided in auth.service.ts.
import * as client from 'openid-client';
import type { OidcConfig } from '../../config';

/** What the login started: kept in a short-lived httpOnly cookie until the provider sends the user back. */
export interface PendingOidcLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** ms since epoch; a pending login older than OIDC_PENDING_SECONDS is refused. */
  startedAt: number;
}

export const OIDC_PENDING_COOKIE = 'kt_oidc';
export const OIDC_PENDING_SECONDS = 600;

export interface OidcIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
}

/** A provider on this machine (tests, a local Keycloak) may be reached over plain HTTP; any other must use HTTPS. */
function isLoopback(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

export class OidcLogin {
  private discovered: Promise<client.Configuration> | undefined;

  constructor(private readonly settings: OidcConfig) {}

  /** The provider's metadata and keys, fetched once (again after a failure). */
  private configuration(): Promise<client.Configuration> {
    if (!this.discovered) {
      const issuer = new URL(this.settings.issuer);
      this.discovered = client.discovery(issuer, this.settings.clientId, this.settings.clientSecret, undefined, isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : undefined);
      this.discovered.catch(() => (this.discovered = undefined));
    }
    return this.discovered;
  }

  /** The provider's authorization address to send the browser to, and what to remember meanwhile. */
  async start(now = Date.now()): Promise<{ url: URL; pending: PendingOidcLogin }> {
    const configuration = await this.configuration();
    const pending: PendingOidcLogin = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier(), startedAt: now };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid email',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, pending };
  }

  /**
   * The provider's answer (the callback's query string) → the verified identity. Checks state,
   * PKCE, the ID token's signature, issuer, audience, expiry and nonce (openid-client does).
   */
  async finish(query: string, pending: PendingOidcLogin): Promise<OidcIdentity> {
    const configuration = await this.configuration();
    // The address the provider redirected to, as registered (behind a proxy the request's own host may differ).
    const currentUrl = new URL(this.settings.redirectUri);
    currentUrl.search = query;
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    let email = claims.email;
    let verified = claims.email_verified;
    // Some providers put the e-mail address only in the userinfo answer.
    if (typeof email !== 'string') {
      const info = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
      email = info.email;
      verified = info.email_verified;
    }
    return { subject: claims.sub, email: typeof email === 'string' ? email : null, emailVerified: verified === true };
  }
}

export function encodePending(pending: PendingOidcLogin): string {
  return Buffer.from(JSON.stringify(pending)).toString('base64url');
}

/** The pending login from its cookie, or null when missing, malformed or too old. */
export function decodePending(cookie: string | undefined, now = Date.now()): PendingOidcLogin | null {
  if (!cookie) return null;
  try {
    const value = JSON.parse(Buffer.from(cookie, 'base64url').toString('utf8')) as Partial<PendingOidcLogin>;
    const complete = typeof value.state === 'string' && typeof value.nonce === 'string' && typeof value.codeVerifier === 'string' && typeof value.startedAt === 'number';
    if (!complete || now - value.startedAt! > OIDC_PENDING_SECONDS * 1000 || value.startedAt! > now + 60_000) return null;
    return value as PendingOidcLogin;
  } catch {
    return null;
  }
}

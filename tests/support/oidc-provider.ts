// A real OpenID Connect provider (the `oidc-provider` package) on a random loopback port, for the
// OpenID Connect login tests. Its login and consent screens are replaced by one step that logs in
// the account the test chose (`provider.signInAs`), so a test can follow the redirects with fetch.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

export interface ProviderAccountData {
  sub: string;
  email?: string;
  emailVerified?: boolean;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who logs in at the provider during the next authorization requests. */
  signInAs(account: ProviderAccountData): void;
  close(): Promise<void>;
}

export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'keukentafel';
  const clientSecret = 'een-geheim-van-de-test-client';
  const accounts = new Map<string, ProviderAccountData>();
  let current: ProviderAccountData | null = null;

  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    jwks: { keys: [{ ...signingKey, kid: 'test', use: 'sig', alg: 'RS256' }] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    // Put the e-mail claims in the ID token too, as Entra ID and Keycloak do.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['test-cookie-key'] },
    async findAccount(_ctx: unknown, sub: string) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, ...(account.email !== undefined ? { email: account.email } : {}), ...(account.emailVerified !== undefined ? { email_verified: account.emailVerified } : {}) };
        },
      };
    },
  });

  const handleProvider = provider.callback();
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!req.url?.startsWith('/interaction/')) return handleProvider(req, res);
    void (async () => {
      try {
        if (!current) throw new Error('signInAs was not called');
        const details = await provider.interactionDetails(req, res);
        const grant = details.grantId ? (await provider.Grant.find(details.grantId))! : new provider.Grant({ accountId: current.sub, clientId });
        grant.addOIDCScope(String(details.params.scope ?? 'openid'));
        if (details.prompt.details.missingOIDCClaims) grant.addOIDCClaims(details.prompt.details.missingOIDCClaims);
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { login: { accountId: current.sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
      } catch (error) {
        res.statusCode = 500;
        res.end(String(error));
      }
    })();
  });

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(account) {
      accounts.set(account.sub, account);
      current = account;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

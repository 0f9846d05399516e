// A session against a running server over real HTTP, as a browser holds it: the session cookie and
// the CSRF token. For the tests that run the server in its own process (fault, deploy).
import { DEMO_PASSWORD } from '../../src/server/demo/demo.seed';

export interface HttpSession {
  cookie: string;
  csrf: string;
}

/** Logs in with the demo password; fails with the answer when the login is refused. */
export async function loginOverHttp(baseUrl: string, email: string): Promise<HttpSession> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

/**
 * Sends a create request until the server acknowledges it with 201, the way a client with an
 * Idempotency-Key does: no answer or a 5xx (a process killed, restarting) means the same request
 * again; any other answer is a refusal and throws. Resolves with the number of attempts and the id
 * of the record the acknowledgement names.
 */
export async function sendUntilAcknowledged(send: () => Promise<Response>, retryAfterMs: number): Promise<{ attempts: number; id: string }> {
  for (let attempts = 1; ; attempts++) {
    let response: Response | undefined;
    let id: string | undefined;
    try {
      response = await send();
      if (response.status === 201) id = ((await response.json()) as { id: string }).id;
    } catch {
      // No answer (or the answer broke off): send again.
    }
    if (response?.status === 201 && id) return { attempts, id };
    if (response && response.status < 500) throw new Error(`write refused: ${response.status} ${await response.text()}`);
    await new Promise((r) => setTimeout(r, retryAfterMs));
  }
}

// Nothing acknowledged is lost when the server is killed (issue 6). Writers add journal entries
// to one case as fast as the server takes them, each with its own Idempotency-Key; meanwhile the
// server process is killed with SIGKILL twice and started again on the same database. A writer
// that gets no answer sends the same request again with the same key until one arrives. In the end
// every entry that was acknowledged with 2xx is there, each key made exactly one entry (the one its
// acknowledgement names), and nothing else was added.
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, type EmptyDatabase } from '../support/empty-database';
import { loginOverHttp, sendUntilAcknowledged, type HttpSession } from '../support/http-session';
import { freePort, spawnServer } from '../support/server-process';

const WRITERS = 6;
const WRITES_PER_WRITER = 40;
const KILLS = 2;

let database: EmptyDatabase;
let port = 0;
let server: ChildProcess | null = null;

const base = () => `http://127.0.0.1:${port}`;

async function start(): Promise<void> {
  ({ child: server } = await spawnServer(database.env, port, 120_000));
}

async function kill(): Promise<void> {
  const exited = new Promise((r) => server!.once('exit', r));
  server!.kill('SIGKILL');
  await exited;
  server = null;
}

beforeAll(async () => {
  database = await createEmptyDatabase();
  port = await freePort();
  await start(); // an empty database: migrations and the demo organisation
}, 180_000);
afterAll(async () => {
  if (server) await kill();
  await database?.drop();
}, 60_000);

/** One write, sent again with the same key until the server acknowledges it: the attempts and the entry's id. */
function writeUntilAcknowledged(auth: HttpSession, caseId: string, key: string, note: string, contactOn: string): Promise<{ attempts: number; id: string }> {
  return sendUntilAcknowledged(
    () =>
      fetch(`${base()}/api/v1/cases/${caseId}/contacts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: auth.cookie, 'x-csrf-token': auth.csrf, 'idempotency-key': key },
        body: JSON.stringify({ contactOn, kind: 'telefoon', note }),
        signal: AbortSignal.timeout(10_000),
      }),
    100,
  );
}

describe('kill -9 while journal entries are being written', () => {
  it('keeps every acknowledged entry, once', { timeout: 300_000 }, async () => {
    const auth = await loginOverHttp(base(), 'medewerker@demo.keukentafel.nl');
    const mine = (await (await fetch(`${base()}/api/v1/work/mine`, { headers: { cookie: auth.cookie } })).json()) as { cases: { id: string; status: string; registeredOn: string }[] };
    const target = mine.cases.find((c) => c.status !== 'closed')!;
    const before = (await (await fetch(`${base()}/api/v1/cases/${target.id}/contacts`, { headers: { cookie: auth.cookie } })).json()) as { id: string }[];

    const acknowledged = new Set<string>();
    let retried = 0;
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < WRITES_PER_WRITER; i++) {
        const key = randomUUID();
        const { attempts, id } = await writeUntilAcknowledged(auth, target.id, key, `Schrijver ${w}, bericht ${i}`, target.registeredOn);
        if (attempts > 1) retried++;
        acknowledged.add(id);
      }
    });
    const killer = (async () => {
      for (let k = 0; k < KILLS; k++) {
        // Kill once writes are flowing, then start again on the same database.
        const goal = acknowledged.size + 30;
        while (acknowledged.size < goal) await new Promise((r) => setTimeout(r, 20));
        await kill();
        await start();
      }
    })();
    await Promise.all([...writers, killer]);

    const after = (await (await fetch(`${base()}/api/v1/cases/${target.id}/contacts`, { headers: { cookie: auth.cookie } })).json()) as { id: string }[];
    const ids = after.map((c) => c.id);
    // Every key was acknowledged with an entry of its own.
    expect(acknowledged.size).toBe(WRITERS * WRITES_PER_WRITER);
    expect([...acknowledged].filter((id) => !ids.includes(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    // Nothing but the acknowledged entries was added: no duplicate made by a retry.
    expect(after.length).toBe(before.length + acknowledged.size);
    // The kills happened while writing: some writes had to be sent again.
    expect(retried).toBeGreaterThan(0);
    console.log(`fault test: ${acknowledged.size} entries acknowledged, ${retried} needed a retry after ${KILLS} kills; all present once`);
  });
});

// The header's search box (POST /api/v1/search): clients by name, BSN, birth date or postcode with
// their open cases, only within the caller's scope, a few at a time, the term never in a URL, a log
// line or the access log; one access-log row naming the clients shown.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/db/schema';
import { todayInNetherlands } from '../../src/server/lib/dates';
import { QUICK_SEARCH_LIMIT, type QuickSearchResult } from '../../src/server/modules/clients/clients.schemas';
import type { CaseDetail } from '../../src/server/modules/cases/cases.schemas';
import { openCase, type OpenedCase } from '../support/open-case';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

const logLines: string[] = [];
let t: TestApp;
let worker: Session;
let stranger: Session;
let own: OpenedCase;
let closed: OpenedCase;
const today = todayInNetherlands();
const BSN = '999990020';

beforeAll(async () => {
  t = await createTestApp({ logLines });
  worker = await t.login('workerA');
  stranger = await t.login('workerB');
  own = await openCase(worker, { client: { firstName: 'Truus', lastName: 'Zoekvlak', birthDate: '1961-03-04', bsn: BSN, postcode: '3563 CD' } });
  // A client whose only case is closed: found, without an open case.
  closed = await openCase(worker, { client: { firstName: 'Kees', lastName: 'Zoekvlak-Dicht', birthDate: '1970-01-01' } });
  const detail = await worker.get<CaseDetail>(`/api/v1/cases/${closed.caseId}`);
  await worker.post(`/api/v1/cases/${closed.caseId}/close`, { closedOn: today, reasons: ['volgens_plan'], version: detail.version });
});
afterAll(async () => t.close());

const search = (session: Session, text: string) => session.post<QuickSearchResult>('/api/v1/search', { search: text });
const ids = (result: QuickSearchResult) => result.clients.map((c) => c.id);

describe('the header search', () => {
  it('finds a client of the team by name, BSN, birth date and postcode, with the open case and its status', async () => {
    const byName = await search(worker, 'zoekvlak');
    expect(ids(byName).sort()).toEqual([own.clientId, closed.clientId].sort());
    const hit = byName.clients.find((c) => c.id === own.clientId)!;
    expect(hit).toMatchObject({ firstName: 'Truus', lastName: 'Zoekvlak', birthDate: '1961-03-04' });
    expect(hit.openCases).toEqual([{ id: own.caseId, status: 'registered', teamName: expect.any(String) }]);
    expect(byName.clients.find((c) => c.id === closed.clientId)!.openCases).toEqual([]);
    expect(byName.more).toBe(false);

    for (const text of [BSN, '9999.90.020', '04-03-1961', '1961-03-04', '3563cd', '3563 CD']) {
      expect(ids(await search(worker, text)), text).toEqual([own.clientId]);
    }
    // The answer names no BSN, not even masked, nor an address.
    const body = JSON.stringify(await search(worker, BSN));
    expect(body).not.toContain('020');
    expect(body).not.toContain('3563');
  });

  it('finds nothing of another team: not by name, not by BSN', async () => {
    expect(await search(stranger, 'Zoekvlak')).toEqual({ clients: [], more: false });
    expect(await search(stranger, BSN)).toEqual({ clients: [], more: false });
    // kwaliteit holds clients:read, but reads no client without break-the-glass.
    expect(await search(await t.login('quality'), BSN)).toEqual({ clients: [], more: false });
    // The analyst and the administrator have no client data at all.
    for (const user of ['analyst', 'admin'] as const) expect((await (await t.login(user)).request('POST', '/api/v1/search', { search: BSN })).statusCode).toBe(404);
  });

  it('shows the open case of another team only under break-the-glass', async () => {
    const quality = await t.login('quality');
    await quality.post('/api/v1/emergency-access', { clientId: own.clientId, reason: 'Klacht over de hulp, het team is niet bereikbaar' });
    const found = await search(quality, BSN);
    expect(ids(found)).toEqual([own.clientId]);
    expect(found.clients[0]!.openCases.map((c) => c.id)).toEqual([own.caseId]);
  });

  it(`shows at most ${QUICK_SEARCH_LIMIT} and says there are more`, async () => {
    for (let i = 0; i <= QUICK_SEARCH_LIMIT; i++) await openCase(worker, { client: { firstName: `Nummer${'abcdefghij'[i]}`, lastName: 'Veelvoud' } });
    const found = await search(worker, 'veelvoud');
    expect(found.clients).toHaveLength(QUICK_SEARCH_LIMIT);
    expect(found.more).toBe(true);
  });

  it('asks for at least 2 characters and refuses the term in a query string', async () => {
    const short = await worker.request('POST', '/api/v1/search', { search: ' z ' });
    expect(short.statusCode).toBe(400);
    expect(short.json().invalidParams).toEqual([expect.objectContaining({ name: 'search', reason: 'Typ minstens 2 tekens' })]);
    expect((await worker.request('GET', `/api/v1/search?search=${BSN}`)).statusCode).toBe(404);
  });

  it('keeps the term out of the request log and the access log, and logs one row naming the clients shown', async () => {
    const before = await t.database.db.select({ id: auditLog.id }).from(auditLog);
    logLines.length = 0;
    await search(worker, BSN);
    expect(logLines.join('')).toContain('"url":"/api/v1/search"');
    expect(logLines.join('')).not.toContain(BSN);
    const rows = await t.database.db
      .select({ action: auditLog.action, entityType: auditLog.entityType, clientIds: auditLog.clientIds, changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'search'), sql`${auditLog.id} not in (${sql.join(before.map((r) => sql`${r.id}`), sql`, `)})`));
    expect(rows).toEqual([{ action: 'search', entityType: 'client', clientIds: [own.clientId], changes: { kind: 'bsn', results: 1, source: 'quick' } }]);
    const searches = await t.database.db.select({ changes: auditLog.changes }).from(auditLog).where(eq(auditLog.action, 'search'));
    expect(searches.length).toBeGreaterThan(10);
    expect(JSON.stringify(searches)).not.toContain(BSN);
  });
});

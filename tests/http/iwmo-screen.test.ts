// The beheerder's iWmo screen over HTTP: "Nu versturen" writes the WMO301 into the configured outbox
// folder and the log shows it; "Nu inlezen" reads a provider's 305 from the inbox folder, records the
// start and answers with a 306; a refused file's error is shown without the values it quotes. No
// answer holds a BSN, a name or a client id (checked on the raw bodies). Not configured: 409 in Dutch;
// a run already busy: 429; every other role: 404.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditAfterAnswerSettled } from '../../src/server/audit/after-answer';
import { auditLog, iwmoMessages, organisations, users } from '../../src/server/db/schema';
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import { giveBackSlot, takeSlot } from '../../src/server/lib/rate-limit';
import type { CaseMaatwerk, Provision } from '../../src/server/modules/maatwerk/maatwerk.schemas';
import type { IwmoInboxResult, IwmoMessagePage, IwmoOutboxResult } from '../../src/server/modules/maatwerk/iwmo-flow/iwmo.schemas';
import { RUN_BUSY } from '../../src/server/modules/maatwerk/iwmo-flow/iwmo-screen.service';
import { TEST_USERS, type TestUser } from '../support/fixtures';
import { openCase } from '../support/open-case';
import { createTestApp, type Session, type TestApp } from '../support/test-app';
import { providerMessage, startProducts } from '../support/iwmo-provider';

const GEMEENTE = '0344';
const CAREYN = '98000006';
const WIM = { firstName: 'Wilhelmus', lastName: 'Zwanenburg', bsn: '999900018' };
const KAREL = { firstName: 'Karel', lastName: 'Zonderbsn' };
const today = todayInNetherlands();

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iwmo-screen-'));
const outbox = path.join(tmp, 'uit');
const inbox = path.join(tmp, 'in');
fs.mkdirSync(outbox);
fs.mkdirSync(inbox);

let t: TestApp;
let admin: Session;
let worker: Session;
let organisationId = '';
let adminId = '';
const clientIds: string[] = [];
let hbh: Provision;
let wimCaseId = '';

beforeAll(async () => {
  t = await createTestApp({ config: { iwmoOutboxDir: outbox, iwmoInboxDir: inbox, gemeentecode: GEMEENTE } });
  admin = await t.login('admin');
  worker = await t.login('workerA');
  [{ id: organisationId }] = await t.database.db.select({ id: organisations.id }).from(organisations);
  [{ id: adminId }] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, TEST_USERS.admin.email));

  const wim = await openCase(worker, { client: { ...WIM, birthDate: '1950-03-04', gender: 'm', street: 'Biltstraat', houseNumber: '12', postcode: '3572 AB', city: 'Utrecht' } });
  const karel = await openCase(worker, { client: { ...KAREL, birthDate: '1960-01-01', street: 'Oudegracht', houseNumber: '1', postcode: '3511 AA', city: 'Utrecht' } });
  clientIds.push(wim.clientId, karel.clientId);
  wimCaseId = wim.caseId;
  hbh = await assign(wim.caseId, wim.clientId, 'Huishouden Wim');
  await assign(karel.caseId, karel.clientId, 'Huishouden Karel');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A granted request on the case and a toewijzing (zorg in natura, Careyn) on its decision. */
async function assign(caseId: string, clientId: string, asked: string): Promise<Provision> {
  const made = await worker.post<CaseMaatwerk>(`/api/v1/cases/${caseId}/provision-requests`, { clientId, requestedOn: addDays(today, -30), asked, requestedBy: 'client' });
  const id = made.requests.find((r) => r.asked === asked)!.id;
  await worker.post(`/api/v1/provision-requests/${id}/research`, { researchReportedOn: addDays(today, -20), researchReport: 'Nodig', version: 1 });
  const decided = await worker.post<CaseMaatwerk>(`/api/v1/provision-requests/${id}/decision`, { decidedOn: addDays(today, -15), outcome: 'toegekend', reasons: 'Nodig', version: 2 });
  const decisionId = decided.requests.find((r) => r.id === id)!.decision!.id;
  const answer = await worker.post<CaseMaatwerk>(`/api/v1/provision-decisions/${decisionId}/provisions`, {
    category: 'hbh',
    product: 'hbh',
    provider: 'Careyn',
    startOn: addDays(today, -10),
    endOn: addDays(today, 90),
    volume: 3,
    unit: '04',
    frequency: '2',
  });
  return answer.provisions.find((p) => p.decisionId === decisionId)!;
}

/** The answer's raw text holds nothing that identifies a client: no BSN, no name, no client id. */
function expectNoClientData(response: LightMyRequestResponse): void {
  const forbidden = [WIM.bsn, WIM.firstName, WIM.lastName, KAREL.firstName, KAREL.lastName, ...clientIds];
  expect(forbidden.filter((text) => response.body.includes(text)), response.body.slice(0, 500)).toEqual([]);
}

async function ok<T>(response: LightMyRequestResponse): Promise<T> {
  expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
  expectNoClientData(response);
  return response.json() as T;
}

const log = async (query = '') => ok<IwmoMessagePage>(await admin.request('GET', `/api/v1/iwmo/messages${query}`));
const xmlIn = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.xml')).sort();

function start305(assignmentNumber: number, { bsn = WIM.bsn, id = 'S1' } = {}): string {
  return providerMessage('305', { id, sender: CAREYN, receiver: GEMEENTE, date: today, bsn, surname: WIM.lastName }, startProducts({ number: assignmentNumber, begin: addDays(today, -2) }));
}

describe('the message log before anything was sent', () => {
  it('shows the two folders, set and empty, and no messages; the look is logged as a list naming no client', async () => {
    const before = await t.database.db.select({ id: auditLog.id }).from(auditLog);
    const page = await log();
    expect(page).toEqual({
      total: 0,
      items: [],
      folders: { outbox: { configured: true, path: outbox, usable: true, waitingFiles: 0 }, inbox: { configured: true, path: inbox, usable: true, waitingFiles: 0 } },
    });
    await auditAfterAnswerSettled();
    const rows = (await t.database.db.select().from(auditLog)).filter((r) => !before.some((b) => b.id === r.id));
    expect(rows).toEqual([expect.objectContaining({ action: 'list', entityType: 'iwmo_log', actorId: adminId, actorRole: 'beheerder', clientId: null, clientIds: null, outcome: 'success' })]);
  });
});

describe('Nu versturen', () => {
  let result: IwmoOutboxResult;

  it('writes the 301 into the outbox folder, and says what it did not send without naming the client', async () => {
    result = await ok<IwmoOutboxResult>(await admin.request('POST', '/api/v1/iwmo/outbox', {}));
    expect(result.written).toEqual([{ file: expect.stringMatching(new RegExp(`^WMO301_${GEMEENTE}_${CAREYN}_\\d{12}\\.xml$`)), provider: 'Careyn', providerAgb: CAREYN, identification: expect.stringMatching(/^\d{12}$/), assignmentCount: 1 }]);
    expect(result.skipped).toEqual([{ provider: 'Careyn', cause: 'van de cliënt ontbreekt een geldig BSN', messages: 1 }]);
    // The file itself is for the gateway: it carries the client.
    expect(xmlIn(outbox)).toEqual([result.written[0]!.file]);
    expect(fs.readFileSync(path.join(outbox, result.written[0]!.file), 'utf8')).toContain(`<wmo301:Bsn>${WIM.bsn}</wmo301:Bsn>`);
  });

  it('logs the export about the client with the beheerder as the one who sent it', async () => {
    const rows = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'iwmo_message'), eq(auditLog.action, 'export')));
    expect(rows).toEqual([expect.objectContaining({ actorId: adminId, actorRole: 'beheerder', onBehalfOf: null, clientId: clientIds[0] })]);
  });

  it('shows the 301 in the log, newest first, with provider, file and number of toewijzingen', async () => {
    const page = await log();
    expect(page.total).toBe(1);
    expect(page.items).toEqual([
      {
        id: expect.any(String),
        direction: 'out',
        kind: '301',
        identification: result.written[0]!.identification,
        messageDate: today,
        registeredAt: expect.any(String),
        providerAgb: CAREYN,
        providerName: 'Careyn',
        fileName: result.written[0]!.file,
        outcome: 'geschreven',
        error: null,
        retourCodes: [],
        accepted: null,
        assignmentCount: 1,
      },
    ]);
    expect(page.folders.outbox.waitingFiles).toBe(1);
  });

  it('sends nothing twice', async () => {
    const again = await ok<IwmoOutboxResult>(await admin.request('POST', '/api/v1/iwmo/outbox', {}));
    expect(again.written).toEqual([]);
    expect(xmlIn(outbox)).toHaveLength(1);
  });

  it('answers 429 while another run holds the organisation, and runs once it is done', async () => {
    const key = `iwmo-run:${organisationId}`;
    await takeSlot(t.database.db, key, { limit: 1, windowSeconds: 60 });
    try {
      for (const url of ['/api/v1/iwmo/outbox', '/api/v1/iwmo/inbox']) {
        const busy = await admin.request('POST', url, {});
        expect(busy.statusCode, url).toBe(429);
        expect(busy.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(busy.headers['retry-after']).toMatch(/^\d+$/);
        expect(busy.json()).toMatchObject({ status: 429, detail: RUN_BUSY });
      }
    } finally {
      await giveBackSlot(t.database.db, key);
    }
    expect((await admin.request('POST', '/api/v1/iwmo/outbox', {})).statusCode).toBe(200);
  });

  it('takes no folder from the caller: any property in the body is refused', async () => {
    const response = await admin.request('POST', '/api/v1/iwmo/outbox', { dir: '/etc' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid' });
  });
});

describe('Nu inlezen', () => {
  it("reads the provider's 305, records the start, answers with a 306 in the outbox folder", async () => {
    fs.writeFileSync(path.join(inbox, 'careyn-start.xml'), start305(hbh.assignmentNumber!));
    const result = await ok<IwmoInboxResult>(await admin.request('POST', '/api/v1/iwmo/inbox', {}));
    expect(result).toEqual({
      files: [
        {
          file: 'careyn-start.xml',
          kind: '305',
          status: 'verwerkt',
          repeated: false,
          retourFile: expect.stringMatching(new RegExp(`^WMO306_${GEMEENTE}_${CAREYN}_\\d{12}\\.xml$`)),
          retourCodes: [],
          summary: '1 start van de levering vastgelegd bij 1 toewijzing',
          error: null,
        },
      ],
      processed: 1,
      refused: 0,
    });
    expect(xmlIn(outbox)).toContain(result.files[0]!.retourFile);
    expect(fs.existsSync(path.join(inbox, 'verwerkt', 'careyn-start.xml'))).toBe(true);
    // The worker sees the delivery on the toewijzing.
    const maatwerk = await worker.get<CaseMaatwerk>(`/api/v1/cases/${wimCaseId}/maatwerk`);
    expect(maatwerk.provisions.find((p) => p.id === hbh.id)!.deliveryStartedOn).toBe(addDays(today, -2));
    const [changed] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'provision'), eq(auditLog.entityId, hbh.id), eq(auditLog.actorId, adminId)));
    expect(changed).toMatchObject({ action: 'update', actorRole: 'beheerder', clientId: clientIds[0] });
  });

  it('shows the 305 received and the 306 sent in the log, and filters by direction and outcome', async () => {
    const page = await log();
    expect(page.items.slice(0, 2).map((m) => [m.direction, m.kind, m.outcome, m.providerName])).toEqual(
      expect.arrayContaining([
        ['in', '305', 'verwerkt', 'Careyn'],
        ['out', '306', 'geschreven', 'Careyn'],
      ]),
    );
    const received = await log('?direction=in');
    expect(received.items.map((m) => [m.kind, m.fileName, m.identification])).toEqual([['305', 'careyn-start.xml', 'S1']]);
    expect((await log('?outcome=afgekeurd')).total).toBe(0);
    const first = await log('?limit=1');
    const second = await log('?limit=1&offset=1');
    expect(first.total).toBe(3);
    expect(second.total).toBe(3);
    expect(first.items[0]!.id).not.toBe(second.items[0]!.id);
  });

  it("refuses a file whose BSN fails the 11-proef, and shows the error naming file and element without the BSN", async () => {
    const wrongBsn = '123456789';
    fs.writeFileSync(path.join(inbox, 'kapot.xml'), start305(hbh.assignmentNumber!, { bsn: wrongBsn, id: 'S2' }));
    const response = await admin.request('POST', '/api/v1/iwmo/inbox', {});
    expect(response.body).not.toContain(wrongBsn);
    const result = await ok<IwmoInboxResult>(response);
    expect(result).toMatchObject({ processed: 0, refused: 1, files: [{ file: 'kapot.xml', kind: '305', status: 'afgekeurd' }] });
    expect(result.files[0]!.error).toMatch(/^bestand kapot\.xml, element Bericht\/Client\/Bsn: waarde \(weggelaten\) is ongeldig; verwacht een BSN/);
    // The .fout.txt for whoever handles the folder keeps the whole error.
    expect(fs.readFileSync(path.join(inbox, 'rejected', 'kapot.xml.fout.txt'), 'utf8')).toContain(wrongBsn);

    const refused = await admin.request('GET', '/api/v1/iwmo/messages?outcome=afgekeurd');
    expect(refused.body).not.toContain(wrongBsn);
    const page = await ok<IwmoMessagePage>(refused);
    expect(page.items.map((m) => [m.fileName, m.error])).toEqual([['kapot.xml', result.files[0]!.error]]);
  });

  it('says so when there is nothing to read', async () => {
    expect(await ok<IwmoInboxResult>(await admin.request('POST', '/api/v1/iwmo/inbox', {}))).toEqual({ files: [], processed: 0, refused: 0 });
  });
});

describe('who may use it', () => {
  it('answers 404 to every other role and 401 without a session, on every route', async () => {
    const routes = [
      ['GET', '/api/v1/iwmo/messages'],
      ['POST', '/api/v1/iwmo/outbox'],
      ['POST', '/api/v1/iwmo/inbox'],
    ] as const;
    const messages = async () => (await t.database.db.select({ id: iwmoMessages.id }).from(iwmoMessages)).length;
    const before = await messages();
    fs.writeFileSync(path.join(inbox, 'wacht.xml'), start305(hbh.assignmentNumber!, { id: 'S3' }));
    for (const user of ['workerA', 'leadA', 'quality', 'analyst'] satisfies TestUser[]) {
      const session = await t.login(user);
      for (const [method, url] of routes) expect((await session.request(method, url, method === 'POST' ? {} : undefined)).statusCode, `${user} ${method} ${url}`).toBe(404);
    }
    for (const [method, url] of routes) expect((await t.app.inject({ method, url, payload: method === 'POST' ? {} : undefined })).statusCode).toBe(401);
    // Nothing ran for them: no message registered, the file still waiting.
    expect(await messages()).toBe(before);
    expect(xmlIn(inbox)).toEqual(['wacht.xml']);
    fs.rmSync(path.join(inbox, 'wacht.xml'));
  });
});

describe('folders that are not set, or not there', () => {
  it('shows them as not set, and answers a run with 409 in Dutch saying which setting to set', async () => {
    const bare = await createTestApp({ config: { iwmoOutboxDir: undefined, iwmoInboxDir: undefined } });
    try {
      const beheerder = await bare.login('admin');
      const page = await beheerder.get<IwmoMessagePage>('/api/v1/iwmo/messages');
      expect(page.folders).toEqual({ outbox: { configured: false, path: null, usable: false, waitingFiles: null }, inbox: { configured: false, path: null, usable: false, waitingFiles: null } });
      const send = await beheerder.request('POST', '/api/v1/iwmo/outbox', {});
      expect(send.statusCode).toBe(409);
      expect(send.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(send.json()).toMatchObject({ status: 409, code: 'conflict', detail: expect.stringContaining('KEUKENTAFEL_IWMO_OUTBOX_DIR') });
      const read = await beheerder.request('POST', '/api/v1/iwmo/inbox', {});
      expect(read.statusCode).toBe(409);
      expect(read.json().detail).toContain('KEUKENTAFEL_IWMO_INBOX_DIR');
    } finally {
      await bare.close();
    }
  });

  it('answers 409 when a folder is set but not there, and makes no folder', async () => {
    const missing = path.join(tmp, 'niet-gekoppeld');
    const unmounted = await createTestApp({ config: { iwmoOutboxDir: missing, iwmoInboxDir: inbox } });
    try {
      const beheerder = await unmounted.login('admin');
      expect((await beheerder.get<IwmoMessagePage>('/api/v1/iwmo/messages')).folders.outbox).toEqual({ configured: true, path: missing, usable: false, waitingFiles: null });
      const send = await beheerder.request('POST', '/api/v1/iwmo/outbox', {});
      expect(send.statusCode).toBe(409);
      expect(send.json().detail).toBe(`De map voor uitgaande iWmo-berichten (${missing}) bestaat niet of Keukentafel mag er niet in lezen en schrijven. Controleer de koppeling met de berichtengateway.`);
      // The inbox answers into the outbox folder: it cannot run either.
      const read = await beheerder.request('POST', '/api/v1/iwmo/inbox', {});
      expect(read.statusCode).toBe(409);
      expect(read.json().detail).toContain('De retourberichten op wat er binnenkomt gaan naar die map.');
      expect(fs.existsSync(missing)).toBe(false);
    } finally {
      await unmounted.close();
    }
  });
});

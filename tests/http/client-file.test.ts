// The client's file for an access request over HTTP: every part in the JSON, a real PDF, sensitive
// entries withheld from those who may not read them, 404 outside the scope, and the export logged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { createTestApp, type Session, type TestApp } from '../support/test-app';
import { openCase } from '../support/open-case';
import { pdfActualTexts, pdfText } from '../support/pdf-text';
import { PDF_FAILED, PdfPool } from '../../src/server/lib/pdf/pdf-pool';
import { PDF_IN_PROGRESS } from '../../src/server/modules/client-file/client-file.service';
import { PDFDict, PDFName } from 'pdf-lib';
import { TEAM_A, TEST_USERS, teamId } from '../support/fixtures';
import type { Registration } from '../../src/server/modules/registrations/registrations.schemas';
import type { CaseDetail } from '../../src/server/modules/cases/cases.schemas';
import type { Contact } from '../../src/server/modules/journal/journal.schemas';
import type { Plan } from '../../src/server/modules/plans/plans.schemas';
import type { ClientFile } from '../../src/server/modules/client-file/client-file.schemas';
import type { AccessLogPage } from '../../src/server/modules/access-log/access-log.schemas';
import { auditLog, consents, disclosures, emergencyAccess, provisions, users } from '../../src/server/db/schema';
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import { ACCESS_LOG_WITHHELD_REASON } from '../../src/server/modules/client-file/client-file.labels';

let t: TestApp;
let anna: Session;
let clientId = '';
let caseId = '';
let organisationId = '';
const today = todayInNetherlands();
const BSN = '999992077';

async function userId(email: string): Promise<string> {
  const [row] = await t.database.db.select({ id: users.id, organisationId: users.organisationId }).from(users).where(eq(users.email, email));
  organisationId = row!.organisationId;
  return row!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  anna = await t.login('workerA');
  ({ clientId, caseId } = await openCase(anna, {
    client: { firstName: 'Fatma', lastName: 'Öztürk', birthDate: '1968-04-05', bsn: BSN, street: 'Amsterdamsestraatweg', houseNumber: '12', postcode: '3513 AB', city: 'Utrecht', phone: '0612345678' },
    registeredOn: addDays(today, -20),
    referrerCode: 'huisarts',
    question: 'Schulden en eenzaamheid',
  }));
  let detail = await anna.get<CaseDetail>(`/api/v1/cases/${caseId}`);
  detail = await anna.post<CaseDetail>(`/api/v1/cases/${caseId}/first-meeting`, { firstMeetingOn: addDays(today, -18), location: 'thuis', version: detail.version });
  detail = await anna.post<CaseDetail>(`/api/v1/cases/${caseId}/household`, { client: { firstName: 'Emre', lastName: 'Öztürk', birthDate: '2009-01-01' }, version: detail.version });
  const first = await anna.post<Contact>(`/api/v1/cases/${caseId}/contacts`, { contactOn: addDays(today, -18), kind: 'huisbezoek', minutes: 60, note: 'Kennismaking thuis, schuldenoverzicht gemaakt' });
  await anna.put(`/api/v1/contacts/${first.id}`, { contactOn: addDays(today, -18), kind: 'huisbezoek', minutes: 75, note: 'Kennismaking thuis; schuldenoverzicht met de dochter gemaakt', version: 1 });
  const secret = await anna.post<Contact>(`/api/v1/cases/${caseId}/contacts`, { contactOn: addDays(today, -10), kind: 'telefoon', note: 'Vertelt over geweld door ex-partner' });
  await anna.put(`/api/v1/contacts/${secret.id}`, { contactOn: addDays(today, -10), kind: 'telefoon', note: 'Vertelt over geweld door ex-partner', sensitivity: 'huiselijk_geweld', version: 1 });
  const plan = await anna.put<Plan>(`/api/v1/cases/${caseId}/plan`, {
    baseVersion: 0,
    content: {
      domains: [
        { domain: 'financien', goal: 'Grip op de post', agreements: [{ id: '5a5a5a5a-1111-4222-8333-444444444444', what: 'Bank bellen', owner: 'client' }] },
        { domain: 'huiselijke_relaties', goal: 'Veilig thuis zonder ex-partner', sensitivity: 'huiselijk_geweld', agreements: [] },
      ],
    },
  });
  await anna.post(`/api/v1/cases/${caseId}/plan/versions/${plan.version}/agreement`, { agreedOn: today, how: 'gesprek' });
  await anna.put<Plan>(`/api/v1/cases/${caseId}/plan`, { baseVersion: 1, content: { ...plan.content, reviewOn: addDays(today, 30) } });
  await anna.post(`/api/v1/cases/${caseId}/zrm`, { clientId, assessedOn: addDays(today, -17), type: 'nul', scores: { financien: 2 } });
  await anna.post(`/api/v1/cases/${caseId}/network`, { name: 'Samira', kind: 'family', relation: 'dochter', doesNow: 'Helpt met de post', closeness: 1 });
  const annaId = await userId(TEST_USERS.workerA.email);
  // Consents and disclosures are the recording team's (issue 11): Anna's team's, so Anna's file holds them.
  const annaTeam = await teamId(t.database.db, TEAM_A);
  await t.database.db.insert(provisions).values({ organisationId, caseId, clientId, category: 'begeleiding', product: 'iab_groot', provider: 'Humanitas', startOn: addDays(today, -5) });
  const [consent] = await t.database.db
    .insert(consents)
    .values({ organisationId, clientId, teamId: annaTeam, recipientKind: 'huisarts', recipientName: 'Huisartsenpraktijk Zuilen', dataShared: 'Krachtplan', purpose: 'Afstemming zorg', validFrom: today, givenHow: 'mondeling', recordedBy: annaId })
    .returning();
  await t.database.db.insert(disclosures).values({ organisationId, clientId, teamId: annaTeam, caseId, recipient: 'Huisartsenpraktijk Zuilen', dataShared: 'Krachtplan', ground: 'toestemming', consentId: consent!.id, disclosedOn: today, recordedBy: annaId });
});
afterAll(async () => t.close());

describe("the client's file", () => {
  it('holds every part as JSON for a case worker, with the BSN whole and every version', async () => {
    const response = await anna.request('GET', `/api/v1/clients/${clientId}/file`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="dossier-ozturk-${today}.json"`);
    const file = response.json() as ClientFile;
    expect(file.createdBy).toEqual({ name: 'Anna Aalders', role: 'Buurtteammedewerker', team: 'Overvecht Centrum' });
    expect(file.person).toMatchObject({ firstName: 'Fatma', lastName: 'Öztürk', bsn: BSN, postcode: '3513 AB', phone: '0612345678' });
    expect(file.registrations).toEqual([expect.objectContaining({ team: 'Overvecht Centrum', question: 'Schulden en eenzaamheid', caseId, triage: expect.objectContaining({ by: 'Anna Aalders' }) })]);
    expect(file.registrations[0]!.triage!.outcome).toMatch(/Generalistische ondersteuning/);
    expect(file.cases).toHaveLength(1);
    const c = file.cases[0]!;
    expect(c).toMatchObject({ id: caseId, team: 'Overvecht Centrum', status: 'Kennismaking gehad', role: 'Hoofdcliënt', leadWorker: 'Anna Aalders', firstMeetingLocation: 'Thuis' });
    expect(c.history.map((e) => e.event)).toEqual(expect.arrayContaining(['Kennismaking vastgelegd', 'Huishoudlid toegevoegd']));
    expect(c.household.map((h) => `${h.name} ${h.role}`)).toEqual(['Fatma Öztürk Hoofdcliënt', 'Emre Öztürk Huishoudlid']);
    // The journal: the sensitive entry for its author, the edited one with its earlier version.
    expect(c.journal).toHaveLength(2);
    const [sensitive, edited] = c.journal;
    expect(sensitive).toMatchObject({ withheld: false, note: 'Vertelt over geweld door ex-partner', sensitivity: 'Gevoelig: huiselijk geweld' });
    expect(edited).toMatchObject({ withheld: false, minutes: 75, version: 2, earlierVersions: [expect.objectContaining({ version: 1, minutes: 60, note: 'Kennismaking thuis, schuldenoverzicht gemaakt' })] });
    // Every version of the plan, with the agreement and the domain in words.
    expect(c.plan.map((v) => [v.version, v.agreedOn, v.agreedHow])).toEqual([
      [2, null, null],
      [1, today, 'Mondeling, in het gesprek'],
    ]);
    expect(c.plan[1]!.content.domains[0]).toMatchObject({ domain: 'Financiën', goal: 'Grip op de post' });
    expect(c.network).toEqual([expect.objectContaining({ name: 'Samira', kind: 'Familie', closeness: 'Dichtbij' })]);
    expect(file.zrm).toEqual([expect.objectContaining({ assessedOn: addDays(today, -17), scores: [{ domain: 'Financiën', score: 2 }] })]);
    expect(file.provisions).toEqual([expect.objectContaining({ category: 'Begeleiding', product: 'Individuele ambulante begeleiding grote aanbieders', provider: 'Humanitas', extension: false, voided: false })]);
    expect(file.consents).toEqual([expect.objectContaining({ recipientName: 'Huisartsenpraktijk Zuilen', purpose: 'Afstemming zorg', recordedBy: 'Anna Aalders', withdrawnOn: null })]);
    expect(file.disclosures).toEqual([expect.objectContaining({ recipient: 'Huisartsenpraktijk Zuilen', ground: 'Toestemming van de cliënt' })]);
    expect(file.accessLog.withheld).toBe(false);
    expect(file.accessLog.withheld === false && file.accessLog.entries.map((e) => e.what)).toEqual(expect.arrayContaining(['schreef de cliënt in', 'wijzigde een contact in het contactjournaal (duur, notitie)']));
    expect(JSON.stringify(file.accessLog)).not.toContain('Kennismaking thuis');
  });

  it('withholds a sensitive entry from a colleague who is no case worker, and says why', async () => {
    const lotte = await t.login('leadA');
    const file = await lotte.get<ClientFile>(`/api/v1/clients/${clientId}/file`);
    const withheld = file.cases[0]!.journal.filter((e) => e.withheld);
    expect(withheld).toHaveLength(1);
    expect(withheld[0]).toMatchObject({ contactOn: addDays(today, -10), reason: expect.stringMatching(/gemarkeerd als gevoelig/) });
    const body = JSON.stringify(file);
    expect(body).not.toContain('geweld door ex-partner');
    expect(body).not.toContain('huiselijk geweld');
    // The marked part of the plan is left out of every version, the other part stays.
    expect(body).not.toContain('Veilig thuis zonder ex-partner');
    expect(file.cases[0]!.plan.every((v) => v.content.domains.map((d) => d.goal).join() === 'Grip op de post')).toBe(true);
    expect(file.cases[0]!.journal.filter((e) => !e.withheld)).toHaveLength(1);
  });

  it('is a readable PDF with the filename of the surname and the date', async () => {
    const response = await anna.request('GET', `/api/v1/clients/${clientId}/file.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="dossier-ozturk-${today}.pdf"`);
    const bytes = response.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(pdf.getTitle()).toBe('Dossier van Fatma Öztürk');
    const text = await pdfText(bytes);
    for (const expected of ['Dossier van Fatma Öztürk', 'Persoonsgegevens', BSN, 'Contactjournaal', 'Vertelt over geweld door ex-partner', 'Krachtplan (alle versies)', 'Netwerk rond het huishouden', 'Toestemmingen (1)', 'Verstrekkingen aan derden (1)', 'Wie heeft dit dossier ingezien']) {
      expect(text, expected).toContain(expected);
    }
    expect(text).toMatch(new RegExp(`Pagina 1 van ${pdf.getPageCount()}`));
  });

  it('breaks pages for a long journal, numbering every page', async () => {
    for (let i = 0; i < 12; i++) {
      await anna.post(`/api/v1/cases/${caseId}/contacts`, { contactOn: addDays(today, -9), kind: 'kantoor', note: `Gesprek ${i}: ${'Lange notitie over de voortgang van de schuldhulp en de afspraken met de bank. '.repeat(12)}` });
    }
    const bytes = (await anna.request('GET', `/api/v1/clients/${clientId}/file.pdf`)).rawPayload;
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThan(2);
    const text = await pdfText(bytes);
    for (let page = 1; page <= pdf.getPageCount(); page++) expect(text).toContain(`Pagina ${page} van ${pdf.getPageCount()}`);
  });

  it('answers 404 to another team, kwaliteit without break-the-glass and the analyst', async () => {
    for (const user of ['workerB', 'quality', 'analyst'] as const) {
      const session = await t.login(user);
      for (const url of [`/api/v1/clients/${clientId}/file`, `/api/v1/clients/${clientId}/file.pdf`]) {
        expect((await session.request('GET', url)).statusCode, `${user} ${url}`).toBe(404);
      }
    }
    expect((await anna.request('GET', '/api/v1/clients/00000000-0000-4000-8000-000000000000/file.pdf')).statusCode).toBe(404);
  });

  it('opens for a break-the-glass reader, without the sensitive entry', async () => {
    const bramId = await userId(TEST_USERS.workerB.email);
    await t.database.db.insert(emergencyAccess).values({ organisationId, userId: bramId, clientId, reason: 'Crisis buiten kantoortijd', expiresAt: new Date(Date.now() + 3_600_000) });
    const bram = await t.login('workerB');
    const file = await bram.get<ClientFile>(`/api/v1/clients/${clientId}/file`);
    expect(file.person.bsn).toBe(BSN);
    expect(file.cases).toHaveLength(1);
    expect(JSON.stringify(file)).not.toContain('geweld door ex-partner');
    await t.database.db.delete(emergencyAccess).where(and(eq(emergencyAccess.userId, bramId), eq(emergencyAccess.clientId, clientId)));
  });

  it('logs every export in the access log', async () => {
    // Every page of the log (ten rows a page), newest first.
    const entries: AccessLogPage['entries'] = [];
    for (let n = 1; ; n++) {
      const page = await anna.get<AccessLogPage>(`/api/v1/clients/${clientId}/access-log?page=${n}`);
      entries.push(...page.entries);
      if (page.entries.length === 0 || entries.length >= page.total) break;
    }
    const exports = entries.filter((e) => e.what === 'exporteerde het dossier');
    expect(exports.map((e) => e.who)).toEqual(['Bram Bakker', 'Anna Aalders', 'Anna Aalders', 'Lotte Leeuw', 'Anna Aalders']);
    expect(exports[0]).toMatchObject({ emergency: true, team: 'Zuilen' });
    // Refused requests export nothing and are not logged as exports.
    expect(exports.filter((e) => e.outcome === 'geweigerd')).toEqual([]);
  });
});

describe('the access log in the file follows the rule of the access log itself (accessLogReadable)', () => {
  /** Whoever reads the file: the log in it is whole exactly when the log's own endpoint answers them. */
  async function readers(): Promise<{ name: string; session: Session; mayReadLog: boolean }[]> {
    const brams = await userId(TEST_USERS.workerB.email);
    const karin = await userId(TEST_USERS.quality.email);
    const expiresAt = new Date(Date.now() + 3_600_000);
    await t.database.db.insert(emergencyAccess).values([
      { organisationId, userId: brams, clientId, reason: 'Crisis buiten kantoortijd, het eigen team is niet bereikbaar', expiresAt },
      { organisationId, userId: karin, clientId, reason: 'Klacht over de behandeling, dossier nodig voor het onderzoek', expiresAt },
    ]);
    return [
      { name: 'the lead worker', session: anna, mayReadLog: true },
      { name: 'a colleague in the team', session: await t.login('workerA2'), mayReadLog: false },
      { name: 'the team leader', session: await t.login('leadA'), mayReadLog: false },
      { name: 'a worker of another team under break-the-glass', session: await t.login('workerB'), mayReadLog: false },
      { name: 'kwaliteit under break-the-glass', session: await t.login('quality'), mayReadLog: true },
    ];
  }

  it('gives the log whole to the lead worker and kwaliteit, and to the others says it is withheld and why, in JSON and PDF', async () => {
    // Soft: every reader is checked, so a failure names each one who gets more (or less) than the rule allows.
    for (const { name, session, mayReadLog } of await readers()) {
      // The rule itself: the access-log endpoint.
      expect((await session.request('GET', `/api/v1/clients/${clientId}/access-log`)).statusCode, name).toBe(mayReadLog ? 200 : 404);

      const json = await session.request('GET', `/api/v1/clients/${clientId}/file`);
      expect(json.statusCode, name).toBe(200);
      const file = json.json() as ClientFile;
      const pdf = await session.request('GET', `/api/v1/clients/${clientId}/file.pdf`);
      expect(pdf.statusCode, name).toBe(200);
      const text = await pdfText(pdf.rawPayload);
      if (mayReadLog) {
        expect.soft(file.accessLog, name).toMatchObject({ withheld: false });
        const entries = file.accessLog.withheld === false ? file.accessLog.entries : [];
        expect.soft(entries.map((e) => e.who), name).toContain('Anna Aalders');
        expect.soft(text, name).toMatch(/Wie heeft dit dossier ingezien \(\d+\)/);
        expect.soft(text, name).toContain('exporteerde het dossier');
      } else {
        expect.soft(file.accessLog, name).toEqual({ withheld: true, reason: ACCESS_LOG_WITHHELD_REASON });
        // Nothing of the log: no staff names from it, no actions, no emergency reasons.
        expect.soft(JSON.stringify(file.accessLog), name).not.toMatch(/Aalders|Leeuw|Bakker|Kwak|exporteerde|bekeek|Crisis/);
        expect.soft(text, name).not.toContain('exporteerde het dossier');
        expect.soft(text, name).not.toContain('bekeek de persoonsgegevens');
        expect.soft(text, name).toContain('Wie heeft dit dossier ingezien');
        expect.soft(text.replace(/\s+/g, ' '), name).toContain(ACCESS_LOG_WITHHELD_REASON);
      }
    }
  });
});

describe('the PDF in every script', () => {
  /** The fonts a PDF embeds: the name of each (a subset has a six-letter tag before it) and the size of its file. */
  async function embeddedFonts(bytes: Uint8Array): Promise<{ name: string; bytes: number }[]> {
    const pdf = await PDFDocument.load(bytes);
    return pdf.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'))
      .map((d) => {
        const file = pdf.context.lookup(d.get(PDFName.of('FontFile2'))) as { contents?: Uint8Array } | undefined;
        return { name: String(d.get(PDFName.of('FontName'))), bytes: file?.contents?.length ?? 0 };
      });
  }

  it('prints Turkish, Arabic and Chinese names and emoji as written, in subsets of the Noto fonts', async () => {
    const opened = await openCase(anna, { client: { firstName: 'Ayşe', lastName: 'Yılmaz', birthDate: '1980-02-03' }, question: 'Hulp bij de post van İstanbul Sigorta' });
    let detail = await anna.get<CaseDetail>(`/api/v1/cases/${opened.caseId}`);
    detail = await anna.post<CaseDetail>(`/api/v1/cases/${opened.caseId}/household`, { client: { firstName: 'محمد', lastName: 'العلي' }, version: detail.version });
    await anna.post<CaseDetail>(`/api/v1/cases/${opened.caseId}/household`, { client: { firstName: '伟', lastName: '张' }, version: detail.version });
    await anna.post(`/api/v1/cases/${opened.caseId}/contacts`, { contactOn: today, kind: 'telefoon', note: 'Blij met de afspraak 😀 en zegt: شكرا جزيلا' });

    const response = await anna.request('GET', `/api/v1/clients/${opened.clientId}/file.pdf`);
    expect(response.statusCode).toBe(200);
    const bytes = response.rawPayload;
    const text = await pdfText(bytes);
    for (const expected of ['Dossier van Ayşe Yılmaz', 'İstanbul Sigorta', '伟 张', '😀']) expect(text, expected).toContain(expected);
    expect(text).not.toMatch(/\?\?|Ay\?e|Y\?lmaz/);
    // The Arabic runs are drawn right to left; their /ActualText is in that order too.
    const arabic = (await pdfActualTexts(bytes)).map((t) => [...new Intl.Segmenter('ar', { granularity: 'grapheme' }).segment(t)].map((s) => s.segment).reverse().join(''));
    for (const word of ['محمد', 'العلي', 'شكرا', 'جزيلا']) expect(arabic, word).toContain(word);

    const fonts = await embeddedFonts(bytes);
    const families = fonts.map((f) => f.name.replace(/^\/([A-Z]{6}\+)?/, '').replace(/-\d+$/, ''));
    for (const family of ['NotoSans-Regular', 'NotoSans-Bold', 'NotoSansArabic-Regular', 'NotoSansSC-Regular', 'NotoEmoji-Regular']) expect(families, family).toContain(family);
    // Subsets: the Chinese font alone is 10 MB whole.
    for (const font of fonts) expect(font.bytes, font.name).toBeLessThan(60_000);
    expect(bytes.length).toBeLessThan(250_000);
  });

  it('embeds only the Latin fonts in a file without other scripts', async () => {
    const bytes = (await anna.request('GET', `/api/v1/clients/${clientId}/file.pdf`)).rawPayload;
    const families = new Set((await embeddedFonts(bytes)).map((f) => f.name.replace(/^\/([A-Z]{6}\+)?/, '').replace(/-\d+$/, '')));
    expect([...families].sort()).toEqual(['NotoSans-Bold', 'NotoSans-Italic', 'NotoSans-Regular']);
  });
});

describe('heavy exports', () => {
  it('makes one PDF at a time per user: a second at the same time gets 429 with a Dutch message, another user is served', async () => {
    const lotte = await t.login('leadA');
    const [first, second, other] = await Promise.all([
      anna.request('GET', `/api/v1/clients/${clientId}/file.pdf`),
      anna.request('GET', `/api/v1/clients/${clientId}/file.pdf`),
      lotte.request('GET', `/api/v1/clients/${clientId}/file.pdf`),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 429]);
    const refused = first.statusCode === 429 ? first : second;
    expect(refused.json()).toMatchObject({ code: 'tooManyRequests', detail: PDF_IN_PROGRESS });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(other.statusCode).toBe(200);
    // Done: the next one is made.
    expect((await anna.request('GET', `/api/v1/clients/${clientId}/file.pdf`)).statusCode).toBe(200);
  });

  it('answers 503 with a Dutch message when the PDF worker dies, logs no export, and makes the next PDF with a new worker', async () => {
    const pool = new PdfPool({ workers: 1, queueLimit: 2, timeoutMs: 30_000, maxHeapMb: 128, entry: new URL('../support/pdf-test-worker.ts', import.meta.url) });
    const crashing = await createTestApp({ pdfs: pool });
    try {
      const worker = await crashing.login('workerA');
      const make = async (firstName: string) => (await worker.post<Registration>('/api/v1/registrations', { client: { firstName, lastName: 'Proef' }, registeredOn: today, referrerCode: 'zelfmelder', question: 'Vraag' })).client.id;
      const [crash, fine] = [await make('crash'), await make('Truus')];
      const failed = await worker.request('GET', `/api/v1/clients/${crash}/file.pdf`);
      expect(failed.statusCode).toBe(503);
      expect(failed.json()).toMatchObject({ code: 'unavailable', detail: PDF_FAILED });
      expect(Number(failed.headers['retry-after'])).toBeGreaterThan(0);
      const served = await worker.request('GET', `/api/v1/clients/${fine}/file.pdf`);
      expect(served.statusCode).toBe(200);
      expect(served.body).toBe('Dossier van Truus Proef');
      const exports = await crashing.database.db.select({ clientId: auditLog.clientId }).from(auditLog).where(eq(auditLog.action, 'export'));
      expect(exports).toEqual([{ clientId: fine }]);
    } finally {
      await crashing.close();
    }
  });
});

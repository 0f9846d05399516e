// Documents over HTTP, stored in the database (the default): what may be uploaded (decided on the
// content; a name that lies is refused, a text file too, a file over the limit with the clear 413),
// the download (the same bytes, safe headers), change and delete at a version, who sees what (another
// team nothing, a colleague a sensitive document only as withheld), the access log, the client's file
// export and the destruction at the end of retention. The folder storage: documents-folder.test.ts.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientFile } from '../../src/server/modules/client-file/client-file.schemas';
import type { DocumentItem, DocumentList } from '../../src/server/modules/documents/documents.schemas';
import { documentTooLargeMessage } from '../../src/server/modules/documents/documents.schemas';
import { OLD_OFFICE_MESSAGE, UNKNOWN_TYPE_MESSAGE } from '../../src/server/modules/documents/document-types';
import { destroyClientData } from '../../src/server/modules/retention/destroy-client';
import { findOrganisationId } from '../../src/server/modules/reference/reference.service';
import { openCase } from '../support/open-case';
import { PNG_BASE64, tinyPdf } from '../support/documents';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

/** A small limit, so the 413 is cheap to reach: 20 kB. */
const MAX_BYTES = 20 * 1024;

let t: TestApp;
let anna: Session;
let ahmed: Session;
let lotte: Session;
let bram: Session;
let caseId: string;
let clientId: string;
let pdf: Buffer;

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}
const documentCount = async () => Number((await rows<{ n: number }>(sql`select count(*)::int as n from documents`))[0]!.n);
const contentCount = async () => Number((await rows<{ n: number }>(sql`select count(*)::int as n from document_contents`))[0]!.n);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const problemOf = (body: string) => JSON.parse(body) as { detail: string; invalidParams?: { name: string; reason: string }[] };
const upload = (session: Session, fields: { title?: string; fileName: string; bytes: Uint8Array; sensitivity?: string | null }, to = `/api/v1/cases/${caseId}/documents`) =>
  session.request('POST', to, { title: fields.title ?? 'Brief', fileName: fields.fileName, sensitivity: fields.sensitivity, contentBase64: Buffer.from(fields.bytes).toString('base64') });

beforeAll(async () => {
  t = await createTestApp({ config: { documentMaxBytes: MAX_BYTES } });
  [anna, ahmed, lotte, bram] = await Promise.all([t.login('workerA'), t.login('workerA2'), t.login('leadA'), t.login('workerB')]);
  ({ caseId, clientId } = await openCase(anna, { client: { firstName: 'Dewi', lastName: 'Documentje', birthDate: '1975-03-04' } }));
  pdf = await tinyPdf();
});
afterAll(() => t.close());

describe('an upload', () => {
  it('stores a PDF, a PNG and a JPEG named as what they are, with the type found in the content', async () => {
    const stored = await upload(anna, { title: 'Brief van de corporatie', fileName: 'Brief corporatie.PDF', bytes: pdf });
    expect(stored.statusCode, stored.body).toBe(201);
    expect(stored.json()).toMatchObject({ title: 'Brief van de corporatie', fileName: 'Brief corporatie.PDF', mediaType: 'application/pdf', typeLabel: 'PDF', sizeBytes: pdf.length, sha256: sha256(pdf), sensitivity: null, source: 'upload', mayDelete: true, version: 1 });
    const png = await upload(anna, { title: 'Foto van de meterkast', fileName: 'meterkast.png', bytes: Buffer.from(PNG_BASE64, 'base64') });
    expect(png.json()).toMatchObject({ mediaType: 'image/png', typeLabel: 'PNG-afbeelding' });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);
    expect((await upload(anna, { fileName: 'foto.jpeg', bytes: jpeg })).json()).toMatchObject({ mediaType: 'image/jpeg' });
  });

  it('refuses a PNG named .pdf, a text file, an old Word file and an empty one, with a Dutch message, and stores nothing', async () => {
    const before = [await documentCount(), await contentCount()];
    const lying = await upload(anna, { fileName: 'brief.pdf', bytes: Buffer.from(PNG_BASE64, 'base64') });
    expect(lying.statusCode).toBe(400);
    expect(problemOf(lying.body).invalidParams).toEqual([{ name: 'contentBase64', reason: expect.stringMatching(/^Dit bestand is geen PDF, al eindigt de naam op \.pdf\. Het is een PNG-afbeelding/) }]);
    const text = await upload(anna, { fileName: 'notitie.txt', bytes: Buffer.from('Gesprek met de buurvrouw\n') });
    expect(problemOf(text.body).invalidParams).toEqual([{ name: 'contentBase64', reason: UNKNOWN_TYPE_MESSAGE }]);
    // The container of old Office files (Compound File Binary): its signature is all file-type needs.
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect(problemOf((await upload(anna, { fileName: 'oud.doc', bytes: cfb })).body).invalidParams?.[0]?.reason).toBe(OLD_OFFICE_MESSAGE);
    expect((await anna.request('POST', `/api/v1/cases/${caseId}/documents`, { title: 'Leeg', fileName: 'leeg.pdf', contentBase64: '' })).statusCode).toBe(400);
    expect((await anna.request('POST', `/api/v1/cases/${caseId}/documents`, { title: 'Kapot', fileName: 'kapot.pdf', contentBase64: 'niet base64!' })).statusCode).toBe(400);
    expect([await documentCount(), await contentCount()]).toEqual(before);
  });

  it('refuses a file over DOCUMENT_MAX_MB with the clear 413, just over the limit and far over it', async () => {
    const before = await documentCount();
    const justOver = Buffer.concat([pdf, Buffer.alloc(MAX_BYTES - pdf.length + 1)]);
    const refused = await upload(anna, { fileName: 'groot.pdf', bytes: justOver });
    expect(refused.statusCode).toBe(413);
    expect(problemOf(refused.body).detail).toBe(documentTooLargeMessage(MAX_BYTES));
    const farOver = await upload(anna, { fileName: 'groot.pdf', bytes: Buffer.concat([pdf, Buffer.alloc(MAX_BYTES * 3)]) });
    expect(farOver.statusCode).toBe(413);
    expect(problemOf(farOver.body).detail).toBe(documentTooLargeMessage(MAX_BYTES));
    expect(documentTooLargeMessage(10 * 1024 * 1024)).toContain('hoogstens 10 MB');
    // Exactly at the limit is fine.
    expect((await upload(anna, { fileName: 'precies.pdf', bytes: Buffer.concat([pdf, Buffer.alloc(MAX_BYTES - pdf.length)]) })).statusCode).toBe(201);
    expect(await documentCount()).toBe(before + 1);
  });
});

describe('a download', () => {
  it('gives the same bytes, as an attachment with a safe name, the detected type, nosniff and no caching', async () => {
    const stored = (await upload(anna, { title: 'Verslag', fileName: '../"Verslag" café.pdf', bytes: pdf })).json<DocumentItem>();
    const response = await anna.request('GET', `/api/v1/documents/${stored.id}/content`);
    expect(response.statusCode).toBe(200);
    expect(sha256(response.rawPayload)).toBe(stored.sha256);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="_Verslag_ cafe.pdf"; filename*=UTF-8''_Verslag_%20caf%C3%A9.pdf`);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('private, no-store');
    const logged = await rows<{ action: string; client_id: string }>(sql`select action, client_id from audit_log where entity_type = 'document' and entity_id = ${stored.id} order by at`);
    expect(logged).toEqual([{ action: 'create', client_id: clientId }, { action: 'read', client_id: clientId }]);
  });
});

describe('who sees which document', () => {
  it("lists the case's documents for its team, newest first, and logs the read; another team gets 404 everywhere", async () => {
    const list = await anna.get<DocumentList>(`/api/v1/cases/${caseId}/documents`);
    expect(list.maxBytes).toBe(MAX_BYTES);
    expect(list.mayUpload).toBe(true);
    expect(list.documents.length).toBeGreaterThan(2);
    const times = list.documents.map((d) => d.uploadedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const [read] = await rows<{ client_id: string }>(sql`select client_id from audit_log where action = 'read' and entity_type = 'documents' and entity_id = ${caseId}`);
    expect(read?.client_id).toBe(clientId);
    const one = list.documents[0]!;
    expect((await bram.request('GET', `/api/v1/cases/${caseId}/documents`)).statusCode).toBe(404);
    expect((await bram.request('GET', `/api/v1/documents/${one.id}/content`)).statusCode).toBe(404);
    expect((await bram.request('PUT', `/api/v1/documents/${one.id}`, { title: 'Weg ermee', version: 1 })).statusCode).toBe(404);
    expect((await bram.request('POST', `/api/v1/documents/${one.id}/remove`, { version: 1 })).statusCode).toBe(404);
    expect((await upload(bram, { fileName: 'brief.pdf', bytes: pdf })).statusCode).toBe(404);
    const analyst = await t.login('analyst');
    expect((await analyst.request('GET', `/api/v1/documents/${one.id}/content`)).statusCode).toBe(404);
  });

  it('shows a sensitive document to its uploader and the lead worker only; a colleague and the team leader see that it exists', async () => {
    // Ahmed uploads on Anna's case (Anna is the lead worker).
    const secret = (await upload(ahmed, { title: 'Verklaring van de huisarts', fileName: 'huisarts.pdf', bytes: pdf, sensitivity: 'gezondheid' })).json<DocumentItem>();
    expect(secret.sensitivity).toBe('gezondheid');
    const forLotte = await lotte.get<DocumentList>(`/api/v1/cases/${caseId}/documents`);
    const withheld = forLotte.documents.find((d) => d.id === secret.id)!;
    expect(withheld).toEqual({ id: secret.id, caseId, clientId: null, uploadedBy: expect.any(String), uploadedAt: secret.uploadedAt, withheld: true });
    expect(JSON.stringify(forLotte)).not.toContain('huisarts');
    expect((await lotte.request('GET', `/api/v1/documents/${secret.id}/content`)).statusCode).toBe(404);
    expect((await lotte.request('PUT', `/api/v1/documents/${secret.id}`, { title: 'Anders', version: 1 })).statusCode).toBe(404);
    // The lead worker and the uploader read it.
    expect((await anna.get<DocumentList>(`/api/v1/cases/${caseId}/documents`)).documents.find((d) => d.id === secret.id)).toMatchObject({ withheld: false, title: 'Verklaring van de huisarts' });
    expect(sha256((await ahmed.request('GET', `/api/v1/documents/${secret.id}/content`)).rawPayload)).toBe(secret.sha256);
    // Only the uploader changes the mark.
    const byAnna = await anna.request('PUT', `/api/v1/documents/${secret.id}`, { title: 'Verklaring huisarts', sensitivity: null, version: 1 });
    expect(byAnna.statusCode).toBe(400);
    expect(problemOf(byAnna.body).invalidParams?.[0]?.name).toBe('sensitivity');
  });
});

describe('change and delete', () => {
  it('changes the title at a version (409 when stale) and keeps the mark when it is left out', async () => {
    const doc = (await upload(anna, { title: 'Oude titel', fileName: 'a.pdf', bytes: pdf, sensitivity: 'justitie' })).json<DocumentItem>();
    const changed = await anna.put<DocumentItem>(`/api/v1/documents/${doc.id}`, { title: 'Nieuwe titel', version: 1 });
    expect(changed).toMatchObject({ title: 'Nieuwe titel', sensitivity: 'justitie', version: 2 });
    const stale = await anna.request('PUT', `/api/v1/documents/${doc.id}`, { title: 'Nog een titel', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await anna.put<DocumentItem>(`/api/v1/documents/${doc.id}`, { title: 'Nieuwe titel', sensitivity: null, version: 2 })).sensitivity).toBeNull();
  });

  it('deletes for the uploader, the lead worker or the team leader only, at a version, with its bytes, and logs it', async () => {
    const doc = (await upload(anna, { title: 'Weg te gooien', fileName: 'weg.pdf', bytes: pdf })).json<DocumentItem>();
    const forbidden = await ahmed.request('POST', `/api/v1/documents/${doc.id}/remove`, { version: 1 });
    expect(forbidden.statusCode).toBe(403);
    expect(problemOf(forbidden.body).detail).toMatch(/^Alleen wie het document opsloeg/);
    expect((await anna.request('POST', `/api/v1/documents/${doc.id}/remove`, { version: 2 })).statusCode).toBe(409);
    const contentsBefore = await contentCount();
    expect((await lotte.request('POST', `/api/v1/documents/${doc.id}/remove`, { version: 1 })).statusCode).toBe(204);
    expect(await contentCount()).toBe(contentsBefore - 1);
    expect((await anna.request('GET', `/api/v1/documents/${doc.id}/content`)).statusCode).toBe(404);
    const [logged] = await rows<{ changes: { from: { title: string } } }>(sql`select changes from audit_log where action = 'delete' and entity_id = ${doc.id}`);
    expect(logged?.changes.from.title).toBe('Weg te gooien');
  });
});

describe("a client's own documents", () => {
  it("are the storing team's: listed on the client, not on the case, and not seen by another team", async () => {
    const doc = (await upload(anna, { title: 'Kopie huurcontract', fileName: 'huur.pdf', bytes: pdf }, `/api/v1/clients/${clientId}/documents`)).json<DocumentItem>();
    expect(doc).toMatchObject({ clientId, caseId: null });
    const list = await ahmed.get<DocumentList>(`/api/v1/clients/${clientId}/documents`);
    expect(list.documents.map((d) => d.id)).toEqual([doc.id]);
    expect((await anna.get<DocumentList>(`/api/v1/cases/${caseId}/documents`)).documents.map((d) => d.id)).not.toContain(doc.id);
    expect((await bram.request('GET', `/api/v1/clients/${clientId}/documents`)).statusCode).toBe(404);
    expect((await bram.request('GET', `/api/v1/documents/${doc.id}/content`)).statusCode).toBe(404);
  });
});

describe("the client's file and destruction", () => {
  it('has every document the reader may see, with its bytes, in the JSON, and lists them in the PDF', async () => {
    const file = await anna.get<ClientFile>(`/api/v1/clients/${clientId}/file`);
    const onCase = file.cases.find((c) => c.id === caseId)!.documents;
    const corporatie = onCase.find((d) => !d.withheld && d.title === 'Brief van de corporatie');
    expect(corporatie && !corporatie.withheld && sha256(Buffer.from(corporatie.contentBase64, 'base64'))).toBe(sha256(pdf));
    expect(file.documents).toEqual([expect.objectContaining({ withheld: false, title: 'Kopie huurcontract', type: 'PDF' })]);
    // The team leader may not see the health document: withheld, with the reason, no title.
    const forLotte = await lotte.get<ClientFile>(`/api/v1/clients/${clientId}/file`);
    const withheld = forLotte.cases.find((c) => c.id === caseId)!.documents.filter((d) => d.withheld);
    expect(withheld).toHaveLength(1);
    expect(JSON.stringify(forLotte)).not.toContain('Verklaring');
  });

  it("removes the rows and bytes of the client's documents when the data are destroyed", async () => {
    const other = await openCase(anna, { client: { firstName: 'Blijft', lastName: 'Bewaard', birthDate: '1980-01-01' } });
    const kept = (await upload(anna, { fileName: 'blijft.pdf', bytes: pdf }, `/api/v1/cases/${other.caseId}/documents`)).json<DocumentItem>();
    const ids = (await anna.get<DocumentList>(`/api/v1/cases/${caseId}/documents`)).documents.map((d) => d.id);
    const own = (await anna.get<DocumentList>(`/api/v1/clients/${clientId}/documents`)).documents.map((d) => d.id);
    expect(ids.length).toBeGreaterThan(3);
    const organisationId = (await findOrganisationId(t.database.db))!;
    const counts = await t.database.db.transaction((tx) => destroyClientData(tx, organisationId, clientId));
    expect(counts.documents).toBe(ids.length + own.length);
    const left = await rows<{ id: string }>(sql`select id from documents`);
    expect(left.map((r) => r.id)).toEqual([kept.id]);
    expect(await contentCount()).toBe(1);
    // The access log keeps its rows about the documents, without their titles.
    const titles = await rows<{ n: number }>(sql`select count(*)::int as n from audit_log where entity_type = 'document' and changes::text like '%Kopie huurcontract%'`);
    expect(titles[0]!.n).toBe(0);
  });
});

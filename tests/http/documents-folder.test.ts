// Documents in the folder the organisation configures (DOCUMENTS_DIR): the bytes go to a file named
// by the document's id under the organisation's folder (never the user's file name), none to the
// table; the download reads them back; a delete and a destruction remove the file. Its own test file:
// the folder is the app's setting for the whole process (document-store.ts).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentItem } from '../../src/server/modules/documents/documents.schemas';
import { destroyClientData } from '../../src/server/modules/retention/destroy-client';
import { findOrganisationId } from '../../src/server/modules/reference/reference.service';
import { openCase } from '../support/open-case';
import { tinyPdf } from '../support/documents';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

let t: TestApp;
let anna: Session;
let folder: string;
let organisationId: string;
let pdf: Buffer;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const filesIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);
const contentRows = async () => Number(((await t.database.db.execute(sql`select count(*)::int as n from document_contents`)) as unknown as { rows: { n: number }[] }).rows[0]!.n);

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'keukentafel-documenten-'));
  t = await createTestApp({ config: { documentsDir: folder } });
  anna = await t.login('workerA');
  organisationId = (await findOrganisationId(t.database.db))!;
  pdf = await tinyPdf('Opgeslagen in een map');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('documents in DOCUMENTS_DIR', () => {
  it('writes the bytes to a file named by the id, none to the table, and reads the same bytes back', async () => {
    const { caseId } = await openCase(anna, { client: { firstName: 'Map', lastName: 'Mapper', birthDate: '1970-01-01' } });
    const doc = await anna.post<DocumentItem>(`/api/v1/cases/${caseId}/documents`, { title: 'Brief', fileName: '../../etc/passwd.pdf', contentBase64: pdf.toString('base64') });
    const own = path.join(folder, organisationId);
    expect(filesIn(own)).toEqual([doc.id]);
    expect(sha256(fs.readFileSync(path.join(own, doc.id)))).toBe(sha256(pdf));
    expect(fs.statSync(path.join(own, doc.id)).mode & 0o077).toBe(0);
    expect(await contentRows()).toBe(0);
    const download = await anna.request('GET', `/api/v1/documents/${doc.id}/content`);
    expect(sha256(download.rawPayload)).toBe(doc.sha256);
    // Deleted: the file goes too.
    expect((await anna.request('POST', `/api/v1/documents/${doc.id}/remove`, { version: 1 })).statusCode).toBe(204);
    expect(filesIn(own)).toEqual([]);
  });

  it("removes the files of a destroyed client's documents, and only theirs", async () => {
    const gone = await openCase(anna, { client: { firstName: 'Weg', lastName: 'Vernietigd', birthDate: '1950-02-02' } });
    const kept = await openCase(anna, { client: { firstName: 'Blijft', lastName: 'Bewaard', birthDate: '1960-03-03' } });
    const body = { title: 'Brief', fileName: 'brief.pdf', contentBase64: pdf.toString('base64') };
    const onCase = await anna.post<DocumentItem>(`/api/v1/cases/${gone.caseId}/documents`, body);
    const ofClient = await anna.post<DocumentItem>(`/api/v1/clients/${gone.clientId}/documents`, body);
    const other = await anna.post<DocumentItem>(`/api/v1/cases/${kept.caseId}/documents`, body);
    const own = path.join(folder, organisationId);
    expect(filesIn(own).sort()).toEqual([onCase.id, ofClient.id, other.id].sort());
    await t.database.db.transaction((tx) => destroyClientData(tx, organisationId, gone.clientId));
    expect(filesIn(own)).toEqual([other.id]);
  });
});

// The demo's documents: real files of the types they claim (file-type reads them as the upload
// does; pdf-lib opens the PDFs), on the demo medewerker's cases and one client, one marked sensitive
// by a colleague, nothing after now, and the same bytes on every run.
import { fileTypeFromBuffer } from 'file-type';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import codesFile from '../modules/reference/codes.json' with { type: 'json' };
import { checkDocumentContent } from '../modules/documents/document-types';
import { demoDocuments } from './demo-documents';
import { DEMO_WORKER_EMAIL, generateDemoHistory } from './synthetic-history';

const TEAMS = codesFile.teams.map((t) => ({ id: `team:${t.code}`, code: t.code }));
const today = '2026-11-23';
const now = new Date(`${today}T08:30:00Z`);
const history = generateDemoHistory({ seed: 20_161_231, today, now, teams: TEAMS });
const make = () => {
  let n = 0;
  return demoDocuments(history, { today, now, newId: () => `id-${++n}` });
};

describe('the demo documents', () => {
  const { documents, contents } = make();
  const her = history.users.find((u) => u.email === DEMO_WORKER_EMAIL)!;

  it('are files the upload would take, named as what they are, with their size and hash', async () => {
    expect(documents).toHaveLength(4);
    for (const doc of documents) {
      const bytes = contents.find((c) => c.documentId === doc.id)!.content;
      const detected = await fileTypeFromBuffer(bytes);
      expect(checkDocumentContent(doc.fileName, detected?.ext, bytes.byteLength), doc.fileName).toEqual({ ok: true, kind: expect.any(String), mediaType: doc.mediaType });
      expect(doc.sizeBytes).toBe(bytes.byteLength);
      if (doc.mediaType === 'application/pdf') expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
    }
  });

  it('hang on her open cases and one client, one sensitive by a colleague, none after now', () => {
    const hers = new Set(history.cases.filter((c) => c.leadWorkerId === her.id && c.status !== 'closed').map((c) => c.id));
    expect(documents.filter((d) => d.caseId).every((d) => hers.has(d.caseId!))).toBe(true);
    expect(documents.filter((d) => d.clientId && !d.caseId)).toHaveLength(1);
    const sensitive = documents.filter((d) => d.sensitivity);
    expect(sensitive).toEqual([expect.objectContaining({ sensitivity: 'gezondheid' })]);
    expect(sensitive[0]!.uploadedBy).not.toBe(her.id);
    expect(documents.every((d) => d.uploadedAt <= now)).toBe(true);
  });

  it('are the same on every run', () => {
    const again = make();
    expect(again.contents.map((c) => c.content.toString('hex'))).toEqual(contents.map((c) => c.content.toString('hex')));
    expect(again.documents).toEqual(documents);
  });
});

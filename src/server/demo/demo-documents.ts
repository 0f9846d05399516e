// The demo's documents (pure: no I/O, no randomness): on the demo medewerker's open cases a letter of
// the housing corporation (PDF), a photo of the meter cupboard (PNG) and a doctor's statement marked
// sensitive (health) that a colleague stored, so her team leader sees it only as withheld; and a
// tenancy agreement of one of her clients, not on a case. Small files made here, byte for byte the
// same on every run. Written by demo.seed.ts with the rest of the demo, in the database.
import { createHash } from 'node:crypto';
import { DAY_MS, dayNumber, DEMO_WORKER_EMAIL, type DemoHistory } from './synthetic-history';

export interface DemoDocument {
  id: string;
  caseId: string | null;
  clientId: string | null;
  teamId: string;
  title: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  sensitivity: string | null;
  source: 'upload' | 'brief';
  storage: 'database';
  uploadedBy: string;
  uploadedAt: Date;
  updatedAt: Date;
  version: number;
}

export interface DemoDocumentContent {
  documentId: string;
  content: Buffer;
}

/** A 1×1 PNG (a photo stands in for what a phone would take). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** PDF text: ( ) and \ escaped; the demo's texts are plain ASCII. */
const pdfString = (text: string) => `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** A one-page PDF with these lines in Helvetica: written by hand (objects and the cross-reference table), so it is the same on every run. */
export function demoPdf(lines: readonly string[]): Buffer {
  const stream = ['BT', '/F1 12 Tf', '72 760 Td', '16 TL', ...lines.map((line) => `${pdfString(line)} '`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A document of the demo: what it is, where it hangs, who stored it and when. */
export interface DemoPaper {
  title: string;
  fileName: string;
  bytes: Buffer;
  mediaType: string;
  /** Which of her open cases (by position); with `ofClient`, that case's main client, not the case. */
  onCase: number;
  ofClient?: true;
  sensitivity?: string;
  /** Stored by her, or by a colleague of her team. */
  by: 'self' | 'colleague';
  daysAgo: number;
  /** Uploaded (default), or a letter made from a template (demo-letters.ts). */
  source?: 'upload' | 'brief';
}

const PLANS: DemoPaper[] = [
  {
    title: 'Brief van de woningcorporatie over de huurachterstand',
    fileName: 'brief-woningcorporatie.pdf',
    bytes: demoPdf(['Woonstichting De Kade', 'Betreft: huurachterstand', 'U heeft een achterstand van drie maanden huur.', 'Wij willen graag een betalingsregeling met u afspreken.']),
    mediaType: 'application/pdf',
    onCase: 1,
    by: 'self',
    daysAgo: 5,
  },
  { title: 'Foto van de meterkast', fileName: 'meterkast.png', bytes: PNG, mediaType: 'image/png', onCase: 0, by: 'self', daysAgo: 3 },
  {
    title: 'Verklaring van de huisarts',
    fileName: 'verklaring-huisarts.pdf',
    bytes: demoPdf(['Huisartsenpraktijk Zuilen', 'Verklaring', 'Op verzoek van de bewoner: zij kan door haar gezondheid niet alleen naar het loket.']),
    mediaType: 'application/pdf',
    onCase: 2,
    sensitivity: 'gezondheid',
    by: 'colleague',
    daysAgo: 2,
  },
  {
    title: 'Kopie van het huurcontract',
    fileName: 'huurcontract.pdf',
    bytes: demoPdf(['Huurovereenkomst', 'Woonstichting De Kade en de huurder', 'Ingangsdatum: 1 maart 2019']),
    mediaType: 'application/pdf',
    onCase: 1,
    ofClient: true,
    by: 'self',
    daysAgo: 20,
  },
];

/** `more`: papers made elsewhere (the demo's letter), after the fixed ones. */
export function demoDocuments(history: DemoHistory, { today, now, newId, more = [] }: { today: string; now: Date; newId: () => string; more?: readonly DemoPaper[] }): { documents: DemoDocument[]; contents: DemoDocumentContent[] } {
  const her = history.users.find((u) => u.email === DEMO_WORKER_EMAIL);
  if (!her?.teamId) return { documents: [], contents: [] };
  const colleague = history.users.find((u) => u.teamId === her.teamId && u.role === 'medewerker' && u.id !== her.id) ?? her;
  const hers = history.cases.filter((c) => c.leadWorkerId === her.id && c.status !== 'closed');
  const documents: DemoDocument[] = [];
  const contents: DemoDocumentContent[] = [];
  for (const plan of [...PLANS, ...more]) {
    const onCase = hers[plan.onCase];
    if (!onCase) continue;
    const mainClient = history.caseClients.find((cc) => cc.caseId === onCase.id && cc.role === 'hoofdclient')?.clientId ?? null;
    if (plan.ofClient && !mainClient) continue;
    // Mid-morning `daysAgo` days ago, never after now.
    const at = new Date(Math.min((dayNumber(today) - plan.daysAgo) * DAY_MS + 9 * 3_600_000, now.getTime() - 60_000));
    const id = newId();
    documents.push({
      id,
      caseId: plan.ofClient ? null : onCase.id,
      clientId: plan.ofClient ? mainClient : null,
      teamId: onCase.teamId,
      title: plan.title,
      fileName: plan.fileName,
      mediaType: plan.mediaType,
      sizeBytes: plan.bytes.byteLength,
      sha256: createHash('sha256').update(plan.bytes).digest('hex'),
      sensitivity: plan.sensitivity ?? null,
      source: plan.source ?? 'upload',
      storage: 'database',
      uploadedBy: plan.by === 'self' ? her.id : colleague.id,
      uploadedAt: at,
      updatedAt: at,
      version: 1,
    });
    contents.push({ documentId: id, content: plan.bytes });
  }
  return { documents, contents };
}

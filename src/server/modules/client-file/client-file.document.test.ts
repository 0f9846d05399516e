import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { clientFileDocument, clientFilePdfDocument } from './client-file.document';
import type { Block } from '../../lib/pdf/pdf-document';
import { renderPdfDocument } from '../../lib/pdf/pdf-render';
import { pdfText } from '../../../../tests/support/pdf-text';
import type { ClientFile, FileCase } from './client-file.schemas';
import { planContent } from '../plans/plans.schemas';

const baseCase: FileCase = {
  id: 'c1',
  team: 'Zuilen',
  status: 'Lopend',
  role: 'Hoofdcliënt',
  registeredOn: '2026-01-05',
  referrer: 'Huisarts',
  question: 'Schulden',
  leadWorker: 'Anna Aalders',
  firstMeetingOn: '2026-01-08',
  firstMeetingLocation: 'Thuis',
  closedOn: null,
  closeReasons: [],
  closeOutcomes: [],
  satisfactionScore: null,
  canContinueAlone: null,
  history: [{ at: '2026-01-08T10:00:00Z', event: 'Kennismaking vastgelegd', reason: null, by: 'Anna Aalders' }],
  household: [{ name: 'Fatma Öztürk', birthDate: '1968-04-05', role: 'Hoofdcliënt' }],
  journal: [
    { withheld: true, contactOn: '2026-01-20', reason: 'Gemarkeerd als gevoelig.' },
    { withheld: false, contactOn: '2026-01-08', kind: 'Huisbezoek', minutes: 60, note: 'Kennismaking 😀 ≥ 3 schulden', sensitivity: null, author: 'Anna Aalders', recordedAt: '2026-01-08T10:00:00Z', changedAt: '2026-01-09T10:00:00Z', version: 2, earlierVersions: [{ version: 1, contactOn: '2026-01-08', kind: 'Huisbezoek', minutes: 50, note: 'Eerste tekst', sensitivity: null, author: 'Anna Aalders', replacedBy: 'Anna Aalders', replacedAt: '2026-01-09T10:00:00Z' }], withheldVersions: 1 },
  ],
  plan: [{ version: 1, savedAt: '2026-01-10T09:00:00Z', savedBy: 'Anna Aalders', agreedOn: '2026-01-10', agreedHow: 'Mondeling, in het gesprek', content: planContent.parse({ domains: [{ domain: 'Financiën', goal: 'Grip op de post', agreements: [{ id: '5a5a5a5a-1111-4222-8333-444444444444', what: 'Bank bellen', owner: 'client' }] }] }) }],
  network: [{ name: 'Samira', kind: 'Familie', relation: 'dochter', doesNow: 'Post', couldDo: '', phone: null, email: null, closeness: 'Dichtbij' }],
  documents: [
    { withheld: false, title: 'Brief van de woningcorporatie', fileName: 'brief.pdf', type: 'PDF', mediaType: 'application/pdf', sizeBytes: 52_000, sha256: 'ab', sensitivity: null, source: 'Geüpload', uploadedBy: 'Anna Aalders', uploadedAt: '2026-01-12T09:00:00Z', contentBase64: 'JVBERg==' },
    { withheld: true, uploadedAt: '2026-01-13T09:00:00Z', reason: 'Gemarkeerd als gevoelig.' },
  ],
};

const file = (overrides: Partial<ClientFile> = {}): ClientFile => ({
  createdAt: '2026-02-01T12:30:00Z',
  createdBy: { name: 'Anna Aalders', role: 'Buurtteammedewerker', team: 'Zuilen' },
  organisation: 'Buurtteams',
  about: 'Over dit dossier.',
  person: { firstName: 'Fatma', lastName: 'Öztürk', birthDate: '1968-04-05', bsn: '999992077', gender: 'Vrouw', street: 'Laan', houseNumber: '1', postcode: '3513 AB', city: 'Utrecht', phone: null, recordedAt: '2026-01-05T09:00:00Z' },
  registrations: [],
  cases: [baseCase],
  zrm: [],
  provisionRequests: [],
  provisions: [],
  consents: [],
  disclosures: [],
  documents: [],
  accessLog: {
    withheld: false,
    entries: [
      { id: 'a1', at: '2026-01-21T08:00:00Z', who: 'Bram Bakker', role: 'Buurtteammedewerker', team: 'Zuilen', what: 'bekeek de casus', onBehalfOf: null, outcome: 'gelukt', emergency: true },
      { id: 'a2', at: '2026-01-20T08:00:00Z', who: 'systeem (opdrachtregel)', role: null, team: null, what: 'importeerde de registratiegeschiedenis', onBehalfOf: 'opdrachtregel', outcome: 'gelukt', emergency: false },
    ],
  },
  ...overrides,
});

const texts = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'space' ? [] : b.kind === 'field' ? [`${b.label}: ${b.value}`] : [b.text]));

describe('clientFileDocument', () => {
  it('has a heading for every part, with counts and empty states', () => {
    const blocks = clientFileDocument(file());
    const headings = blocks.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b as { text: string }).text);
    expect(headings).toEqual(['Persoonsgegevens', 'Aanmeldingen (0)', 'Casussen (1)', 'Zelfredzaamheid (ZRM-metingen) (0)', 'Aanvragen voor voorzieningen (maatwerk) (0)', 'Voorzieningen (0)', 'Toestemmingen (0)', 'Verstrekkingen aan derden (0)', 'Documenten van de cliënt (zonder casus) (0)', 'Wie heeft dit dossier ingezien (2)']);
    expect(texts(blocks)).toContain('Geen aanmeldingen.');
    expect(texts(blocks)).toContain('BSN: 999992077');
    expect(texts(blocks)).toContain('Telefoonnummer: Niet ingevuld');
  });

  it('says a withheld entry is withheld and why, and shows the earlier versions of the others', () => {
    const all = texts(clientFileDocument(file()));
    expect(all).toContain('20 januari 2026: niet opgenomen. Gemarkeerd als gevoelig.');
    expect(all.some((t) => t.startsWith('Eerdere versie 1 (vervangen op 9 januari 2026 om 11:00 door Anna Aalders)') && t.endsWith('Eerste tekst'))).toBe(true);
    expect(all.some((t) => t.startsWith('1 eerdere versie(s)'))).toBe(true);
    expect(all).toContain('Bank bellen — De cliënt zelf, Open');
  });

  it("lists a case's documents without their content, and a withheld one with the reason", () => {
    const all = texts(clientFileDocument(file()));
    expect(all).toContain('Brief van de woningcorporatie (PDF, 51 kB, brief.pdf). Geüpload op 12 januari 2026 om 10:00 door Anna Aalders.');
    expect(all).toContain('13 januari 2026 om 10:00: niet opgenomen. Gemarkeerd als gevoelig.');
    expect(all.join(' ')).not.toContain('JVBERg');
  });

  it('says the access log is withheld, and why, without a count, when the reader may not read it', () => {
    const blocks = clientFileDocument(file({ accessLog: { withheld: true, reason: 'Alleen de vaste medewerker.' } }));
    const last = blocks.slice(-2);
    expect(last).toEqual([
      { kind: 'heading', level: 1, text: 'Wie heeft dit dossier ingezien' },
      { kind: 'item', text: 'Niet opgenomen. Alleen de vaste medewerker.', emphasis: true },
    ]);
  });

  it('marks emergency access in the access log and shows the system without a role', () => {
    const items = clientFileDocument(file()).filter((b): b is Extract<Block, { kind: 'item' }> => b.kind === 'item');
    const emergency = items.find((b) => b.text.includes('Bram Bakker'))!;
    expect(emergency).toMatchObject({ emphasis: true });
    expect(emergency.text).toBe('21 januari 2026 om 09:00: Bram Bakker (Buurtteammedewerker, Zuilen) bekeek de casus; gelukt (noodtoegang)');
    expect(items.find((b) => b.text.includes('systeem'))!.text).toBe('20 januari 2026 om 09:00: systeem (opdrachtregel) importeerde de registratiegeschiedenis, namens opdrachtregel; gelukt');
  });
});

describe('clientFilePdfDocument', () => {
  it("titles the PDF with the client's name and says in the footer who made it when", () => {
    const { meta, blocks } = clientFilePdfDocument(file());
    expect(meta).toEqual({
      title: 'Dossier van Fatma Öztürk',
      author: 'Buurtteams',
      subject: 'Inzage in het dossier (Wmo 2015, artikel 5.3.2)',
      createdAt: '2026-02-01T12:30:00Z',
      footer: 'Dossier van Fatma Öztürk \u00b7 aangemaakt op 1 februari 2026 om 13:30 \u00b7 Buurtteams',
    });
    expect(blocks).toEqual(clientFileDocument(file()));
  });

  it('renders any text, however long, on numbered pages', async () => {
    const long = { ...baseCase, journal: Array.from({ length: 40 }, (_, i) => ({ ...(baseCase.journal[1] as Extract<FileCase['journal'][number], { withheld: false }>), note: `Notitie ${i} 日本 ${'woord '.repeat(200)}` })) };
    const bytes = await renderPdfDocument(clientFilePdfDocument(file({ cases: [long] })));
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThan(5);
    expect(pdf.getTitle()).toBe('Dossier van Fatma Öztürk');
    expect(pdf.getSubject()).toBe('Inzage in het dossier (Wmo 2015, artikel 5.3.2)');
    const text = await pdfText(bytes);
    expect(text).toContain('Dossier van Fatma Öztürk \u00b7 aangemaakt op 1 februari 2026 om 13:30 \u00b7 Buurtteams');
    expect(text).toContain(`Pagina ${pdf.getPageCount()} van ${pdf.getPageCount()}`);
  });

  it('shows the requests for provisions with the onderzoek and the decision, and the toewijzingen with what the provider reported', () => {
    const blocks = texts(
      clientFileDocument(
        file({
          provisionRequests: [
            {
              requestedOn: '2026-01-10',
              asked: 'Hulp bij het huishouden',
              category: 'Hulp bij het huishouden',
              requestedBy: 'De cliënt zelf',
              status: 'Besloten',
              researchReportedOn: '2026-01-20',
              researchReport: 'Schoonmaken lukt niet meer',
              withdrawnReason: null,
              decision: { number: 17, decidedOn: '2026-01-25', outcome: 'Toegekend', reasons: 'Het netwerk kan het niet', objectionUntil: '2026-03-08' },
            },
          ],
          provisions: [
            { category: 'Hulp bij het huishouden', product: 'Hulp bij het huishouden', provider: 'Careyn', startOn: '2026-02-01', endOn: null, extension: false, voided: false, deliveryForm: 'Zorg in natura', size: '3 uur per week', endReason: null, voidReason: null, deliveryStartedOn: '2026-02-03', deliveryEndedOn: null },
          ],
        }),
      ),
    );
    expect(blocks).toContain('Aanvragen voor voorzieningen (maatwerk) (1)');
    expect(blocks).toContain('Onderzoek: verslag van 20 januari 2026: Schoonmaken lukt niet meer');
    expect(blocks).toContain('Besluit: nummer 17 van 25 januari 2026: Toegekend. Het netwerk kan het niet. Bezwaar kon tot en met 8 maart 2026.');
    expect(blocks.find((b) => b.startsWith('Hulp bij het huishouden, Hulp bij het huishouden, Careyn'))).toBe(
      'Hulp bij het huishouden, Hulp bij het huishouden, Careyn: van 1 februari 2026; Zorg in natura, 3 uur per week; levering gestart op 3 februari 2026',
    );
  });
});

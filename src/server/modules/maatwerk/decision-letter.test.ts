import { afterAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Block } from '../../lib/pdf/pdf-document';
import { PdfPool } from '../../lib/pdf/pdf-pool';
import { renderPdfDocument } from '../../lib/pdf/pdf-render';
import { pdfText } from '../../../../tests/support/pdf-text';
import { decisionLetterDocument, municipalityInSentence, type DecisionLetter } from './decision-letter';
import { dutchDateWithWeekday } from '../../lib/dutch-dates';
import { objectionUntil } from './legal-terms';

const letter = (overrides: Partial<DecisionLetter> = {}): DecisionLetter => ({
  organisation: 'Buurtteams Utrecht',
  municipality: 'Gemeente Utrecht',
  objectionAddress: ['Gemeente Utrecht', 'Team Bezwaar', 'Postbus 16200', '3500 CE Utrecht'],
  client: { name: 'Fatma Öztürk', street: 'Laan van Nieuw-Guinea', houseNumber: '12 bis', postcode: '3531 JK', city: 'Utrecht' },
  decisionNumber: 202600042,
  decidedOn: '2026-12-07',
  requestedOn: '2026-10-12',
  asked: 'Ik kan mijn huis niet meer schoonhouden sinds mijn heupoperatie.',
  researchReportedOn: '2026-11-20',
  outcome: 'toegekend',
  reasons: 'U kunt na uw operatie niet bukken en niet tillen.\nUw dochter woont ver weg en kan niet helpen.',
  provisions: [
    { product: 'Huishoudelijke ondersteuning', provider: 'Thuiszorg De Linde', deliveryForm: 'zin', startOn: '2027-01-01', endOn: '2027-12-31', omvang: '3 uur per week', budget: null },
    { product: 'Begeleiding individueel', provider: 'Zorgbureau Aydın', deliveryForm: 'pgb', startOn: '2027-01-01', endOn: null, omvang: null, budget: '€ 4.800,00 per jaar' },
  ],
  objectionUntil: objectionUntil('2026-12-07'),
  workerName: 'Anna Aalders',
  createdAt: '2026-12-07T10:15:00Z',
  ...overrides,
});

const texts = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'space' ? [] : b.kind === 'field' ? [`${b.label}: ${b.value}`] : [b.text]));
const all = (blocks: Block[]) => texts(blocks).join('\n');
/** The text as one line of words: a PDF wraps a sentence where the page ends. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('decisionLetterDocument', () => {
  it('opens with the sender, the address, the date and the decision number', () => {
    const blocks = decisionLetterDocument(letter()).blocks;
    expect(texts(blocks).slice(0, 6)).toEqual([
      'Buurtteams Utrecht\nnamens de gemeente Utrecht',
      'Fatma Öztürk\nLaan van Nieuw-Guinea 12 bis\n3531 JK Utrecht',
      'Datum: 7 december 2026',
      'Besluitnummer: 202600042',
      'Contactpersoon: Anna Aalders',
      'Besluit over uw aanvraag voor ondersteuning (Wmo)',
    ]);
    expect(all(blocks)).toContain('Beste Fatma Öztürk,');
  });

  it('leaves out the address lines and the contact person it does not have', () => {
    const blocks = decisionLetterDocument(letter({ client: { name: 'Fatma Öztürk', street: null, houseNumber: null, postcode: null, city: 'Utrecht' }, workerName: null })).blocks;
    expect(texts(blocks)[1]).toBe('Fatma Öztürk\nUtrecht');
    expect(all(blocks)).not.toContain('Contactpersoon');
    expect(all(blocks)).toContain('Bel dan eerst met Buurtteams Utrecht.');
  });

  it('sets what it writes left to right, also with a name in Arabic script, and what people wrote in its own direction', () => {
    const blocks = decisionLetterDocument(letter({ client: { ...letter().client, name: 'محمد العلي' }, asked: 'أحتاج مساعدة في البيت' })).blocks;
    const paragraphs = blocks.filter((b) => b.kind === 'paragraph');
    expect(paragraphs.find((b) => b.text.startsWith('محمد العلي\n'))).toMatchObject({ composed: true });
    expect(paragraphs.find((b) => b.text.startsWith('Beste '))).toMatchObject({ composed: true });
    expect(paragraphs.find((b) => b.text === 'أحتاج مساعدة في البيت')!.composed).toBeUndefined();
    expect(paragraphs.find((b) => b.text.startsWith('U kunt na uw operatie'))!.composed).toBeUndefined();
  });

  it('says what was asked and when, and when the onderzoek was reported', () => {
    const text = all(decisionLetterDocument(letter()).blocks);
    expect(text).toContain('Op 12 oktober 2026 vroeg u ons om hulp. U vroeg:\nIk kan mijn huis niet meer schoonhouden sinds mijn heupoperatie.');
    expect(text).toContain('Het verslag van het onderzoek is van 20 november 2026.');
  });

  it('gives the outcome in plain words, and the reasons as the worker wrote them', () => {
    expect(all(decisionLetterDocument(letter()).blocks)).toContain('Wij hebben uw aanvraag toegekend.');
    expect(all(decisionLetterDocument(letter({ outcome: 'deels_toegekend' })).blocks)).toContain('Wij hebben uw aanvraag gedeeltelijk toegekend. U krijgt een deel van wat u vroeg.');
    const rejected = all(decisionLetterDocument(letter({ outcome: 'afgewezen' })).blocks);
    expect(rejected).toContain('Wij hebben uw aanvraag afgewezen.');
    expect(rejected).not.toContain('toegekend');
    expect(all(decisionLetterDocument(letter()).blocks)).toContain('Waarom besluiten wij dit?\nU kunt na uw operatie niet bukken en niet tillen.\nUw dochter woont ver weg en kan niet helpen.');
  });

  it('lists each provision of a grant: product, provider, zorg in natura or pgb, period, omvang or budget', () => {
    const blocks = decisionLetterDocument(letter()).blocks;
    const from = texts(blocks).indexOf('Wat krijgt u?');
    expect(from).toBeGreaterThan(0);
    expect(texts(blocks).slice(from + 1, from + 11)).toEqual([
      'Huishoudelijke ondersteuning',
      'Aanbieder: Thuiszorg De Linde',
      'Hoe u het krijgt: Zorg in natura. De aanbieder geeft u de ondersteuning. De gemeente betaalt de aanbieder.',
      'Periode: Van 1 januari 2027 tot en met 31 december 2027.',
      'Hoeveel: 3 uur per week',
      'Begeleiding individueel',
      'Aanbieder: Zorgbureau Aydın',
      'Hoe u het krijgt: Persoonsgebonden budget (pgb). U krijgt een budget. Daarmee regelt en betaalt u de ondersteuning zelf.',
      'Periode: Vanaf 1 januari 2027. Er is geen einddatum.',
      'Budget: € 4.800,00 per jaar',
    ]);
    expect(all(decisionLetterDocument(letter({ outcome: 'deels_toegekend' })).blocks)).toContain('Huishoudelijke ondersteuning');
  });

  it('lists no provisions when the request is rejected, and points to none when a grant has none', () => {
    const text = all(decisionLetterDocument(letter({ outcome: 'afgewezen' })).blocks);
    expect(text).not.toContain('Wat krijgt u?');
    expect(text).not.toContain('Thuiszorg De Linde');
    expect(text).not.toContain('hieronder');
    expect(all(decisionLetterDocument(letter()).blocks)).toContain('Wij hebben uw aanvraag toegekend. U krijgt de ondersteuning waar u om vroeg. Wat u krijgt, staat hieronder.');
    const none = all(decisionLetterDocument(letter({ provisions: [] })).blocks);
    expect(none).toContain('Wij hebben uw aanvraag toegekend. U krijgt de ondersteuning waar u om vroeg.');
    expect(none).not.toContain('hieronder');
  });

  it('has the objection clause: six weeks up to the day in words, to the college at the address, what the letter holds, the voorlopige voorziening, call first', () => {
    const blocks = decisionLetterDocument(letter()).blocks;
    const text = all(blocks);
    expect(text).toContain('Bent u het niet eens met dit besluit?');
    expect(text).toContain('Dan kunt u bezwaar maken. Dat doet u met een brief. U heeft daarvoor zes weken. Dat is tot en met maandag 18 januari 2027.');
    expect(text).toContain('Stuur uw brief naar het college van burgemeester en wethouders van de gemeente Utrecht.');
    expect(text).toContain('Gemeente Utrecht\nTeam Bezwaar\nPostbus 16200\n3500 CE Utrecht');
    const items = blocks.filter((b) => b.kind === 'item').map((b) => b.text);
    expect(items).toEqual(['uw naam en adres', 'de datum', 'het nummer van dit besluit: 202600042', 'waarom u het niet eens bent met dit besluit', 'uw handtekening']);
    expect(text).toContain('Dan kunt u de voorzieningenrechter van de rechtbank vragen om een voorlopige voorziening.');
    expect(text).toContain('Bel dan eerst met uw contactpersoon Anna Aalders van Buurtteams Utrecht.');
    expect(text).toContain('Let op: bellen is geen bezwaar.');
  });

  it('gives the PDF a title, author, footer and creation moment', () => {
    expect(decisionLetterDocument(letter()).meta).toEqual({
      title: 'Besluit over uw aanvraag voor ondersteuning (Wmo), besluitnummer 202600042',
      author: 'Buurtteams Utrecht',
      subject: 'Besluit op een aanvraag voor een maatwerkvoorziening (Wmo 2015)',
      createdAt: '2026-12-07T10:15:00Z',
      footer: 'Besluit 202600042 van 7 december 2026 \u00b7 Fatma Öztürk \u00b7 Buurtteams Utrecht',
    });
  });
});

describe('the letter helpers', () => {
  it('writes a deadline with its day of the week', () => {
    expect(dutchDateWithWeekday('2027-01-18')).toBe('maandag 18 januari 2027');
  });

  it('names the municipality inside a sentence', () => {
    expect(municipalityInSentence('Gemeente Utrecht')).toBe('de gemeente Utrecht');
    expect(municipalityInSentence('gemeente Súdwest-Fryslân')).toBe('de gemeente Súdwest-Fryslân');
    expect(municipalityInSentence('Utrecht')).toBe('Utrecht');
  });
});

describe('the decision letter as PDF', () => {
  const pools: PdfPool[] = [];
  afterAll(async () => {
    for (const pool of pools) await pool.close();
  });

  /** What must be readable in the PDF itself. */
  function expectLetterText(text: string) {
    const words = flat(text);
    for (const expected of [
      'Buurtteams Utrecht',
      'Fatma Öztürk',
      'Laan van Nieuw-Guinea 12 bis',
      '3531 JK Utrecht',
      '7 december 2026',
      '202600042',
      'Besluit over uw aanvraag voor ondersteuning (Wmo)',
      'Wij hebben uw aanvraag toegekend.',
      'Huishoudelijke ondersteuning',
      'Thuiszorg De Linde',
      'Zorg in natura.',
      '3 uur per week',
      'Begeleiding individueel',
      'Zorgbureau Aydın',
      'Persoonsgebonden budget (pgb).',
      '€ 4.800,00 per jaar',
      'Bent u het niet eens met dit besluit?',
      'Dat is tot en met maandag 18 januari 2027.',
      'het college van burgemeester en wethouders van de gemeente Utrecht',
      'Team Bezwaar',
      'Postbus 16200',
      '3500 CE Utrecht',
      'voorlopige voorziening',
      'Pagina 1 van',
    ])
      expect(words, expected).toContain(expected);
  }

  it('renders to a PDF with every part readable', async () => {
    const bytes = await renderPdfDocument(decisionLetterDocument(letter()));
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toBe('Besluit over uw aanvraag voor ondersteuning (Wmo), besluitnummer 202600042');
    expect(pdf.getAuthor()).toBe('Buurtteams Utrecht');
    expect(pdf.getCreationDate()?.toISOString()).toBe('2026-12-07T10:15:00.000Z');
    expectLetterText(await pdfText(bytes));
  });

  it('sets the address block flush left, also under a name in Arabic script', async () => {
    const bytes = await renderPdfDocument(decisionLetterDocument(letter({ client: { ...letter().client, name: 'محمد العلي' } })));
    const document = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
    try {
      const items = (await (await document.getPage(1)).getTextContent()).items as { str: string; transform: number[] }[];
      const street = items.find((item) => item.str.includes('Laan van Nieuw-Guinea'))!;
      expect(street.transform[4]).toBeCloseTo(56, 0);
    } finally {
      await document.destroy();
    }
  });

  it("renders through the app's PDF pool (a worker thread), as the maatwerk service will", async () => {
    const pool = new PdfPool({ workers: 1, queueLimit: 1, timeoutMs: 60_000, maxHeapMb: 512 });
    pools.push(pool);
    const bytes = await pool.render(decisionLetterDocument(letter()));
    expectLetterText(await pdfText(bytes));
  });
});

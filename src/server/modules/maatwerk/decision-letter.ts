// The decision letter of a beschikking (pure): what the client gets on paper after the worker has
// recorded the decision on a maatwerk request. Plain Dutch (B1), short sentences: residents read it.
// The app's PDF pool lays it out: `await pdfs.render(decisionLetterDocument(letter))`.
//
// What the law asks of the letter:
// - Awb art. 3:45: say that the client can object, by whom, within which term and to which body
//   (here the college van burgemeester en wethouders, the bestuursorgaan of the Wmo 2015).
// - Awb art. 6:7 and 6:8: six weeks, from the day after the decision was sent; the caller computes
//   the last day (legal-terms.ts, `objectionUntil`) and the letter gives it as a date in words.
// - Awb art. 6:4 and 6:5: an objection is a signed letter with name and address, a date, which
//   decision it is about and why the client disagrees.
// - Awb art. 6:16 and 8:81: an objection does not stop the decision; when it is urgent the client
//   can ask the voorzieningenrechter for a voorlopige voorziening (griffierecht, art. 8:82).
import { dutchDate, dutchDateWithWeekday } from '../../lib/dutch-dates';
import type { Block, PdfDocumentSpec } from '../../lib/pdf/pdf-document';
import { addressBlock, lines, type LetterRecipient } from '../../lib/pdf/letter-parts';

export interface DecisionLetter {
  /** The team organisation that sends the letter on behalf of the municipality. */
  organisation: string;
  /** The municipality that decides (bestuursorgaan), e.g. 'Gemeente Utrecht'. */
  municipality: string;
  /** Where an objection goes (postal address, one line per element). */
  objectionAddress: string[];
  client: LetterRecipient;
  decisionNumber: number;
  decidedOn: string; // YYYY-MM-DD
  requestedOn: string; // the melding
  asked: string; // what was asked, in the client's words
  researchReportedOn: string; // the onderzoek's report
  outcome: 'toegekend' | 'deels_toegekend' | 'afgewezen';
  reasons: string; // free text by the worker
  provisions: { product: string; provider: string; deliveryForm: 'zin' | 'pgb'; startOn: string; endOn: string | null; omvang: string | null; budget: string | null }[];
  objectionUntil: string; // last day for an objection (computed by the caller)
  workerName: string | null;
  createdAt: string; // ISO moment the letter was made
}

export const DECISION_LETTER_TITLE = 'Besluit over uw aanvraag voor ondersteuning (Wmo)';

/** The outcome in plain words, as the letter says it. */
export const OUTCOME_TEXT: Record<DecisionLetter['outcome'], string> = {
  toegekend: 'Wij hebben uw aanvraag toegekend. U krijgt de ondersteuning waar u om vroeg.',
  deels_toegekend: 'Wij hebben uw aanvraag gedeeltelijk toegekend. U krijgt een deel van wat u vroeg.',
  afgewezen: 'Wij hebben uw aanvraag afgewezen. U krijgt de ondersteuning waar u om vroeg niet.',
};

export const DELIVERY_FORM_TEXT: Record<DecisionLetter['provisions'][number]['deliveryForm'], string> = {
  zin: 'Zorg in natura. De aanbieder geeft u de ondersteuning. De gemeente betaalt de aanbieder.',
  pgb: 'Persoonsgebonden budget (pgb). U krijgt een budget. Daarmee regelt en betaalt u de ondersteuning zelf.',
};

/** 'Gemeente Utrecht' → 'de gemeente Utrecht', to use inside a sentence; another name as it is. */
export function municipalityInSentence(municipality: string): string {
  const name = municipality.trim();
  return /^gemeente\s/i.test(name) ? `de gemeente ${name.replace(/^gemeente\s+/i, '')}` : name;
}

/** A paragraph the letter writes: left to right, whatever names it holds. */
const paragraph = (text: string): Block => ({ kind: 'paragraph', text, composed: true });
/** A text someone wrote (what was asked, the reasons): in the direction of its own first letters. */
const written = (text: string): Block => ({ kind: 'paragraph', text });
const item = (text: string): Block => ({ kind: 'item', text });
const space = (count: number): Block => ({ kind: 'space', lines: count });

function period(startOn: string, endOn: string | null): string {
  return endOn ? `Van ${dutchDate(startOn)} tot en met ${dutchDate(endOn)}.` : `Vanaf ${dutchDate(startOn)}. Er is geen einddatum.`;
}

function provisionBlocks(provision: DecisionLetter['provisions'][number]): Block[] {
  return [
    { kind: 'heading', level: 2, text: provision.product },
    { kind: 'field', label: 'Aanbieder', value: provision.provider },
    { kind: 'field', label: 'Hoe u het krijgt', value: DELIVERY_FORM_TEXT[provision.deliveryForm] },
    { kind: 'field', label: 'Periode', value: period(provision.startOn, provision.endOn) },
    ...(provision.omvang ? [{ kind: 'field', label: 'Hoeveel', value: provision.omvang } satisfies Block] : []),
    ...(provision.budget ? [{ kind: 'field', label: 'Budget', value: provision.budget } satisfies Block] : []),
  ];
}

/** The objection clause (Awb 3:45, 6:5, 6:7, 6:8, 8:81), and that the client can call first. */
function objectionBlocks(letter: DecisionLetter): Block[] {
  const college = `het college van burgemeester en wethouders van ${municipalityInSentence(letter.municipality)}`;
  const contact = letter.workerName ? `uw contactpersoon ${letter.workerName} van ${letter.organisation}` : letter.organisation;
  return [
    { kind: 'heading', level: 1, text: 'Bent u het niet eens met dit besluit?' },
    paragraph(`Dan kunt u bezwaar maken. Dat doet u met een brief. U heeft daarvoor zes weken. Dat is tot en met ${dutchDateWithWeekday(letter.objectionUntil)}. Stuur uw brief uiterlijk op die dag.`),
    paragraph(`Stuur uw brief naar ${college}. Dat is het bestuur van de gemeente. Het adres is:`),
    paragraph(lines(...letter.objectionAddress)),
    paragraph('Zet in uw brief:'),
    item('uw naam en adres'),
    item('de datum'),
    item(`het nummer van dit besluit: ${letter.decisionNumber}`),
    item('waarom u het niet eens bent met dit besluit'),
    item('uw handtekening'),
    paragraph('Stuur als het kan een kopie van deze brief mee.'),
    { kind: 'heading', level: 2, text: 'Is het dringend?' },
    paragraph(
      'Het besluit blijft gelden, ook als u bezwaar maakt. Kunt u niet wachten tot er een besluit is over uw bezwaar? Dan kunt u de voorzieningenrechter van de rechtbank vragen om een voorlopige voorziening. Dat is een snelle beslissing voor de tijd dat u wacht. U moet dan ook bezwaar maken. Voor een voorlopige voorziening betaalt u griffierecht. Dat zijn kosten voor de rechtbank.',
    ),
    { kind: 'heading', level: 2, text: 'Eerst bellen?' },
    paragraph(`Heeft u vragen over dit besluit? Of denkt u dat er iets niet klopt? Bel dan eerst met ${contact}. Misschien lossen we het samen op. Let op: bellen is geen bezwaar. Wilt u bezwaar maken? Stuur dan op tijd een brief.`),
  ];
}

/** The letter as a PDF document: sender, address, date and number, the decision, and the objection clause. */
export function decisionLetterDocument(letter: DecisionLetter): PdfDocumentSpec {
  const provisions = letter.outcome === 'afgewezen' ? [] : letter.provisions;
  const blocks: Block[] = [
    paragraph(lines(letter.organisation, `namens ${municipalityInSentence(letter.municipality)}`)),
    space(2),
    paragraph(addressBlock(letter.client)),
    space(3),
    { kind: 'field', label: 'Datum', value: dutchDate(letter.decidedOn) },
    { kind: 'field', label: 'Besluitnummer', value: String(letter.decisionNumber) },
    ...(letter.workerName ? [{ kind: 'field', label: 'Contactpersoon', value: letter.workerName } satisfies Block] : []),
    space(2),
    { kind: 'title', text: DECISION_LETTER_TITLE },
    space(1),
    paragraph(`Beste ${letter.client.name},`),
    paragraph(`In deze brief leest u ons besluit over uw aanvraag. Het besluit heeft nummer ${letter.decisionNumber}.`),
    { kind: 'heading', level: 1, text: 'Wat heeft u gevraagd?' },
    paragraph(`Op ${dutchDate(letter.requestedOn)} vroeg u ons om hulp. U vroeg:`),
    written(letter.asked),
    paragraph(`Daarna hebben wij met u gepraat over uw situatie. Dat heet het onderzoek. Het verslag van het onderzoek is van ${dutchDate(letter.researchReportedOn)}.`),
    { kind: 'heading', level: 1, text: 'Ons besluit' },
    paragraph(provisions.length > 0 ? `${OUTCOME_TEXT[letter.outcome]} Wat u krijgt, staat hieronder.` : OUTCOME_TEXT[letter.outcome]),
    { kind: 'heading', level: 1, text: 'Waarom besluiten wij dit?' },
    written(letter.reasons),
  ];
  if (provisions.length > 0) {
    blocks.push({ kind: 'heading', level: 1, text: 'Wat krijgt u?' }, ...provisions.flatMap(provisionBlocks));
  }
  blocks.push(...objectionBlocks(letter));
  blocks.push(space(1), paragraph(`Met vriendelijke groet,\n\n${lines(letter.workerName, letter.organisation, `namens ${municipalityInSentence(letter.municipality)}`)}`));
  return {
    meta: {
      title: `${DECISION_LETTER_TITLE}, besluitnummer ${letter.decisionNumber}`,
      author: letter.organisation,
      subject: 'Besluit op een aanvraag voor een maatwerkvoorziening (Wmo 2015)',
      createdAt: letter.createdAt,
      footer: `Besluit ${letter.decisionNumber} van ${dutchDate(letter.decidedOn)} \u00b7 ${letter.client.name} \u00b7 ${letter.organisation}`,
    },
    blocks,
  };
}

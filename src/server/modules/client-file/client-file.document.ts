// The client's file as a readable document: headings, fields, paragraphs and list items in Dutch,
// in the order a client reads it, with the PDF's title and footer. Pure; the PDF renderer
// (lib/pdf/pdf-render.ts, in a worker thread of lib/pdf/pdf-pool.ts) only lays these blocks out.
import { dutchDate, dutchDateTime } from '../../lib/dutch-dates';
import type { Block, PdfDocumentSpec } from '../../lib/pdf/pdf-document';
import { AGREEMENT_OWNER_LABELS, AGREEMENT_STATUS_LABELS, type PlanContent } from '../plans/plans.schemas';
import type { ClientFile, FileCase, FileDocument } from './client-file.schemas';
import { DOCUMENT_FILES_NOTE } from './client-file.labels';
import { sizeText } from '../documents/document-types';

const EMPTY = 'Niet ingevuld';
const yesNo = (value: boolean | null) => (value === null ? EMPTY : value ? 'Ja' : 'Nee');
const join = (...parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join(', ');

function field(label: string, value: string | number | null | undefined): Block {
  return { kind: 'field', label, value: value === null || value === undefined || value === '' ? EMPTY : String(value) };
}

function section(blocks: Block[], title: string, items: unknown[], empty: string, render: () => Block[]): void {
  blocks.push({ kind: 'heading', level: 1, text: `${title} (${items.length})` });
  if (items.length === 0) blocks.push({ kind: 'paragraph', text: empty, muted: true });
  else blocks.push(...render());
}

function personBlocks(file: ClientFile): Block[] {
  const p = file.person;
  return [
    field('Voornaam', p.firstName),
    field('Achternaam', p.lastName),
    field('Geboortedatum', dutchDate(p.birthDate)),
    field('BSN', p.bsn),
    field('Geslacht', p.gender),
    field('Adres', join([p.street, p.houseNumber].filter(Boolean).join(' '), [p.postcode, p.city].filter(Boolean).join(' '))),
    field('Telefoonnummer', p.phone),
    field('Ingeschreven op', dutchDateTime(p.recordedAt)),
  ];
}

function registrationBlocks(file: ClientFile): Block[] {
  return file.registrations.flatMap((r): Block[] => [
    { kind: 'heading', level: 2, text: `Aanmelding van ${dutchDate(r.registeredOn)} bij ${r.team}` },
    field('Melder', r.referrer),
    field('Vraag', r.question),
    ...(r.triage
      ? [
          field('Triage', r.triage.outcome),
          ...(r.triage.otherTeam ? [field('Doorgezet naar', r.triage.otherTeam)] : []),
          ...(r.triage.advice ? [field('Verwijsadvies', r.triage.advice)] : []),
          field('Triage door', join(r.triage.by, r.triage.at && dutchDateTime(r.triage.at))),
        ]
      : [field('Triage', 'Nog niet gedaan')]),
  ]);
}

function journalBlocks(c: FileCase): Block[] {
  if (c.journal.length === 0) return [{ kind: 'paragraph', text: 'Geen contacten.', muted: true }];
  return c.journal.flatMap((entry): Block[] => {
    if (entry.withheld) return [{ kind: 'item', text: `${dutchDate(entry.contactOn)}: niet opgenomen. ${entry.reason}`, emphasis: true }];
    const blocks: Block[] = [
      { kind: 'item', text: join(dutchDate(entry.contactOn), entry.kind, entry.minutes !== null && `${entry.minutes} minuten`, entry.author && `door ${entry.author}`, entry.sensitivity), emphasis: true },
      { kind: 'paragraph', text: entry.note || '(geen notitie)' },
    ];
    for (const v of entry.earlierVersions) {
      blocks.push({
        kind: 'paragraph',
        muted: true,
        text: `Eerdere versie ${v.version} (vervangen op ${dutchDateTime(v.replacedAt)}${v.replacedBy ? ` door ${v.replacedBy}` : ''}): ${join(dutchDate(v.contactOn), v.kind, v.minutes !== null && `${v.minutes} minuten`, v.sensitivity)}. ${v.note || '(geen notitie)'}`,
      });
    }
    if (entry.withheldVersions > 0) {
      blocks.push({ kind: 'paragraph', muted: true, text: `${entry.withheldVersions} eerdere versie(s) van dit contact waren gemarkeerd als gevoelig en zijn niet opgenomen.` });
    }
    return blocks;
  });
}

function planContentBlocks(content: PlanContent): Block[] {
  const blocks: Block[] = [];
  for (const d of content.domains) {
    blocks.push({ kind: 'paragraph', text: `Leefgebied: ${d.domain}` });
    if (d.situation) blocks.push(field('Situatie', d.situation));
    if (d.strengths) blocks.push(field('Wat goed gaat', d.strengths));
    if (d.goal) blocks.push(field('Doel', d.goal));
    for (const a of d.agreements) {
      blocks.push({
        kind: 'item',
        text: `${a.what} — ${join(AGREEMENT_OWNER_LABELS[a.owner], a.ownerName, a.dueOn && `klaar op ${dutchDate(a.dueOn)}`, AGREEMENT_STATUS_LABELS[a.status])}${a.result ? `. Resultaat: ${a.result}` : ''}`,
      });
    }
  }
  if (content.reciprocity) blocks.push(field('Wat de cliënt teruggeeft', content.reciprocity));
  if (content.participation.start !== null || content.participation.now !== null) {
    blocks.push(field('Participatieladder', join(content.participation.start !== null && `bij de start trede ${content.participation.start}`, content.participation.now !== null && `nu trede ${content.participation.now}`)));
  }
  if (content.expectedEndOn) blocks.push(field('Verwachte einddatum', dutchDate(content.expectedEndOn)));
  if (content.reviewOn) blocks.push(field('Evaluatiedatum', dutchDate(content.reviewOn)));
  const crisis = content.crisisPlan;
  if (crisis.signs) blocks.push(field('Crisisplan: signalen', crisis.signs));
  if (crisis.clientDoes) blocks.push(field('Crisisplan: wat de cliënt doet', crisis.clientDoes));
  if (crisis.carerDoes) blocks.push(field('Crisisplan: wat de mantelzorger doet', crisis.carerDoes));
  for (const contact of crisis.contacts) blocks.push({ kind: 'item', text: `Contactpersoon bij crisis: ${join(contact.name, contact.role, contact.phone)}` });
  return blocks;
}

function caseBlocks(c: FileCase): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: `Casus bij ${c.team}, aangemeld op ${dutchDate(c.registeredOn)}` },
    field('Status', c.status),
    field('Uw rol in het huishouden', c.role),
    field('Regisseur', c.leadWorker ?? 'Nog niet toegewezen'),
    field('Melder', c.referrer),
    field('Vraag', c.question),
    field('Kennismaking', join(dutchDate(c.firstMeetingOn), c.firstMeetingLocation)),
  ];
  if (c.closedOn) {
    blocks.push(
      field('Afgesloten op', dutchDate(c.closedOn)),
      field('Reden van afsluiten', c.closeReasons.join(', ')),
      field('Wat de cliënt verder draagt', c.closeOutcomes.join(', ')),
      field('Rapportcijfer', c.satisfactionScore),
      field('Kan zelf verder', yesNo(c.canContinueAlone)),
    );
  }
  blocks.push({ kind: 'heading', level: 3, text: 'Geschiedenis van de casus' });
  if (c.history.length === 0) blocks.push({ kind: 'paragraph', text: 'Geen gebeurtenissen.', muted: true });
  for (const e of c.history) blocks.push({ kind: 'item', text: `${dutchDateTime(e.at)}: ${e.event}${e.by ? ` door ${e.by}` : ''}${e.reason ? `. ${e.reason}` : ''}` });
  blocks.push({ kind: 'heading', level: 3, text: 'Huishouden' });
  for (const h of c.household) blocks.push({ kind: 'item', text: join(h.name, h.birthDate && `geboren ${dutchDate(h.birthDate)}`, h.role) });
  blocks.push({ kind: 'heading', level: 3, text: 'Contactjournaal' }, ...journalBlocks(c));
  blocks.push({ kind: 'heading', level: 3, text: 'Krachtplan (alle versies)' });
  if (c.plan.length === 0) blocks.push({ kind: 'paragraph', text: 'Geen krachtplan.', muted: true });
  for (const v of c.plan) {
    blocks.push({
      kind: 'item',
      emphasis: true,
      text: `Versie ${v.version} van ${dutchDateTime(v.savedAt)}${v.savedBy ? ` door ${v.savedBy}` : ''}: ${v.agreedOn ? `akkoord van de cliënt op ${dutchDate(v.agreedOn)}${v.agreedHow ? ` (${v.agreedHow})` : ''}` : 'geen akkoord vastgelegd'}`,
    });
    blocks.push(...planContentBlocks(v.content));
  }
  blocks.push({ kind: 'heading', level: 3, text: 'Documenten' }, ...documentBlocks(c.documents, 'Geen documenten.'));
  blocks.push({ kind: 'heading', level: 3, text: 'Netwerk rond het huishouden' });
  if (c.network.length === 0) blocks.push({ kind: 'paragraph', text: 'Geen netwerk vastgelegd.', muted: true });
  for (const m of c.network) {
    blocks.push({
      kind: 'item',
      text: `${join(m.name, m.kind, m.relation, m.closeness)}${m.doesNow ? `. Doet nu: ${m.doesNow}` : ''}${m.couldDo ? `. Zou kunnen doen: ${m.couldDo}` : ''}${m.phone || m.email ? `. Contact: ${join(m.phone, m.email)}` : ''}`,
    });
  }
  return blocks;
}

/** The documents as a list: what each is, never its content (that is in the JSON download). */
function documentBlocks(list: FileDocument[], empty: string): Block[] {
  if (list.length === 0) return [{ kind: 'paragraph', text: empty, muted: true }];
  return [
    ...list.map((d): Block =>
      d.withheld
        ? { kind: 'item', text: `${dutchDateTime(d.uploadedAt)}: niet opgenomen. ${d.reason}`, emphasis: true }
        : { kind: 'item', text: `${d.title} (${join(d.type, sizeText(d.sizeBytes), d.fileName)}). ${d.source} op ${dutchDateTime(d.uploadedAt)}${d.uploadedBy ? ` door ${d.uploadedBy}` : ''}${d.sensitivity ? `. ${d.sensitivity}` : ''}.` },
    ),
    { kind: 'paragraph', text: DOCUMENT_FILES_NOTE, muted: true },
  ];
}

/** The whole file as blocks, starting with the title and who made it when. */
export function clientFileDocument(file: ClientFile): Block[] {
  const name = `${file.person.firstName} ${file.person.lastName}`.trim();
  const blocks: Block[] = [
    { kind: 'title', text: `Dossier van ${name}` },
    { kind: 'paragraph', text: file.about },
    field('Organisatie', file.organisation),
    field('Samengesteld door', join(file.createdBy.name, file.createdBy.role, file.createdBy.team)),
    field('Aangemaakt op', dutchDateTime(file.createdAt)),
    { kind: 'heading', level: 1, text: 'Persoonsgegevens' },
    ...personBlocks(file),
  ];
  section(blocks, 'Aanmeldingen', file.registrations, 'Geen aanmeldingen.', () => registrationBlocks(file));
  section(blocks, 'Casussen', file.cases, 'Geen casussen.', () => file.cases.flatMap(caseBlocks));
  section(blocks, 'Zelfredzaamheid (ZRM-metingen)', file.zrm, 'Geen ZRM-metingen.', () =>
    file.zrm.map((z): Block => ({ kind: 'item', text: `${dutchDate(z.assessedOn)}, ${z.type}: ${z.scores.map((s) => `${s.domain} ${s.score}`).join(', ')}` })),
  );
  section(blocks, 'Aanvragen voor voorzieningen (maatwerk)', file.provisionRequests, 'Geen aanvragen voor voorzieningen.', () =>
    file.provisionRequests.flatMap((r): Block[] => [
      { kind: 'heading', level: 2, text: `${dutchDate(r.requestedOn)}: ${r.category ?? 'aanvraag'} (${r.status.toLowerCase()})` },
      field('Gevraagd', r.asked),
      field('Door', r.requestedBy),
      ...(r.researchReportedOn ? [field('Onderzoek', `verslag van ${dutchDate(r.researchReportedOn)}: ${r.researchReport ?? ''}`)] : []),
      ...(r.decision ? [field('Besluit', `nummer ${r.decision.number} van ${dutchDate(r.decision.decidedOn)}: ${r.decision.outcome}. ${r.decision.reasons}. Bezwaar kon tot en met ${dutchDate(r.decision.objectionUntil)}.`)] : []),
      ...(r.withdrawnReason ? [field('Ingetrokken', r.withdrawnReason)] : []),
    ]),
  );
  section(blocks, 'Voorzieningen', file.provisions, 'Geen voorzieningen.', () =>
    file.provisions.map((p): Block => {
      const period = `van ${dutchDate(p.startOn)}${p.endOn ? ` tot ${dutchDate(p.endOn)}` : ''}${p.extension ? ' (verlenging)' : ''}${p.voided ? ' (ingetrokken: ten onrechte geregistreerd)' : ''}`;
      const details = [
        join(p.deliveryForm, p.size),
        p.deliveryStartedOn && `levering gestart op ${dutchDate(p.deliveryStartedOn)}`,
        p.deliveryEndedOn && `levering gestopt op ${dutchDate(p.deliveryEndedOn)}`,
        p.endReason && `einde: ${p.endReason}`,
        p.voidReason && `reden: ${p.voidReason}`,
      ].filter(Boolean);
      return { kind: 'item', text: `${join(p.category, p.product, p.provider)}: ${[period, ...details].join('; ')}` };
    }),
  );
  section(blocks, 'Toestemmingen', file.consents, 'Geen toestemmingen vastgelegd.', () =>
    file.consents.flatMap((c): Block[] => [
      { kind: 'heading', level: 2, text: `${c.recipientName} (${c.recipientKind})` },
      field('Welke gegevens', c.dataShared),
      field('Doel', c.purpose),
      field('Geldig', `van ${dutchDate(c.validFrom)}${c.validUntil ? ` tot ${dutchDate(c.validUntil)}` : ''}`),
      field('Hoe gegeven', c.givenHow),
      field('Vastgelegd', join(c.recordedBy, dutchDateTime(c.recordedAt))),
      ...(c.withdrawnOn ? [field('Ingetrokken op', join(dutchDate(c.withdrawnOn), c.withdrawalNote))] : []),
    ]),
  );
  section(blocks, 'Verstrekkingen aan derden', file.disclosures, 'Er zijn geen gegevens aan derden verstrekt.', () =>
    file.disclosures.flatMap((d): Block[] => [
      { kind: 'heading', level: 2, text: `${dutchDate(d.disclosedOn)} aan ${d.recipient}` },
      field('Welke gegevens', d.dataShared),
      field('Grond', d.ground),
      ...(d.reasoning ? [field('Afweging', d.reasoning)] : []),
      field('Vastgelegd door', d.recordedBy),
    ]),
  );
  section(blocks, 'Documenten van de cliënt (zonder casus)', file.documents, 'Geen documenten buiten de casussen.', () => documentBlocks(file.documents, ''));
  if (file.accessLog.withheld) {
    // No count: the number of rows would tell something of the log too.
    blocks.push({ kind: 'heading', level: 1, text: 'Wie heeft dit dossier ingezien' }, { kind: 'item', text: `Niet opgenomen. ${file.accessLog.reason}`, emphasis: true });
  } else {
    const { entries } = file.accessLog;
    section(blocks, 'Wie heeft dit dossier ingezien', entries, 'Nog niets vastgelegd.', () =>
      entries.map((e): Block => ({
        kind: 'item',
        emphasis: e.emergency,
        text: `${dutchDateTime(e.at)}: ${e.who}${e.role || e.team ? ` (${join(e.role, e.team)})` : ''} ${e.what}${e.onBehalfOf ? `, namens ${e.onBehalfOf}` : ''}; ${e.outcome}${e.emergency ? ' (noodtoegang)' : ''}`,
      })),
    );
  }
  return blocks;
}

/** The file as a PDF document: the blocks, and the title, footer and dates of the PDF. */
export function clientFilePdfDocument(file: ClientFile): PdfDocumentSpec {
  const name = `${file.person.firstName} ${file.person.lastName}`.trim();
  return {
    meta: {
      title: `Dossier van ${name}`,
      author: file.organisation,
      subject: 'Inzage in het dossier (Wmo 2015, artikel 5.3.2)',
      createdAt: file.createdAt,
      footer: `Dossier van ${name} \u00b7 aangemaakt op ${dutchDateTime(file.createdAt)} \u00b7 ${file.organisation}`,
    },
    blocks: clientFileDocument(file),
  };
}

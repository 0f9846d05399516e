// Audit rows in words a client understands (NEN 7513: a readable overview of who accessed what).
// Pure: no I/O. Only field NAMES of a change are ever shown, never their values. Every row shown is
// about the one client whose overview it is: a row about a record of theirs, or a search or list view
// that showed them (audit_log.client_ids).
import { ROLE_LABELS, type Role } from '../../access/permissions';
import type { AccessLogEntry } from './access-log.schemas';
import { isAuditEntity, isAuditList, type AuditEntity, type AuditList } from '../../audit/audit-entities';

/** An audit row with the names the query joined to it. */
export interface AuditRowForLog {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  /** The role at the time (audit_log.actor_role); older rows have none, then the user's current role. */
  actorRole: string | null;
  currentRole: string | null;
  teamName: string | null;
  onBehalfOf: string | null;
  outcome: string;
  emergency: boolean;
  action: string;
  entityType: string;
  changes: unknown;
  /** For an emergency_access row: the reason given when the glass was broken. */
  emergencyReason: string | null;
}

export const SYSTEM_ACTOR = 'systeem (opdrachtregel)';

/**
 * What the row is about, with its article, as the object of the sentence. Typed by the audit's own
 * list of entities (audit/audit-entities.ts): an entity without a noun does not compile.
 */
const ENTITY_NOUNS: Record<AuditEntity, string> = {
  client: 'de persoonsgegevens',
  case: 'de casus',
  journal: 'het contactjournaal',
  contact: 'een contact in het contactjournaal',
  contact_versions: 'de eerdere versies van een contact',
  plan: 'het krachtplan',
  plan_agreement: 'het akkoord op het krachtplan',
  network: 'het netwerk',
  network_member: 'iemand in het netwerk',
  registration: 'een aanmelding',
  zrm: 'de zelfredzaamheidsmatrix (ZRM)',
  access_log: 'het overzicht van wie het dossier inzag',
  client_file: 'het dossier',
  consent: 'een toestemming',
  consents: 'de toestemmingen en verstrekkingen',
  disclosure: 'een verstrekking aan derden',
  destruction: 'de vernietiging van het dossier',
  emergency_access: 'noodtoegang',
  client_attachment: 'een koppeling van de cliënt aan een ander team',
  history: 'de registratiegeschiedenis',
  quality_report: 'een kwaliteitsmelding',
  maatwerk: 'de aanvragen en voorzieningen (maatwerk)',
  provision_request: 'een aanvraag voor een voorziening',
  provision_decision: 'een besluit (beschikking) over een voorziening',
  decision_letter: 'een beschikkingsbrief',
  provision: 'een toewijzing van een voorziening',
  iwmo_message: 'een iWmo-bericht',
  team: 'de gegevens van een team',
  user: 'een gebruiker',
  case_list: 'een lijst van casussen',
  registration_list: 'de lijst Aanmeldingen',
  my_work: 'de lijst Mijn werk',
  dashboard: 'Mijn dag',
  team_overview: 'het teamoverzicht',
  my_emergency_access: 'de lijst van de eigen noodtoegang',
  emergency_review: 'Toegang beoordelen (noodtoegang)',
  attachment_review: 'Toegang beoordelen (koppelingen)',
  destruction_queue: 'de lijst van te vernietigen dossiers',
  iwmo_log: 'de lijst van iWmo-berichten',
  task: 'een taak',
  tasks: 'de taken van de casus',
  letter: 'een brief',
  letter_template: 'een briefsjabloon',
  document: 'een document',
  documents: 'de documenten',
  task_list: 'de lijst Mijn taken',
  team_tasks: 'de open taken van het team',
  notification_list: 'de lijst Berichten',
  appointment: 'een afspraak',
  appointments: 'de afspraken van de casus',
  agenda_feed: 'het geheime adres van de eigen agenda-feed',
  agenda: 'de eigen agenda',
  team_agenda: 'de agenda van het team',
  agenda_feed_read: 'de agenda-feed',
};

/** A list view that showed the client (action `list`), by the list's entity type. */
const LIST_SENTENCES: Record<AuditList, string> = {
  case_list: 'zag de cliënt in een lijst van casussen',
  registration_list: 'zag de cliënt in de lijst Aanmeldingen',
  my_work: 'zag de cliënt in de lijst Mijn werk',
  dashboard: 'zag de cliënt op Mijn dag',
  team_overview: 'zag de cliënt in het teamoverzicht',
  my_emergency_access: 'zag de cliënt in de lijst van de eigen noodtoegang',
  // These lists show facts from the file (teams, cases) without the client's name.
  emergency_review: 'zag gegevens uit het dossier, zonder naam, bij Toegang beoordelen (noodtoegang)',
  attachment_review: 'zag gegevens uit het dossier, zonder naam, bij Toegang beoordelen (koppelingen)',
  destruction_queue: 'zag gegevens uit het dossier, zonder naam, bij Bewaartermijn en vernietiging',
  // Names no client (no BSN, name or client id): its rows never reach a client's log.
  iwmo_log: 'bekeek de lijst van iWmo-berichten, zonder gegevens van cliënten',
  task_list: 'zag de cliënt in een lijst van taken',
  team_tasks: 'zag de cliënt in de open taken van het team',
  notification_list: 'zag de cliënt in de lijst Berichten',
  agenda: 'zag een afspraak met de cliënt in de eigen agenda',
  team_agenda: 'zag een afspraak met de cliënt in de agenda van het team',
  // The feed names no client: a case reference, the kind of appointment and its place.
  agenda_feed_read: 'haalde de eigen agenda op in een agendaprogramma, met een afspraak van de cliënt zonder naam',
};

/** A refused attempt (outcome denied), by action: "probeerde de casus te bekijken". */
const DENIED_VERBS: Record<string, (what: string) => string> = {
  read: (what) => `probeerde ${what} te bekijken`,
  update: (what) => `probeerde ${what} te wijzigen`,
  create: (what) => `probeerde iets vast te leggen in ${what}`,
  delete: (what) => `probeerde ${what} te verwijderen`,
  export: (what) => `probeerde ${what} te exporteren`,
  print: (what) => `probeerde ${what} af te drukken`,
  disclose: () => 'probeerde een verstrekking aan derden vast te leggen',
  destroy: (what) => `probeerde ${what} te vernietigen`,
  emergency_access: () => 'probeerde noodtoegang te krijgen',
};

function deniedSentence(action: string, entityType: string): string {
  // A refused look at the client as a whole: their file.
  const what = entityType === 'client' ? 'het dossier' : noun(entityType);
  return (DENIED_VERBS[action] ?? ((w: string) => `probeerde ${w} te gebruiken (${action})`))(what);
}

/** Field names of the records, in Dutch; parts of the address are one field for the client. */
const FIELD_LABELS: Record<string, string> = {
  firstName: 'voornaam',
  lastName: 'achternaam',
  birthDate: 'geboortedatum',
  bsn: 'BSN',
  gender: 'geslacht',
  street: 'adres',
  houseNumber: 'adres',
  postcode: 'adres',
  city: 'adres',
  phone: 'telefoonnummer',
  email: 'e-mailadres',
  status: 'status',
  teamId: 'team',
  leadWorkerId: 'regisseur',
  registeredOn: 'aanmelddatum',
  referrerCode: 'melder',
  referrerOther: 'melder',
  question: 'hulpvraag',
  firstMeetingOn: 'datum kennismaking',
  firstMeetingLocation: 'plaats kennismaking',
  closedOn: 'datum afsluiting',
  closeReasons: 'reden van afsluiten',
  closeOutcomes: 'resultaat bij afsluiten',
  satisfactionScore: 'rapportcijfer',
  canContinueAlone: 'zelf verder kunnen',
  contactOn: 'datum contact',
  kind: 'soort',
  minutes: 'duur',
  note: 'notitie',
  sensitivity: 'markering gevoelig',
  name: 'naam',
  relation: 'relatie',
  doesNow: 'wat iemand nu doet',
  couldDo: 'wat iemand zou kunnen doen',
  closeness: 'hoe dichtbij',
  triageOutcome: 'triage',
  triageAdvice: 'verwijsadvies',
  triageTeamId: 'buurtteam van de triage',
  triagedAt: 'triage',
  triagedBy: 'triage',
  caseId: 'casus',
  withdrawnOn: 'intrekking',
  withdrawalNote: 'intrekking',
  validFrom: 'geldig vanaf',
  validUntil: 'geldig tot',
  purpose: 'doel',
  dataShared: 'gegevens',
  recipientName: 'ontvanger',
  recipientKind: 'soort ontvanger',
  givenHow: 'hoe gegeven',
  deliveryStartedOn: 'start van de levering',
  deliveryEndedOn: 'einde van de levering',
  deliveryEndReason: 'reden einde levering',
  doneAt: 'afgerond',
  doneBy: 'afgerond',
};

function fieldLabel(key: string): string {
  // An unknown field still shows by name (never by value): "someField" → "some field".
  return FIELD_LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The names of the changed fields of an update ({from, to}), in Dutch, each once. */
export function changedFieldNames(changes: unknown): string[] {
  if (!isRecord(changes)) return [];
  const keys = new Set<string>();
  for (const side of [changes.from, changes.to]) {
    if (isRecord(side)) for (const key of Object.keys(side)) keys.add(key);
  }
  // `version` and `updatedAt` are bookkeeping, not something the person changed.
  keys.delete('version');
  keys.delete('updatedAt');
  // A stable order (the stored JSON does not keep the order of the keys): known fields as listed
  // above, then the rest alphabetically.
  const known = Object.keys(FIELD_LABELS);
  const rank = (key: string) => (known.includes(key) ? known.indexOf(key) : known.length);
  const ordered = [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return [...new Set(ordered.map(fieldLabel))];
}

/** A stored entity type this version no longer writes is named as it is stored. */
function noun(entityType: string): string {
  return isAuditEntity(entityType) ? ENTITY_NOUNS[entityType] : `gegevens (${entityType.replace(/_/g, ' ')})`;
}

function planVersion(changes: unknown): number | null {
  return isRecord(changes) && typeof changes.version === 'number' ? changes.version : null;
}

/** The reason of a break-the-glass grant: from the emergency_access record, or written in the row. */
function emergencyReason(row: Pick<AuditRowForLog, 'changes' | 'emergencyReason'>): string | null {
  if (row.emergencyReason) return row.emergencyReason;
  const changes = row.changes;
  if (!isRecord(changes)) return null;
  if (typeof changes.reason === 'string') return changes.reason;
  if (isRecord(changes.to) && typeof changes.to.reason === 'string') return changes.to.reason;
  return null;
}

/** What happened, as a Dutch sentence without a subject: "bekeek het contactjournaal". */
export function describeAction(row: Pick<AuditRowForLog, 'action' | 'entityType' | 'changes' | 'emergencyReason'> & { outcome?: string }): string {
  const what = noun(row.entityType);
  const via = isRecord(row.changes) ? row.changes.via : undefined;
  if (row.outcome === 'denied') return deniedSentence(row.action, row.entityType);
  switch (row.action) {
    case 'read':
      if (row.entityType === 'client' && via === 'duplicate_check') return 'zag de cliënt bij een controle op dubbele inschrijving';
      if (row.entityType === 'plan' && planVersion(row.changes) !== null) return `bekeek versie ${planVersion(row.changes)} van het krachtplan`;
      return `bekeek ${what}`;
    case 'search': {
      // A search that showed the client (its row names them in client_ids).
      const kind = isRecord(row.changes) ? row.changes.kind : undefined;
      if (kind === 'duplicate_check') return 'zag de cliënt bij een controle op dubbele inschrijving';
      if (typeof kind === 'string' && kind.startsWith('emergency')) return 'zag de cliënt in de zoekresultaten voor noodtoegang';
      return row.entityType === 'client' ? 'zag de cliënt in de zoekresultaten van Cliënten zoeken' : `zocht in ${what}`;
    }
    case 'list':
      return isAuditList(row.entityType) ? LIST_SENTENCES[row.entityType] : `zag de cliënt in een lijst (${row.entityType.replace(/_/g, ' ')})`;
    case 'create':
      if (row.entityType === 'client') return 'schreef de cliënt in';
      if (row.entityType === 'case') return 'opende een casus';
      if (row.entityType === 'plan') return 'maakte het krachtplan';
      if (row.entityType === 'zrm') return 'legde een ZRM-meting vast';
      if (row.entityType === 'contact') return 'schreef een contact in het contactjournaal';
      if (row.entityType === 'network_member') return 'voegde iemand toe aan het netwerk';
      return `legde ${what} vast`;
    case 'update': {
      if (row.entityType === 'plan') {
        const version = planVersion(row.changes);
        return version === null ? 'wijzigde het krachtplan' : `wijzigde het krachtplan (nieuwe versie ${version})`;
      }
      if (row.entityType === 'plan_agreement') {
        const version = planVersion(row.changes);
        return version === null ? 'legde het akkoord op het krachtplan vast' : `legde het akkoord op versie ${version} van het krachtplan vast`;
      }
      const fields = changedFieldNames(row.changes);
      return fields.length ? `wijzigde ${what} (${fields.join(', ')})` : `wijzigde ${what}`;
    }
    case 'delete':
      return `verwijderde ${what}`;
    case 'export':
      // The outbox's 301: the client's toewijzingen, sent to a provider.
      if (row.entityType === 'iwmo_message') return 'stuurde toewijzingen in een iWmo-bericht naar een aanbieder';
      return `exporteerde ${what}`;
    case 'print':
      return `drukte ${what} af`;
    case 'import':
      if (row.entityType === 'iwmo_message') return 'ontving een iWmo-bericht van een aanbieder';
      return `importeerde ${what}`;
    case 'emergency_access': {
      const reason = emergencyReason(row);
      return reason ? `noodtoegang (break the glass): ${reason}` : 'noodtoegang (break the glass)';
    }
    case 'attach': {
      const reason = isRecord(row.changes) && typeof row.changes.reason === 'string' ? row.changes.reason : null;
      return `koppelde de cliënt aan een aanmelding of huishouden van het eigen team${reason ? `: ${reason}` : ''}`;
    }
    case 'disclose':
      return 'verstrekte gegevens aan derden';
    case 'destroy':
      return 'vernietigde de persoonsgegevens';
    case 'login':
      return 'logde in';
    case 'logout':
      return 'logde uit';
    default:
      return `${row.action} ${what}`;
  }
}

export function roleLabel(role: string | null): string | null {
  if (!role) return null;
  return ROLE_LABELS[role as Role] ?? role;
}

/** One audit row as the client's overview shows it. */
export function toAccessLogEntry(row: AuditRowForLog): AccessLogEntry {
  const system = row.actorId === null;
  return {
    id: row.id,
    at: row.at.toISOString(),
    who: system ? SYSTEM_ACTOR : (row.actorName ?? 'onbekende gebruiker'),
    role: system ? null : roleLabel(row.actorRole ?? row.currentRole),
    team: system ? null : row.teamName,
    what: describeAction(row),
    onBehalfOf: row.onBehalfOf,
    outcome: row.outcome === 'denied' ? 'geweigerd' : 'gelukt',
    emergency: row.emergency,
  };
}

// The client's file (dossier) for an access request (inzageverzoek, Wmo 2015 art. 5.3.2): every
// part of what the organisation holds about the client, with codes already in Dutch words.
import { z } from 'zod';
import { dateValue, moment } from '../../lib/date-fields';
import { planContent } from '../plans/plans.schemas';
import { accessLogEntry } from '../access-log/access-log.schemas';

const text = z.string();
const maybe = z.string().nullable();

export const filePerson = z.object({
  firstName: text,
  lastName: text,
  birthDate: dateValue.nullable(),
  bsn: maybe,
  gender: maybe,
  street: maybe,
  houseNumber: maybe,
  postcode: maybe,
  city: maybe,
  phone: maybe,
  /** When the client was first entered (ISO timestamp). */
  recordedAt: moment,
});

export const fileRegistration = z.object({
  registeredOn: dateValue,
  team: text,
  referrer: text,
  question: text,
  triage: z
    .object({
      outcome: text,
      advice: maybe,
      otherTeam: maybe,
      by: maybe,
      at: moment.nullable(),
    })
    .nullable(),
  /** The case the registration led to, when it opened one. */
  caseId: maybe,
});

export const fileCaseEvent = z.object({ at: moment, event: text, reason: maybe, by: maybe });

/** What a journal entry, or an earlier version of it, says. */
const contactText = {
  contactOn: dateValue,
  kind: text,
  minutes: z.number().nullable(),
  note: text,
  /** A sensitive entry (domestic violence, health, justice) the reader may see, with its mark. */
  sensitivity: maybe,
  author: maybe,
};

export const fileContactVersion = z.object({ version: z.number(), ...contactText, replacedBy: maybe, replacedAt: moment });

const shownContact = z.object({
  withheld: z.literal(false),
  ...contactText,
  recordedAt: moment,
  changedAt: moment,
  version: z.number(),
  /** The versions before the last edit, newest first. Withheld versions are left out and counted. */
  earlierVersions: z.array(fileContactVersion),
  withheldVersions: z.number(),
});

const withheldContact = z.object({
  withheld: z.literal(true),
  contactOn: dateValue,
  /** Why the entry is not in this file. */
  reason: text,
});

export const fileContact = z.discriminatedUnion('withheld', [shownContact, withheldContact]);
export type FileContact = z.infer<typeof fileContact>;

export const filePlanVersion = z.object({
  version: z.number(),
  savedAt: moment,
  savedBy: maybe,
  agreedOn: dateValue.nullable(),
  agreedHow: maybe,
  content: planContent,
});

export const fileNetworkMember = z.object({
  name: text,
  kind: text,
  relation: text,
  doesNow: text,
  couldDo: text,
  phone: maybe,
  email: maybe,
  closeness: text,
});

/**
 * A document on a case or of the client: what it is, and the file itself (base64) in the JSON; the
 * PDF lists them and says the files are in the JSON download. A sensitive document the reader may
 * not see is withheld, as a journal entry is.
 */
const shownDocument = z.object({
  withheld: z.literal(false),
  title: text,
  fileName: text,
  /** The type in words, and as a media type. */
  type: text,
  mediaType: text,
  sizeBytes: z.number(),
  sha256: text,
  sensitivity: maybe,
  /** Geüpload, or a letter made from a template. */
  source: text,
  uploadedBy: maybe,
  uploadedAt: moment,
  contentBase64: text,
});
const withheldDocument = z.object({ withheld: z.literal(true), uploadedAt: moment, reason: text });
export const fileDocument = z.discriminatedUnion('withheld', [shownDocument, withheldDocument]);
export type FileDocument = z.infer<typeof fileDocument>;

export const fileCase = z.object({
  id: text,
  team: text,
  status: text,
  /** The client's place in the household: hoofdcliënt or huishoudlid. */
  role: text,
  registeredOn: dateValue,
  referrer: text,
  question: maybe,
  leadWorker: maybe,
  firstMeetingOn: dateValue.nullable(),
  firstMeetingLocation: maybe,
  closedOn: dateValue.nullable(),
  closeReasons: z.array(text),
  closeOutcomes: z.array(text),
  satisfactionScore: z.number().nullable(),
  canContinueAlone: z.boolean().nullable(),
  /** Status history, lead workers and transfers, newest first. */
  history: z.array(fileCaseEvent),
  household: z.array(z.object({ name: text, birthDate: dateValue.nullable(), role: text })),
  journal: z.array(fileContact),
  plan: z.array(filePlanVersion),
  network: z.array(fileNetworkMember),
  documents: z.array(fileDocument),
});
export type FileCase = z.infer<typeof fileCase>;

export const fileZrm = z.object({ assessedOn: dateValue, type: text, scores: z.array(z.object({ domain: text, score: z.number() })) });

export const fileProvision = z.object({
  category: text,
  product: text,
  provider: text,
  startOn: dateValue,
  endOn: dateValue.nullable(),
  extension: z.boolean(),
  voided: z.boolean(),
  /** Zorg in natura or a persoonsgebonden budget, in words; null for an imported row. */
  deliveryForm: maybe,
  /** "3 uur per week" or the budget; null for an imported row. */
  size: maybe,
  endReason: maybe,
  voidReason: maybe,
  /** What the provider reported (iWmo): the real start and end of delivery. */
  deliveryStartedOn: dateValue.nullable(),
  deliveryEndedOn: dateValue.nullable(),
});

/** A melding or aanvraag for a provision: the onderzoek, the decision. */
export const fileProvisionRequest = z.object({
  requestedOn: dateValue,
  asked: text,
  category: maybe,
  requestedBy: text,
  status: text,
  researchReportedOn: dateValue.nullable(),
  researchReport: maybe,
  withdrawnReason: maybe,
  decision: z.object({ number: z.number(), decidedOn: dateValue, outcome: text, reasons: text, objectionUntil: dateValue }).nullable(),
});

export const fileConsent = z.object({
  recipientKind: text,
  recipientName: text,
  dataShared: text,
  purpose: text,
  validFrom: text,
  validUntil: maybe,
  givenHow: text,
  recordedBy: maybe,
  recordedAt: moment,
  withdrawnOn: dateValue.nullable(),
  withdrawalNote: maybe,
});

export const fileDisclosure = z.object({
  disclosedOn: dateValue,
  recipient: text,
  dataShared: text,
  ground: text,
  reasoning: maybe,
  recordedBy: maybe,
});

/**
 * Who looked at or changed the client's data (NEN 7513): the whole log for a reader who may read
 * it (the access log's own rule), else only that it is withheld and why.
 */
export const fileAccessLog = z.discriminatedUnion('withheld', [
  z.object({ withheld: z.literal(false), entries: z.array(accessLogEntry) }),
  z.object({ withheld: z.literal(true), reason: text }),
]);

export const clientFile = z.object({
  /** When and by whom this file was put together (ISO timestamp). */
  createdAt: moment,
  createdBy: z.object({ name: text, role: text, team: maybe }),
  organisation: text,
  /** What the file holds and what it leaves out, in Dutch. */
  about: text,
  person: filePerson,
  registrations: z.array(fileRegistration),
  cases: z.array(fileCase),
  zrm: z.array(fileZrm),
  provisionRequests: z.array(fileProvisionRequest),
  provisions: z.array(fileProvision),
  consents: z.array(fileConsent),
  disclosures: z.array(fileDisclosure),
  /** The client's own documents (not on a case; those are with their case), the team's. */
  documents: z.array(fileDocument),
  accessLog: fileAccessLog,
});
export type ClientFile = z.infer<typeof clientFile>;

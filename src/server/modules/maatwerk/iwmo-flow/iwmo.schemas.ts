// The beheerder's iWmo screen: shapes shared by the server and the web app. Nothing here carries a
// client: no BSN, name or client id; a message is known by its kind, identification, provider and
// file, a run by what it wrote, read and refused.
import { z } from 'zod';
import { dateValue, moment } from '../../../lib/date-fields';
import { offsetParam, wholeNumberParam } from '../../../lib/number-fields';

export const IWMO_DIRECTIONS = ['in', 'out'] as const;
export type IwmoDirectionValue = (typeof IWMO_DIRECTIONS)[number];
export const IWMO_DIRECTION_LABELS: Record<IwmoDirectionValue, string> = { in: 'Ontvangen', out: 'Verstuurd' };

/** geschreven: our file is in the outbox; verwerkt: an incoming file was read and answered; afgekeurd: an incoming file could not be read. */
export const IWMO_OUTCOMES = ['geschreven', 'verwerkt', 'afgekeurd'] as const;
export type IwmoOutcomeValue = (typeof IWMO_OUTCOMES)[number];
export const IWMO_OUTCOME_LABELS: Record<IwmoOutcomeValue, string> = { geschreven: 'Geschreven', verwerkt: 'Verwerkt', afgekeurd: 'Afgekeurd' };

export const IWMO_KINDS = ['301', '319', '305', '307', '315', '302', '306', '308', '316'] as const;
/** What each message is, in the words of the standard. */
export const IWMO_KIND_LABELS: Record<(typeof IWMO_KINDS)[number], string> = {
  '301': 'Toewijzing',
  '319': 'Antwoord op verzoek om toewijzing',
  '305': 'Start levering',
  '307': 'Stop levering',
  '315': 'Verzoek om toewijzing',
  '302': 'Retour op toewijzing',
  '306': 'Retour op start levering',
  '308': 'Retour op stop levering',
  '316': 'Retour op verzoek om toewijzing',
};

/** The names of the two settings, for the screen's explanation when a folder is not set. */
export const IWMO_FOLDER_SETTINGS = { outbox: 'KEUKENTAFEL_IWMO_OUTBOX_DIR', inbox: 'KEUKENTAFEL_IWMO_INBOX_DIR' } as const;

export const IWMO_PAGE_SIZE_MAX = 200;

export const iwmoMessagesQuery = z.object({
  direction: z.enum(IWMO_DIRECTIONS, 'Kies in (ontvangen) of out (verstuurd)').optional(),
  outcome: z.enum(IWMO_OUTCOMES, 'Kies geschreven, verwerkt of afgekeurd').optional(),
  limit: wholeNumberParam(1, IWMO_PAGE_SIZE_MAX).default(50),
  offset: offsetParam.default(0),
});
export type IwmoMessagesQuery = z.output<typeof iwmoMessagesQuery>;

/** "Nu versturen" and "Nu inlezen" take nothing: the folders are the installation's, never the caller's. */
export const iwmoRunBody = z.strictObject({}, 'Stuur een leeg object mee: de mappen staan in de instellingen van Keukentafel');

const retourCode = z.object({ code: z.string(), description: z.string() });

export const iwmoFolder = z.object({
  /** The setting is there. */
  configured: z.boolean(),
  /** The folder as set; null when it is not. */
  path: z.string().nullable(),
  /** It exists and Keukentafel may read and write in it. */
  usable: z.boolean(),
  /** The `*.xml` files directly in it: waiting for the gateway (outbox) or to be read (inbox); null when it cannot be read. */
  waitingFiles: z.number().nullable(),
});
export type IwmoFolder = z.infer<typeof iwmoFolder>;
export const iwmoFolders = z.object({ outbox: iwmoFolder, inbox: iwmoFolder });
export type IwmoFolders = z.infer<typeof iwmoFolders>;

export const iwmoMessage = z.object({
  id: z.string(),
  direction: z.enum(IWMO_DIRECTIONS),
  /** null: an incoming file that could not be read far enough to tell. */
  kind: z.enum(IWMO_KINDS).nullable(),
  /** BerichtIdentificatie (our retour: its IdentificatieRetour). */
  identification: z.string().nullable(),
  /** Dagtekening. */
  messageDate: dateValue.nullable(),
  /** When Keukentafel wrote or read it. */
  registeredAt: moment,
  providerAgb: z.string().nullable(),
  /** The provider's name from the code list (providers, by AGB code); null when the AGB code is in none. */
  providerName: z.string().nullable(),
  fileName: z.string(),
  outcome: z.enum(IWMO_OUTCOMES),
  /** Why an incoming file was refused, naming file and element, without the values it quoted. */
  error: z.string().nullable(),
  /** The codes that reject (all but 0200): on a 301 the provider's 302, on our retour what we answered. */
  retourCodes: z.array(retourCode),
  /** A 301: whether the provider's 302 accepted it; null while none came, and for other kinds. */
  accepted: z.boolean().nullable(),
  /** A 301: how many toewijzingen it carried. */
  assignmentCount: z.number().nullable(),
});
export type IwmoMessage = z.infer<typeof iwmoMessage>;

export const iwmoMessagePage = z.object({
  /** The messages that match the filters, over all pages. */
  total: z.number(),
  /** Newest first. */
  items: z.array(iwmoMessage),
  folders: iwmoFolders,
});
export type IwmoMessagePage = z.infer<typeof iwmoMessagePage>;

export const iwmoOutboxResult = z.object({
  written: z.array(z.object({ file: z.string(), provider: z.string(), providerAgb: z.string(), identification: z.string(), assignmentCount: z.number() })),
  /** Not sent, per provider and cause, counted in messages (one per client and provider): never which client. */
  skipped: z.array(z.object({ provider: z.string(), cause: z.string(), messages: z.number() })),
});
export type IwmoOutboxResult = z.infer<typeof iwmoOutboxResult>;

export const iwmoInboxResult = z.object({
  files: z.array(
    z.object({
      file: z.string(),
      kind: z.enum(IWMO_KINDS).nullable(),
      status: z.enum(['verwerkt', 'afgekeurd']),
      /** The same file was read before: answered again, nothing changed. */
      repeated: z.boolean(),
      /** The retour message written to the outbox folder, if any. */
      retourFile: z.string().nullable(),
      retourCodes: z.array(retourCode),
      /** What happened, in Dutch. */
      summary: z.string(),
      /** A refused file's error, naming file and element, without the values it quoted. */
      error: z.string().nullable(),
    }),
  ),
  processed: z.number(),
  refused: z.number(),
});
export type IwmoInboxResult = z.infer<typeof iwmoInboxResult>;

// Documents on a case or a client: the upload (JSON with the file as base64), a change of title or
// mark, the removal, and the list as the reader may see it. Shared with the web app.
import { z } from 'zod';
import { moment } from '../../lib/date-fields';
import { version } from '../../lib/number-fields';
import { sensitivity } from '../../lib/sensitivity';

export const DOCUMENT_TITLE_MIN = 2;
export const DOCUMENT_TITLE_MAX = 200;
export const FILE_NAME_MAX = 255;

const title = z
  .string('Geef het document een titel')
  .trim()
  .min(DOCUMENT_TITLE_MIN, `Geef het document een titel van minstens ${DOCUMENT_TITLE_MIN} tekens`)
  .max(DOCUMENT_TITLE_MAX, `Een titel is maximaal ${DOCUMENT_TITLE_MAX} tekens`);

export const CHOOSE_FILE = 'Kies een bestand';

export const documentUpload = z.object({
  title,
  /** The file's name on the user's computer: shown in the list and used (made safe) for the download. */
  fileName: z.string(CHOOSE_FILE).trim().min(1, CHOOSE_FILE).max(FILE_NAME_MAX, `De naam van het bestand is te lang: maximaal ${FILE_NAME_MAX} tekens`),
  /** Set by the uploader only: who else may see it (as a journal entry). Left out: not sensitive. */
  sensitivity: sensitivity.optional(),
  /** The file's bytes, base64 (RFC 4648, with padding). Its type is read from the content. */
  contentBase64: z
    .string(CHOOSE_FILE)
    .min(1, CHOOSE_FILE)
    .refine((s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s), 'Het bestand is niet goed verstuurd. Kies het opnieuw.'),
});
export type DocumentUpload = z.input<typeof documentUpload>;

export const documentChange = z.object({
  title,
  /** Only the uploader may set, change or clear the mark. Left out: it stays as it is. */
  sensitivity: sensitivity.optional(),
  version,
});
export type DocumentChange = z.input<typeof documentChange>;

export const documentRemoval = z.object({ version });

export const DOCUMENT_SOURCES = ['upload', 'brief'] as const;
export type DocumentSource = (typeof DOCUMENT_SOURCES)[number];

export const documentItem = z.object({
  id: z.string(),
  caseId: z.string().nullable(),
  clientId: z.string().nullable(),
  title: z.string(),
  fileName: z.string(),
  /** As detected from the content. */
  mediaType: z.string(),
  /** The type in words: "PDF", "Word-bestand". */
  typeLabel: z.string(),
  sizeBytes: z.number(),
  /** Hex SHA-256 of the bytes, to check a download against. */
  sha256: z.string(),
  sensitivity,
  source: z.enum(DOCUMENT_SOURCES),
  uploadedBy: z.string().nullable(),
  uploadedAt: moment,
  /** Whether the reader may change the title (and, as uploader, the mark) and delete it. */
  mayChange: z.boolean(),
  mayChangeSensitivity: z.boolean(),
  mayDelete: z.boolean(),
  withheld: z.literal(false),
  version: z.number(),
});
export type DocumentItem = z.infer<typeof documentItem>;

/** A sensitive document the reader may not see: that it exists, when and by whom; not its title. */
export const withheldDocument = documentItem.pick({ id: true, caseId: true, clientId: true, uploadedBy: true, uploadedAt: true }).extend({ withheld: z.literal(true) });
export type WithheldDocument = z.infer<typeof withheldDocument>;

export const documentEntry = z.discriminatedUnion('withheld', [documentItem, withheldDocument]);
export type DocumentEntry = z.infer<typeof documentEntry>;

export const documentList = z.object({
  documents: z.array(documentEntry),
  /** Whether the reader may add a document here. */
  mayUpload: z.boolean(),
  /** The largest file the server takes, in bytes (DOCUMENT_MAX_MB): the form checks before sending. */
  maxBytes: z.number(),
});
export type DocumentList = z.infer<typeof documentList>;

/** The message of a file over the limit, the same in the form and in the server's 413. */
export function documentTooLargeMessage(maxBytes: number): string {
  const mb = (maxBytes / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
  return `Het bestand is te groot. Een document mag hoogstens ${mb} MB zijn. Maak het kleiner (bijvoorbeeld een scan met een lagere resolutie) of kies een ander bestand.`;
}

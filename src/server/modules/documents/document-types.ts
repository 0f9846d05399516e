// Which files may be stored as a document, decided on their content: the type file-type detects from
// the first bytes, never the name or the browser's word for it. The name's extension must agree with
// the content, so a file that lies about what it is never reaches a colleague's computer under a
// name that opens it in the wrong program. Pure rules, no I/O; shared with the web app (the `accept`
// of the file input and its messages).

export interface DocumentType {
  /** The media type stored and sent with a download. */
  mediaType: string;
  /** The extensions a file of this type may carry, lower case, the usual one first. */
  extensions: readonly string[];
  /** How the interface names the type (B1): "PDF", "Word-bestand". */
  label: string;
}

/**
 * What may be stored, by file-type's `ext`. Old Office files (.doc, .xls, .ppt) are one container
 * format (cfb) that file-type does not tell apart, nor from other programs' files in that container:
 * they are refused (see `checkDocumentContent`).
 */
export const DOCUMENT_TYPES = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  png: { mediaType: 'image/png', extensions: ['png'], label: 'PNG-afbeelding' },
  jpg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG-foto' },
  heic: { mediaType: 'image/heic', extensions: ['heic'], label: 'HEIC-foto' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], label: 'Word-bestand' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], label: 'Excel-bestand' },
  pptx: { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'], label: 'PowerPoint-bestand' },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], label: 'OpenDocument-tekst' },
  ods: { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'], label: 'OpenDocument-rekenblad' },
} as const satisfies Record<string, DocumentType>;
export type DocumentKind = keyof typeof DOCUMENT_TYPES;

/** Every extension that may be chosen, for the file input's `accept`. */
export const DOCUMENT_ACCEPT = Object.values(DOCUMENT_TYPES)
  .flatMap((t) => t.extensions.map((e) => `.${e}`))
  .join(',');

export const ALLOWED_TYPES_TEXT = 'PDF, PNG, JPEG, HEIC, Word (.docx), Excel (.xlsx), PowerPoint (.pptx) en OpenDocument (.odt, .ods)';

export const UNKNOWN_TYPE_MESSAGE = `Dit soort bestand kan niet worden opgeslagen: aan de inhoud is niet te zien wat het is (een tekstbestand bijvoorbeeld). U kunt opslaan: ${ALLOWED_TYPES_TEXT}.`;
export const OLD_OFFICE_MESSAGE = `Oude Word-, Excel- en PowerPoint-bestanden (.doc, .xls, .ppt) kunnen niet worden opgeslagen: aan de inhoud is niet veilig te zien wat ze zijn. Sla het bestand op als .docx, .xlsx of .pptx, of als PDF.`;
export const EMPTY_FILE_MESSAGE = 'Het bestand is leeg. Kies een ander bestand.';

/** The media type and label of a stored document, for a list (an unknown one as it is). */
export function typeLabel(mediaType: string): string {
  return Object.values(DOCUMENT_TYPES).find((t) => t.mediaType === mediaType)?.label ?? mediaType;
}

/** The extension of a file name, lower case, without the dot; '' without one. */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function kindOfExtension(extension: string): DocumentKind | undefined {
  return (Object.keys(DOCUMENT_TYPES) as DocumentKind[]).find((kind) => (DOCUMENT_TYPES[kind].extensions as readonly string[]).includes(extension));
}

export type ContentCheck = { ok: true; kind: DocumentKind; mediaType: string } | { ok: false; message: string };

/**
 * Whether a file with this name and this detected type (file-type's `ext`, undefined when it did not
 * recognise the content) may be stored, and as what.
 */
export function checkDocumentContent(fileName: string, detectedExt: string | undefined, size: number): ContentCheck {
  if (size === 0) return { ok: false, message: EMPTY_FILE_MESSAGE };
  if (detectedExt === undefined) return { ok: false, message: UNKNOWN_TYPE_MESSAGE };
  if (detectedExt === 'cfb') return { ok: false, message: OLD_OFFICE_MESSAGE };
  const kind = detectedExt in DOCUMENT_TYPES ? (detectedExt as DocumentKind) : undefined;
  if (!kind) return { ok: false, message: `Dit is een .${detectedExt}-bestand. Dat soort bestand kan niet worden opgeslagen. U kunt opslaan: ${ALLOWED_TYPES_TEXT}.` };
  const type = DOCUMENT_TYPES[kind];
  const extension = extensionOf(fileName);
  if ((type.extensions as readonly string[]).includes(extension)) return { ok: true, kind, mediaType: type.mediaType };
  const claimed = kindOfExtension(extension);
  const is = `Het is een ${type.label}`;
  if (claimed) {
    return { ok: false, message: `Dit bestand is geen ${DOCUMENT_TYPES[claimed].label}, al eindigt de naam op .${extension}. ${is}. Kies het juiste bestand, of geef het de naam die past (.${type.extensions[0]}).` };
  }
  const ending = extension ? `de naam eindigt op .${extension}` : 'de naam heeft geen extensie';
  return { ok: false, message: `${is}, maar ${ending}. Geef het bestand de naam die past (.${type.extensions[0]}) en kies het opnieuw.` };
}

/** A size in words: "850 kB", "2,4 MB". */
export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
}

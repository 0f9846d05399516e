// The two ways this folder says no: a file we received is wrong (IwmoFileError), or the data a
// caller gave a builder cannot make a valid message (IwmoInputError). Messages are Dutch, for users.
import type { InboundHeenKind } from './iwmo-format';
import type { StructureProblem } from './iwmo-structure';

/** What a retour message is built from: the heen message's kind and its file text. */
export interface RetourSource {
  readonly kind: InboundHeenKind;
  readonly source: string;
}

/**
 * An incoming file that cannot be read: not UTF-8, not well-formed, an unknown namespace or
 * BerichtCode, or a structure problem. `element` is the path of the first problem
 * (`Bericht/Client/StartProducten/StartProduct[1]/ToewijzingNummer`, '' for the file as a whole);
 * `problems` lists all that were found.
 */
export class IwmoFileError extends Error {
  constructor(
    readonly file: string,
    readonly element: string,
    readonly detail: string,
    readonly problems: readonly StructureProblem[] = [{ element, message: detail }],
    /**
     * Set when the file is a 305/307/315 whose Header is valid, so that a retour message with
     * retourcode 0001 (rejected on technical grounds, IV028 level 2) can still be built from it.
     */
    readonly retourSource?: RetourSource,
  ) {
    super(element ? `bestand ${file}, element ${element}: ${detail}` : `bestand ${file}: ${detail}`);
    this.name = 'IwmoFileError';
  }
}

/** Input to a builder that breaks a rule of the standard; `problems` name the input field or message element. */
export class IwmoInputError extends Error {
  constructor(readonly problems: readonly StructureProblem[]) {
    super(`ongeldige gegevens voor het iWmo-bericht: ${problems.map((p) => `${p.element}: ${p.message}`).join('; ')}`);
    this.name = 'IwmoInputError';
  }
}

// WMO319 Antwoordbericht: the municipality's answer on one requested product of a 315 (or on a 317)
// when it does not honour it with a 301: rejected (VerzoekAntwoord 1, with a reason) or "in
// onderzoek" (2, without a reason), docs/iwmo.md §3.9 and §5.4 (OP274, CD085, CD086). A 319 has no
// Client; the provider links it through ReferentieAanbieder.
import type { RejectionReason, RequestAnswer } from './iwmo-codes';
import { IwmoInputError } from './iwmo-errors';
import { elementWriter, newMessage, writeHeenHeader } from './iwmo-format';
import { serialiseChecked } from './iwmo-output';
import type { MessageHeaderInput } from './build-301';
import type { StructureProblem } from './iwmo-structure';

const KIND = '319';

export interface Antwoord319Input {
  readonly header: MessageHeaderInput;
  /** The ReferentieAanbieder of the AangevraagdProduct (315) or of the Verzoek (317) answered (TR355). */
  readonly providerReference: string;
  /** WJ760: '1' rejected, '2' in onderzoek (a final 301 or 319 '1' must follow within 8 weeks, OP274). */
  readonly answer: RequestAnswer;
  /** WJ759: required when rejected (CD085), absent when in onderzoek (CD086). */
  readonly rejectionReason: RejectionReason | null;
}

/** The WMO319 file text (UTF-8 without BOM, CR/LF). Throws IwmoInputError when the input breaks a rule. */
export function build319(input: Antwoord319Input): string {
  const problems: StructureProblem[] = [];
  if (input.answer === '1' && !input.rejectionReason) problems.push({ element: 'rejectionReason', message: 'verplicht als het verzoek is afgewezen (CD085)' });
  if (input.answer === '2' && input.rejectionReason) problems.push({ element: 'rejectionReason', message: 'leeg laten als de aanvraag in onderzoek is (CD086)' });
  if (problems.length > 0) throw new IwmoInputError(problems);

  const w = elementWriter(KIND);
  const root = newMessage(KIND);
  const { header } = input;
  writeHeenHeader(root, KIND, { sender: header.municipalityCode, receiver: header.providerAgb, messageId: header.messageId, messageDate: header.messageDate });
  const answer = w.group(root, 'Antwoord');
  w.value(answer, 'ReferentieAanbieder', input.providerReference);
  w.value(answer, 'VerzoekAntwoord', input.answer);
  w.value(answer, 'RedenAfwijzingVerzoek', input.rejectionReason);
  return serialiseChecked(KIND, root);
}

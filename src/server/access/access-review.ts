// kwaliteit's judgement of someone's access to a client: an emergency access (break the glass) or an
// attachment of another team's client. One rule for both: the judgement answers the version the
// reviewer saw (else someone judged in between: changeVersioned refuses it with judgedInBetween), and
// nobody judges their own access. Pure.
import type { Actor } from './actor';
import { Invalid } from '../lib/errors';

export interface ReviewedAccess {
  /** Who used the access. */
  userId: string;
}

export interface Judgement {
  outcome: string;
  note: string;
}

/** What is judged, in Dutch: "deze noodtoegang" / "noodtoegang", "deze koppeling" / "koppeling". */
export interface Judged {
  these: string;
  own: string;
}

/** The 409's message when someone else judged since the reviewer loaded the page. */
export function judgedInBetween(what: Judged): string {
  return `Iemand anders heeft ${what.these} intussen beoordeeld. Laad de pagina opnieuw.`;
}

/** The columns to set for the judgement, or the refusal of a judgement of one's own access. */
export function judge(before: ReviewedAccess, actor: Actor, input: Judgement, what: Judged) {
  if (before.userId === actor.userId) throw new Invalid([{ path: 'outcome', message: `U kunt uw eigen ${what.own} niet beoordelen` }]);
  return { reviewedBy: actor.userId, reviewedAt: new Date(), reviewOutcome: input.outcome, reviewNote: input.note || null };
}

// kwaliteit's judgement of someone's access to a client: an emergency access (break the glass) or an
// attachment of another team's client. One rule for both: the judgement answers the version the
// reviewer saw (else someone judged in between), and nobody judges their own access. Pure.
import type { Actor } from './actor';
import { Conflict, Invalid } from '../lib/errors';

export interface ReviewedAccess {
  /** Who used the access. */
  userId: string;
  reviewOutcome: string | null;
  version: number;
}

export interface Judgement {
  outcome: string;
  note: string;
  version: number;
}

/** The columns to set for the judgement, or the refusal (`what`: "deze noodtoegang", "deze koppeling"). */
export function judge(before: ReviewedAccess, actor: Actor, input: Judgement, what: { these: string; own: string }) {
  if (before.version !== input.version) throw new Conflict(`Iemand anders heeft ${what.these} intussen beoordeeld. Laad de pagina opnieuw.`);
  if (before.userId === actor.userId) throw new Invalid([{ path: 'outcome', message: `U kunt uw eigen ${what.own} niet beoordelen` }]);
  return { reviewedBy: actor.userId, reviewedAt: new Date(), reviewOutcome: input.outcome, reviewNote: input.note || null, version: before.version + 1 };
}

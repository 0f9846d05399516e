// "Volgende stap" of a case, for its header: what the status asks first (the first meeting, the
// start of support), then the earliest thing with a date (a ZRM measurement, the plan's review, an
// agreement), else a plan to make. Pure, so the header and its test agree on one rule.
import { addDays } from '../../../server/lib/dates';
import type { CaseStatus } from '../../../server/modules/cases/case-rules';
import type { CaseTabId } from './case-tabs';

/** Mijn dag looks 14 days ahead; the header says the same about what comes up. */
export const LOOK_AHEAD_DAYS = 14;

export interface NextStep {
  /** What to do, as a short Dutch instruction. */
  text: string;
  /** The date it is due (or planned), when it has one. */
  on: string | null;
  /** The word before the date: "uiterlijk", "vóór", "op". */
  dateWord: string;
  overdue: boolean;
  /** Where on the case page it is done. */
  tab: CaseTabId;
}

export interface NextStepInput {
  status: CaseStatus;
  /** The first meeting's deadline while it has not taken place (the case detail's `due`). */
  due: { kind: string; on: string } | null;
  zrmDue: readonly { kind: string; dueOn: string }[] | undefined;
  /** The current plan; undefined while it loads or cannot be read. */
  plan: { version: number; reviewOn: string | null; openAgreements: readonly { what: string; dueOn: string | null }[] } | undefined;
  today: string;
}

const ZRM_TEXT: Record<string, string> = { nul: 'Nulmeting ZRM vastleggen', periodiek: 'Periodieke ZRM-meting vastleggen', eind: 'Eindmeting ZRM vastleggen' };

function step(text: string, on: string | null, dateWord: string, tab: CaseTabId, today: string): NextStep {
  return { text, on, dateWord, tab, overdue: on !== null && on < today };
}

/** The ZRM measurements due and, while the case is open, the plan's review date; earliest first. */
export function datedSteps({ status, zrmDue, plan, today }: { status: CaseStatus; zrmDue: NextStepInput['zrmDue']; plan: { reviewOn: string | null } | undefined; today: string }): NextStep[] {
  return [
    ...(zrmDue ?? []).map((d) => step(ZRM_TEXT[d.kind] ?? 'ZRM-meting vastleggen', d.dueOn, 'vóór', 'zrm', today)),
    ...(status !== 'closed' && plan?.reviewOn ? [step('Krachtplan evalueren met de cliënt', plan.reviewOn, 'op', 'krachtplan', today)] : []),
  ].sort((a, b) => a.on!.localeCompare(b.on!));
}

export function nextStep({ status, due, zrmDue, plan, today }: NextStepInput): NextStep | null {
  if (status === 'registered') return step('Kennismaking vastleggen', due?.on ?? null, 'uiterlijk', 'overzicht', today);
  if (status === 'first_meeting') return step('Ondersteuning starten', null, '', 'overzicht', today);
  const agreements = status === 'closed' ? [] : (plan?.openAgreements ?? []).filter((a) => a.dueOn).map((a) => step(`Afspraak: ${a.what}`, a.dueOn, 'klaar op', 'krachtplan', today));
  const dated = [...datedSteps({ status, zrmDue, plan, today }), ...agreements].sort((a, b) => a.on!.localeCompare(b.on!));
  const soon = dated.find((d) => d.on! <= addDays(today, LOOK_AHEAD_DAYS));
  if (soon) return soon;
  if (status === 'running' && plan && plan.version === 0) return step('Krachtplan maken met de cliënt', null, '', 'krachtplan', today);
  return dated[0] ?? null;
}

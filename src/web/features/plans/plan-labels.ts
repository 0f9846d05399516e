// Words of the krachtplan screens: the participation ladder, the kitchen-table order of owners,
// short names for how the client agreed, an empty plan.
import { AGREEMENT_OWNER_LABELS, AGREEMENT_OWNERS, type PlanChange, type PlanContent } from '../../../server/modules/plans/plans.schemas';
import type { Option } from '../../app/fields';
import { formatDate } from '../../app/format';

/** The participation ladder (VNG), rung 1 to 6. */
export const LADDER_LABELS: Record<number, string> = {
  1: 'geïsoleerd',
  2: 'sociale contacten buiten de deur',
  3: 'deelname aan georganiseerde activiteiten',
  4: 'onbetaald werk (vrijwilligerswerk)',
  5: 'betaald werk met ondersteuning',
  6: 'betaald werk',
};
export const LADDER_OPTIONS: Option[] = [1, 2, 3, 4, 5, 6].map((n) => ({ value: String(n), label: `${n} — ${LADDER_LABELS[n]}` }));

export type Owner = (typeof AGREEMENT_OWNERS)[number];

/** AGREEMENT_OWNERS is already in kitchen-table order: client and network first, professionals last. */
export const OWNER_OPTIONS: Option[] = AGREEMENT_OWNERS.map((owner) => ({ value: owner, label: AGREEMENT_OWNER_LABELS[owner] }));

/** The kitchen-table questions, in the order they are asked (a new agreement's form shows them). */
export const KITCHEN_TABLE_QUESTIONS: { owner: Owner; question: string }[] = [
  { owner: 'client', question: 'Wat kan de cliënt zelf?' },
  { owner: 'network', question: 'Wat kan het netwerk doen?' },
  { owner: 'volunteer', question: 'Kan een vrijwilliger, maatje of groep helpen?' },
  { owner: 'team', question: 'Wat doet het buurtteam of specialistische hulp?' },
];

export const OWNER_HELP_SHORT = 'Eerst de cliënt zelf en het netwerk, dan vrijwilligers en groepen, dan het buurtteam of specialistische hulp.';

/** Short words for how the client agreed: "akkoord cliënt 23 november 2026 (mondeling)". */
export const WAY_SHORT: Record<string, string> = { gesprek: 'mondeling', schriftelijk: 'schriftelijk', digitaal: 'digitaal' };

/** Plain-language headings of the printed plan (B1), per owner. */
export const OWNER_PRINT_HEADINGS: Record<Owner, string> = {
  client: 'Wat u zelf doet',
  network: 'Wat uw familie of buren doen',
  volunteer: 'Wat een vrijwilliger of maatje doet',
  group: 'Waar u aan meedoet',
  team: 'Wat het buurtteam doet',
  specialist: 'Wat andere hulpverleners doen',
};

export function emptyPlanContent(): PlanContent {
  return { domains: [], reciprocity: '', participation: { start: null, now: null }, expectedEndOn: null, reviewOn: null, crisisPlan: { signs: '', clientDoes: '', carerDoes: '', contacts: [] } };
}


/**
 * What a plan holds compared with an older one, for a conflict on a plan that did not exist yet
 * when the form opened (the server compares saved versions; this only lists what is new).
 */
export function describeNewContent(domainLabel: (code: string) => string) {
  return (_before: PlanContent, after: PlanContent): PlanChange[] => {
    const changes: PlanChange[] = [];
    for (const d of after.domains) {
      const name = domainLabel(d.domain);
      if (d.situation) changes.push({ label: `${name} — situatie`, from: '', to: d.situation });
      if (d.strengths) changes.push({ label: `${name} — krachten`, from: '', to: d.strengths });
      if (d.goal) changes.push({ label: `${name} — doel`, from: '', to: d.goal });
      for (const a of d.agreements) changes.push({ label: `${name} — afspraak`, from: '', to: a.what });
    }
    if (after.reciprocity) changes.push({ label: 'Wederkerigheid', from: '', to: after.reciprocity });
    if (after.expectedEndOn) changes.push({ label: 'Verwachte einddatum', from: '', to: formatDate(after.expectedEndOn) });
    if (after.reviewOn) changes.push({ label: 'Evaluatiedatum', from: '', to: formatDate(after.reviewOn) });
    return changes;
  };
}

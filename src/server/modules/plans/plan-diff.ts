// What changed between two versions of a krachtplan, in words a worker reads at a glance.
// Pure: domains are matched by code, agreements by their stable id.
import { SENSITIVITY_LABELS, type Sensitivity } from '../../lib/sensitivity';
import { AGREEMENT_OWNER_LABELS, AGREEMENT_STATUS_LABELS, type Agreement, type DomainPlan, type PlanChange, type PlanContent } from './plans.schemas';

const AGREEMENT_FIELDS: [keyof Agreement, string][] = [
  ['what', 'afspraak'],
  ['owner', 'wie'],
  ['ownerName', 'naam'],
  ['dueOn', 'wanneer klaar'],
  ['status', 'status'],
  ['result', 'resultaat'],
  ['sensitivity', 'gevoelig'],
];

function show(field: keyof Agreement | string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(leeg)';
  if (field === 'owner') return AGREEMENT_OWNER_LABELS[value as Agreement['owner']] ?? String(value);
  if (field === 'status') return AGREEMENT_STATUS_LABELS[value as Agreement['status']] ?? String(value);
  if (field === 'sensitivity') return SENSITIVITY_LABELS[value as Sensitivity] ?? String(value);
  return String(value);
}

function compare(changes: PlanChange[], label: string, from: unknown, to: unknown, field = '') {
  if (JSON.stringify(from ?? '') !== JSON.stringify(to ?? '')) changes.push({ label, from: show(field, from), to: show(field, to) });
}

function agreementText(a: Agreement): string {
  return `${a.what} (${show('owner', a.owner)}${a.ownerName ? `: ${a.ownerName}` : ''})`;
}

function diffDomain(changes: PlanChange[], name: string, before: DomainPlan | undefined, after: DomainPlan | undefined) {
  if (!before) return changes.push({ label: `${name}`, from: '(niet in het plan)', to: 'toegevoegd' });
  if (!after) return changes.push({ label: `${name}`, from: 'in het plan', to: '(verwijderd)' });
  compare(changes, `${name} — situatie`, before.situation, after.situation);
  compare(changes, `${name} — wat gaat goed`, before.strengths, after.strengths);
  compare(changes, `${name} — doel`, before.goal, after.goal);
  compare(changes, `${name} — gevoelig`, before.sensitivity ?? null, after.sensitivity ?? null, 'sensitivity');
  const old = new Map(before.agreements.map((a) => [a.id, a]));
  for (const a of after.agreements) {
    const b = old.get(a.id);
    if (!b) {
      changes.push({ label: `${name} — afspraak`, from: '(nieuw)', to: agreementText(a) });
      continue;
    }
    for (const [field, word] of AGREEMENT_FIELDS) compare(changes, `${name} — afspraak '${a.what}' — ${word}`, b[field] ?? null, a[field] ?? null, field);
    old.delete(a.id);
  }
  for (const b of old.values()) changes.push({ label: `${name} — afspraak`, from: agreementText(b), to: '(verwijderd)' });
}

/** How many parts a plan answer left out (withheld from someone outside the case's workers). */
function withheldCount(content: PlanContent): number {
  return (content.withheld?.domains.length ?? 0) + (content.withheld?.agreements.length ?? 0);
}

/**
 * The changes from `before` to `after`; `domainLabels` names the life domains by code. Parts left out
 * of either plan (withheld) are not compared, so nothing of their text reaches the list; only their
 * number is, when it changed.
 */
export function diffPlans(before: PlanContent, after: PlanContent, domainLabels: Map<string, string>): PlanChange[] {
  const changes: PlanChange[] = [];
  const label = (code: string) => domainLabels.get(code) ?? code;
  const beforeDomains = new Map(before.domains.map((d) => [d.domain, d]));
  const afterDomains = new Map(after.domains.map((d) => [d.domain, d]));
  for (const code of new Set([...beforeDomains.keys(), ...afterDomains.keys()])) diffDomain(changes, label(code), beforeDomains.get(code), afterDomains.get(code));
  compare(changes, 'Wederkerigheid', before.reciprocity, after.reciprocity);
  compare(changes, 'Participatieladder bij de start', before.participation.start, after.participation.start);
  compare(changes, 'Participatieladder nu', before.participation.now, after.participation.now);
  compare(changes, 'Verwachte einddatum', before.expectedEndOn, after.expectedEndOn);
  compare(changes, 'Evaluatiedatum', before.reviewOn, after.reviewOn);
  compare(changes, 'Crisisplan — signalen', before.crisisPlan.signs, after.crisisPlan.signs);
  compare(changes, 'Crisisplan — wat doet de cliënt', before.crisisPlan.clientDoes, after.crisisPlan.clientDoes);
  compare(changes, 'Crisisplan — wat doet de mantelzorger', before.crisisPlan.carerDoes, after.crisisPlan.carerDoes);
  const contacts = (c: PlanContent) => c.crisisPlan.contacts.map((x) => [x.name, x.role, x.phone].filter(Boolean).join(', ')).join('; ');
  compare(changes, 'Crisisplan — wie bellen', contacts(before), contacts(after));
  compare(changes, 'Afgeschermde onderdelen (alleen zichtbaar voor de betrokken medewerkers)', String(withheldCount(before)), String(withheldCount(after)));
  return changes;
}

// Sensitive parts of a krachtplan (a life domain or one agreement marked as domestic violence, health
// or justice). Pure: which parts are marked, the plan as someone outside the case's workers sees it,
// and a save by such a colleague with the parts they could not see put back from the current version.
// Life domains are followed by their code (one per plan), agreements by their stable id.
import type { FieldProblem } from '../../lib/errors';
import type { Agreement, DomainPlan, PlanContent } from './plans.schemas';

export interface SensitiveParts {
  /** Marked life domains, by code. */
  domains: Set<string>;
  /** Marked agreements, by id. */
  agreements: Set<string>;
}

/** The parts marked in any of `contents` (a version together with the current one: a later mark hides the earlier text too). */
export function sensitiveParts(...contents: PlanContent[]): SensitiveParts {
  const parts: SensitiveParts = { domains: new Set(), agreements: new Set() };
  for (const content of contents) {
    for (const d of content.domains) {
      if (d.sensitivity) parts.domains.add(d.domain);
      for (const a of d.agreements) if (a.sensitivity) parts.agreements.add(a.id);
    }
  }
  return parts;
}

/** The plan without the `hidden` parts; what was left out is named in `withheld` (codes and ids, no text). */
export function withholdParts(content: PlanContent, hidden: SensitiveParts): PlanContent {
  const withheld: NonNullable<PlanContent['withheld']> = { domains: [], agreements: [] };
  const domains: DomainPlan[] = [];
  for (const d of content.domains) {
    if (hidden.domains.has(d.domain)) {
      withheld.domains.push(d.domain);
      continue;
    }
    const agreements = d.agreements.filter((a) => {
      if (!hidden.agreements.has(a.id)) return true;
      withheld.agreements.push({ id: a.id, domain: d.domain });
      return false;
    });
    domains.push({ ...d, agreements });
  }
  const { withheld: _ignored, ...rest } = content;
  return withheld.domains.length || withheld.agreements.length ? { ...rest, domains, withheld } : { ...rest, domains };
}

/** The plan for the actor: whole for one of the case's workers, without its marked parts for anyone else. */
export function planAsSeenBy(content: PlanContent, caseWorker: boolean, current?: PlanContent): PlanContent {
  if (caseWorker) return withoutWithheldList(content);
  return withholdParts(content, current ? sensitiveParts(content, current) : sensitiveParts(content));
}

/** `withheld` describes an answer; it is never part of what is stored. */
export function withoutWithheldList(content: PlanContent): PlanContent {
  const { withheld: _ignored, ...rest } = content;
  return rest;
}

const NOT_A_CASE_WORKER = 'Alleen de betrokken medewerkers van deze casus kunnen een onderdeel als gevoelig markeren';

function insertAt<T>(list: T[], index: number, item: T) {
  list.splice(Math.min(index, list.length), 0, item);
}

/** The parts an answer said it left out (a form opened before its user became one of the case's workers). */
export function listedParts(withheld: PlanContent['withheld']): SensitiveParts {
  return { domains: new Set(withheld?.domains ?? []), agreements: new Set(withheld?.agreements.map((a) => a.id) ?? []) };
}

/**
 * A save from a form that showed the plan without its `hidden` parts: those parts are taken from
 * `current` and put back where they stood, unchanged. The saver may not add a life domain that is
 * there already (withheld), nor remove a life domain that holds a withheld agreement; without
 * `mayMark` (outside the case's workers) they may not mark a part either. `label` names a life domain.
 */
export function restoreWithheld(
  current: PlanContent,
  incoming: PlanContent,
  hidden: SensitiveParts,
  options: { mayMark: boolean; label: (code: string) => string },
): { content: PlanContent; problems: FieldProblem[] } {
  const { label, mayMark } = options;
  const problems: FieldProblem[] = [];
  const domains: DomainPlan[] = incoming.domains.map((d, i) => {
    if (d.sensitivity && !mayMark) problems.push({ path: `content.domains.${i}.sensitivity`, message: `${label(d.domain)}: ${NOT_A_CASE_WORKER}` });
    if (hidden.domains.has(d.domain)) problems.push({ path: `content.domains.${i}.domain`, message: `${label(d.domain)} staat al in het plan, afgeschermd` });
    d.agreements.forEach((a, j) => {
      if (a.sensitivity && !mayMark) problems.push({ path: `content.domains.${i}.agreements.${j}.sensitivity`, message: `${label(d.domain)}, afspraak ${j + 1}: ${NOT_A_CASE_WORKER}` });
    });
    return { ...d, agreements: [...d.agreements] };
  });
  current.domains.forEach((d, index) => {
    if (hidden.domains.has(d.domain)) return insertAt(domains, index, d);
    const withheld = d.agreements.map((a, position) => ({ a, position })).filter(({ a }) => hidden.agreements.has(a.id));
    if (withheld.length === 0) return;
    const target = domains.find((x) => x.domain === d.domain);
    if (!target) {
      problems.push({ path: 'content.domains', message: `${label(d.domain)} heeft een afgeschermde afspraak; alleen de betrokken medewerkers van deze casus kunnen dit leefgebied verwijderen` });
      return;
    }
    for (const { a, position } of withheld) insertAt<Agreement>(target.agreements, position, a);
  });
  return { content: { ...withoutWithheldList(incoming), domains }, problems };
}

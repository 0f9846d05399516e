// The krachtplan is edited one part at a time: a life domain, an agreement, a new one, the
// participation, the end dates, the crisis plan or the client's agreement. Pure helpers for that:
// which part is open (and its keys), the whole plan with one part changed, and the problems of a
// save put on the fields of the part's form.
import type { z } from 'zod';
import { savePlanBody, type Agreement, type DomainPlan, type PlanContent } from '../../../server/modules/plans/plans.schemas';
import { planRuleProblems } from '../../../server/modules/plans/plan-rules';
import type { FieldError } from '../../app/api';

export type PlanTarget =
  | { kind: 'domain'; domain: string }
  | { kind: 'new-domain' }
  | { kind: 'agreement'; domain: string; id: string }
  | { kind: 'new-agreement'; domain: string }
  | { kind: 'participation' }
  | { kind: 'end' }
  | { kind: 'crisis' }
  | { kind: 'akkoord' };

const SIMPLE = ['new-domain', 'participation', 'end', 'crisis', 'akkoord'] as const;

/** A stable name of the part, for element ids and kept drafts: `domain-financien`, `agreement-<id>`. */
export function targetKey(target: PlanTarget): string {
  switch (target.kind) {
    case 'domain':
    case 'new-agreement':
      return `${target.kind}-${target.domain}`;
    case 'agreement':
      return `agreement-${target.id}`;
    default:
      return target.kind;
  }
}

/** The id of the button that opens the part's form; focus goes back to it. */
export function openerId(target: PlanTarget): string {
  return `plan-open-${targetKey(target)}`.replace(/[^a-zA-Z0-9-]+/g, '-');
}

export function sameTarget(a: PlanTarget | null, b: PlanTarget | null): boolean {
  return !!a && !!b && targetKey(a) === targetKey(b);
}

/** A part kept as JSON (the open form of a session that ended); anything else is no part. */
export function parseTarget(text: string): PlanTarget | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const { kind, domain, id } = value as Record<string, unknown>;
  if ((SIMPLE as readonly unknown[]).includes(kind)) return { kind } as PlanTarget;
  if ((kind === 'domain' || kind === 'new-agreement') && typeof domain === 'string') return { kind, domain };
  if (kind === 'agreement' && typeof domain === 'string' && typeof id === 'string') return { kind, domain, id };
  return null;
}

/** Whether the part is still in the plan (someone may have removed it meanwhile). */
export function targetExists(target: PlanTarget, content: PlanContent): boolean {
  if (target.kind === 'domain' || target.kind === 'new-agreement') return content.domains.some((d) => d.domain === target.domain);
  if (target.kind === 'agreement') return content.domains.some((d) => d.domain === target.domain && d.agreements.some((a) => a.id === target.id));
  return true;
}

/** The plan with this life domain in place of the one with its code, or added at the end. */
export function withDomain(content: PlanContent, domain: DomainPlan): PlanContent {
  const exists = content.domains.some((d) => d.domain === domain.domain);
  return { ...content, domains: exists ? content.domains.map((d) => (d.domain === domain.domain ? domain : d)) : [...content.domains, domain] };
}

export function withoutDomain(content: PlanContent, code: string): PlanContent {
  return { ...content, domains: content.domains.filter((d) => d.domain !== code) };
}

/** The plan with this agreement in place of the one with its id in the domain, or added at its end. */
export function withAgreement(content: PlanContent, code: string, agreement: Agreement): PlanContent {
  return {
    ...content,
    domains: content.domains.map((d) => {
      if (d.domain !== code) return d;
      const exists = d.agreements.some((a) => a.id === agreement.id);
      return { ...d, agreements: exists ? d.agreements.map((a) => (a.id === agreement.id ? agreement : a)) : [...d.agreements, agreement] };
    }),
  };
}

export function withoutAgreement(content: PlanContent, code: string, id: string): PlanContent {
  return { ...content, domains: content.domains.map((d) => (d.domain === code ? { ...d, agreements: d.agreements.filter((a) => a.id !== id) } : d)) };
}

/** Where the part's fields sit in the save's body, e.g. `content.domains.1` for the second domain. */
export function partPrefix(target: PlanTarget, content: PlanContent): string | null {
  if (target.kind === 'domain' || target.kind === 'new-domain') {
    const code = target.kind === 'domain' ? target.domain : null;
    const index = code === null ? content.domains.length - 1 : content.domains.findIndex((d) => d.domain === code);
    return index < 0 ? null : `content.domains.${index}`;
  }
  if (target.kind === 'agreement' || target.kind === 'new-agreement') {
    const index = content.domains.findIndex((d) => d.domain === target.domain);
    if (index < 0) return null;
    const agreements = content.domains[index]!.agreements;
    const position = target.kind === 'agreement' ? agreements.findIndex((a) => a.id === target.id) : agreements.length - 1;
    return position < 0 ? null : `content.domains.${index}.agreements.${position}`;
  }
  if (target.kind === 'crisis') return 'content.crisisPlan';
  return 'content';
}

/** The path in a form that stands for the whole part: its title, where a message about the plan points. */
export const PART_PATH = 'plan';

/**
 * The problems of a save, on the fields of the part's form: a path under the part's prefix loses
 * the prefix (`content.domains.1.goal` → `goal`); `content.domains` (a plan without a goal or an
 * agreement) goes on `emptyPlanField` when the form has one; anything else on the part's title.
 */
export function partErrors(problems: FieldError[], prefix: string | null, fields: readonly string[], emptyPlanField?: string): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const problem of problems) {
    const path = problem.path.startsWith('content.') || problem.path === 'content' ? problem.path : `content.${problem.path}`;
    let field: string = PART_PATH;
    if (prefix && path.startsWith(`${prefix}.`)) field = path.slice(prefix.length + 1);
    if (path === 'content.domains' && emptyPlanField) field = emptyPlanField;
    // A field this form does not show (`crisisPlan.contacts.0.name` → `contacts.0.name` stays).
    if (field !== PART_PATH && !fields.some((f) => field === f || field.startsWith(`${f}.`))) field = PART_PATH;
    const key = `${field}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ path: field, message: problem.message });
  }
  return result;
}

/** zod issues with their list positions kept: `content.domains.0.agreements.1.what`. */
function schemaProblems(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/** What the server would refuse in this save: the schema, then the rules of a new version. */
export function saveProblems(body: { content: PlanContent; baseVersion: number }, previous: PlanContent, today: string): FieldError[] {
  const parsed = savePlanBody.safeParse(body);
  if (!parsed.success) return schemaProblems(parsed.error);
  return planRuleProblems(parsed.data.content, previous, today);
}

// The krachtplan of a case: read it with its versions, save a new version (refused when someone
// else saved since the edit started, with their changes, and when it breaks plan-rules.ts: no goal
// or agreement, a new evaluation date in the past or too far ahead), record the client's
// agreement, compare.
// Parts marked sensitive are left out of every answer to someone outside the case's workers, and a
// save by them keeps those parts as they are (plan-sensitivity.ts).
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/database';
import { cases, codes, plans, planVersions, users } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { isCaseWorker, mayWrite } from '../../access/access.policy';
import { writeCaseAudit } from '../../audit/audit.writer';
import { Conflict, Invalid, NotFound } from '../../lib/errors';
import { notInFuture, todayInNetherlands } from '../../lib/dates';
import { findReadableCase, findVisibleCase } from '../cases/cases.repo';
import { diffPlans } from './plan-diff';
import { planRuleProblems } from './plan-rules';
import { listedParts, planAsSeenBy, restoreWithheld, sensitiveParts, withoutWithheldList } from './plan-sensitivity';
import { planContent, type agreementBody, type Plan, type PlanChange, type PlanContent, type PlanVersion, type savePlanBody } from './plans.schemas';
import { dutchDate } from '../../lib/dutch-dates';

const EMPTY_PLAN: PlanContent = planContent.parse({});

async function domainLabels(db: DbOrTx, organisationId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ code: codes.code, label: codes.label })
    .from(codes)
    .where(and(eq(codes.organisationId, organisationId), eq(codes.list, 'zrm_domains')))
    .orderBy(asc(codes.position));
  return new Map(rows.map((r) => [r.code, r.label]));
}

async function versionRows(db: DbOrTx, organisationId: string, caseId: string) {
  return db
    .select({ v: planVersions, savedByName: users.name })
    .from(planVersions)
    .leftJoin(users, and(eq(users.organisationId, planVersions.organisationId), eq(users.id, planVersions.savedBy)))
    .where(and(eq(planVersions.organisationId, organisationId), eq(planVersions.caseId, caseId)))
    .orderBy(desc(planVersions.version));
}

type VersionRow = Awaited<ReturnType<typeof versionRows>>[number];

function toVersion({ v, savedByName }: VersionRow): PlanVersion {
  return {
    version: v.version,
    savedAt: v.savedAt.toISOString(),
    savedByName,
    agreedOn: v.agreedOn,
    agreedHow: v.agreedHow as PlanVersion['agreedHow'],
    content: planContent.parse(v.content),
  };
}

/** The plan as stored, whole, without access checks or logging (callers have done both). */
async function loadPlan(db: DbOrTx, organisationId: string, caseId: string): Promise<Plan> {
  const rows = await versionRows(db, organisationId, caseId);
  const versions = rows.map(toVersion);
  const current = versions[0];
  return {
    caseId,
    version: current?.version ?? 0,
    content: current?.content ?? EMPTY_PLAN,
    savedAt: current?.savedAt ?? null,
    savedByName: current?.savedByName ?? null,
    agreedOn: current?.agreedOn ?? null,
    agreedHow: current?.agreedHow ?? null,
    versions: versions.map(({ content: _content, ...summary }) => summary),
    mayMarkSensitive: true,
    mayWrite: true,
  };
}

/**
 * The plan as the actor may see it: whole for the case's workers, without its marked parts for anyone
 * else; `mayWrite` as planMayWrite says.
 */
function planAsSeen(stored: Plan, caseWorker: boolean, writable: boolean): Plan {
  return { ...stored, content: planAsSeenBy(stored.content, caseWorker), mayMarkSensitive: caseWorker, mayWrite: writable };
}

/**
 * Whether a save of the plan would be taken: cases:write on a case in the write scope, and the case
 * not closed. A closed case counts although its save answers 409, not 404: the editor is of no use
 * until the case is reopened (the page says why), and the page offers the agreement form only with it.
 */
function planMayWrite(actor: Actor, caseRow: { status: string }, inWriteScope: boolean): boolean {
  return mayWrite(actor, 'cases:write', inWriteScope) && caseRow.status !== 'closed';
}

/** Whether the actor is the case's worker (its lead worker, see isCaseWorker). */
async function actorIsCaseWorker(db: DbOrTx, actor: Actor, caseId: string): Promise<boolean> {
  const [row] = await db
    .select({ yes: sql<boolean>`${isCaseWorker(actor, sql`${cases.id}`)}` })
    .from(cases)
    .where(and(eq(cases.organisationId, actor.organisationId), eq(cases.id, caseId)));
  return row?.yes === true;
}

async function visibleCaseOrNotFound(db: DbOrTx, actor: Actor, caseId: string, options: { forUpdate?: boolean } = {}) {
  const row = await findVisibleCase(db, actor, caseId, options);
  if (!row) throw new NotFound('Casus niet gevonden');
  return row;
}

export async function getPlan(db: Db, actor: Actor, caseId: string): Promise<Plan> {
  const found = await findReadableCase(db, actor, caseId);
  if (!found) throw new NotFound('Casus niet gevonden');
  const result = planAsSeen(await loadPlan(db, actor.organisationId, caseId), await actorIsCaseWorker(db, actor, caseId), planMayWrite(actor, found.row, found.inWriteScope));
  await writeCaseAudit(db, actor, caseId, { action: 'read', entityType: 'plan', entityId: caseId });
  return result;
}

export async function getPlanVersion(db: Db, actor: Actor, caseId: string, version: number): Promise<PlanVersion> {
  await visibleCaseOrNotFound(db, actor, caseId);
  const rows = await versionRows(db, actor.organisationId, caseId);
  const row = rows.find((r) => r.v.version === version);
  if (!row) throw new NotFound('Deze versie van het krachtplan bestaat niet');
  const caseWorker = await actorIsCaseWorker(db, actor, caseId);
  await writeCaseAudit(db, actor, caseId, { action: 'read', entityType: 'plan', entityId: caseId, changes: { version } });
  const result = toVersion(row);
  return { ...result, content: planAsSeenBy(result.content, caseWorker, toVersion(rows[0]!).content) };
}

export async function comparePlanVersions(db: Db, actor: Actor, caseId: string, from: number, to: number) {
  await visibleCaseOrNotFound(db, actor, caseId);
  const rows = await versionRows(db, actor.organisationId, caseId);
  const caseWorker = await actorIsCaseWorker(db, actor, caseId);
  const current = rows[0] ? planContent.parse(rows[0].v.content) : EMPTY_PLAN;
  const content = (version: number) => {
    const row = rows.find((r) => r.v.version === version);
    if (!row) throw new NotFound(`Versie ${version} van het krachtplan bestaat niet`);
    return planAsSeenBy(planContent.parse(row.v.content), caseWorker, current);
  };
  const changes = diffPlans(content(from), content(to), await domainLabels(db, actor.organisationId));
  await writeCaseAudit(db, actor, caseId, { action: 'read', entityType: 'plan', entityId: caseId, changes: { from, to } });
  return { from, to, changes };
}

function validateContent(content: PlanContent, labels: Map<string, string>) {
  const problems: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  content.domains.forEach((d, i) => {
    if (!labels.has(d.domain)) problems.push({ path: `content.domains.${i}.domain`, message: `Onbekend leefgebied: ${d.domain}` });
    if (seen.has(d.domain)) problems.push({ path: `content.domains.${i}.domain`, message: `${labels.get(d.domain) ?? d.domain} staat twee keer in het plan` });
    seen.add(d.domain);
  });
  const ids = content.domains.flatMap((d) => d.agreements.map((a) => a.id));
  if (new Set(ids).size !== ids.length) problems.push({ path: 'content.domains', message: 'Twee afspraken hebben hetzelfde nummer' });
  if (problems.length) throw new Invalid(problems);
}

export async function savePlan(db: Db, actor: Actor, caseId: string, input: z.output<typeof savePlanBody>): Promise<Plan> {
  return db.transaction(async (tx) => {
    // Not changeVersioned (db/versioned-change.ts): a save appends a plan_versions row, so the plan's
    // version is its newest row, not a column of the locked record, and the 409 carries the other
    // person's version and what they changed.
    // Locking the case serialises saves of its plan.
    const caseRow = await visibleCaseOrNotFound(tx, actor, caseId, { forUpdate: true });
    if (caseRow.status === 'closed') throw new Conflict('Deze casus is afgesloten. Heropen hem om het krachtplan te wijzigen.');
    const labels = await domainLabels(tx, actor.organisationId);
    validateContent(input.content, labels);
    const current = await loadPlan(tx, actor.organisationId, caseId);
    const caseWorker = await actorIsCaseWorker(tx, actor, caseId);
    if (current.version !== input.baseVersion) {
      const base = input.baseVersion === 0 ? EMPTY_PLAN : planContent.parse((await versionRows(tx, actor.organisationId, caseId)).find((r) => r.v.version === input.baseVersion)?.v.content ?? EMPTY_PLAN);
      const changes: PlanChange[] = diffPlans(planAsSeenBy(base, caseWorker, current.content), planAsSeenBy(current.content, caseWorker), labels);
      throw new Conflict(
        `${current.savedByName ?? 'Iemand anders'} heeft het krachtplan intussen opgeslagen (versie ${current.version}). Uw wijzigingen zijn niet opgeslagen; bekijk wat er veranderde en neem uw wijzigingen over in de nieuwste versie.`,
        { current: planAsSeen(current, caseWorker, planMayWrite(actor, caseRow, true)), changes },
      );
    }
    // The parts the saver's form did not show are kept from the current version: all marked parts for
    // someone outside the case's workers, and what an earlier answer withheld from a case worker
    // (a form opened before they became one).
    const hidden = caseWorker ? listedParts(input.content.withheld) : sensitiveParts(current.content);
    const restored = restoreWithheld(current.content, input.content, hidden, { mayMark: caseWorker, label: (code) => labels.get(code) ?? code });
    if (restored.problems.length) throw new Invalid(restored.problems);
    const content = withoutWithheldList(restored.content);
    validateContent(content, labels);
    // The rules of a new version, on the whole plan (withheld parts put back) against the current one.
    const problems = planRuleProblems(content, current.content, todayInNetherlands());
    if (problems.length) throw new Invalid(problems, 'Het krachtplan is niet opgeslagen. Controleer de invoer.');
    const version = current.version + 1;
    await tx
      .insert(plans)
      .values({ organisationId: actor.organisationId, caseId, currentVersion: version })
      .onConflictDoUpdate({ target: [plans.organisationId, plans.caseId], set: { currentVersion: version, updatedAt: new Date() } });
    await tx.insert(planVersions).values({ organisationId: actor.organisationId, caseId, version, content, savedBy: actor.userId });
    await writeCaseAudit(tx, actor, caseId, {
      action: current.version === 0 ? 'create' : 'update',
      entityType: 'plan',
      entityId: caseId,
      changes: { version, changes: diffPlans(current.content, content, labels) },
    });
    return planAsSeen(await loadPlan(tx, actor.organisationId, caseId), caseWorker, planMayWrite(actor, caseRow, true));
  });
}

export async function recordPlanAgreement(db: Db, actor: Actor, caseId: string, version: number, input: z.output<typeof agreementBody>): Promise<Plan> {
  return db.transaction(async (tx) => {
    const caseRow = await visibleCaseOrNotFound(tx, actor, caseId, { forUpdate: true });
    const [row] = await tx
      .select()
      .from(planVersions)
      .where(and(eq(planVersions.organisationId, actor.organisationId), eq(planVersions.caseId, caseId), eq(planVersions.version, version)));
    if (!row) throw new NotFound('Deze versie van het krachtplan bestaat niet');
    if (row.agreedOn) throw new Conflict(`Het akkoord op versie ${version} is al vastgelegd (op ${dutchDate(row.agreedOn)})`);
    if (!notInFuture(input.agreedOn)) throw new Invalid([{ path: 'agreedOn', message: 'Het akkoord kan niet in de toekomst liggen' }]);
    if (input.agreedOn < row.savedAt.toISOString().slice(0, 10)) throw new Invalid([{ path: 'agreedOn', message: 'Het akkoord kan niet voor het opslaan van deze versie liggen' }]);
    await tx
      .update(planVersions)
      .set({ agreedOn: input.agreedOn, agreedHow: input.how, agreedRecordedBy: actor.userId })
      .where(and(eq(planVersions.organisationId, actor.organisationId), eq(planVersions.caseId, caseId), eq(planVersions.version, version)));
    await writeCaseAudit(tx, actor, caseId, { action: 'update', entityType: 'plan_agreement', entityId: caseId, changes: { version, to: input } });
    // Locked in the write scope: only the status can stand in the way of a save.
    return planAsSeen(await loadPlan(tx, actor.organisationId, caseId), await actorIsCaseWorker(tx, actor, caseId), planMayWrite(actor, caseRow, true));
  });
}

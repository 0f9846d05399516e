// The quality registers: file a complaint, objection or incident; list and read them within the
// actor's scope (qualityReportScope in access/access.policy.ts); handle them (status, evaluation, lesson learned) and record
// handling steps. Every change is logged with entity type quality_report and no client.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/database';
import { qualityReports, qualityReportSteps, teams, users } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { diff, writeAudit } from '../../audit/audit.writer';
import { changeVersioned } from '../../db/versioned-change';
import { Conflict, Invalid, NotFound } from '../../lib/errors';
import { todayInNetherlands } from '../../lib/dates';
import { filingTeam, handlingProblems, isReopening, QUALITY_KINDS } from './quality-rules';
import { qualityReportScope } from '../../access/access.policy';
import type { QualityReportDetail, QualityReportList, QualityReportSummary, qualityReportInput, QualityReportQuery, qualityReportUpdate, qualityStepInput } from './quality.schemas';
import { dutchDate } from '../../lib/dutch-dates';

const ENTITY = 'quality_report';
const NOT_FOUND = 'Melding niet gevonden';
const CONFLICT = 'Iemand anders heeft deze melding intussen gewijzigd. Laad de melding opnieuw.';

type Row = typeof qualityReports.$inferSelect;

function toSummary(row: Row, teamName: string | null): QualityReportSummary {
  return {
    id: row.id,
    kind: row.kind as QualityReportSummary['kind'],
    category: row.category as QualityReportSummary['category'],
    teamId: row.teamId,
    teamName,
    title: row.title,
    occurredOn: row.occurredOn,
    receivedOn: row.receivedOn,
    status: row.status,
    closedOn: row.closedOn,
    version: row.version,
  };
}

const teamJoin = and(eq(teams.organisationId, qualityReports.organisationId), eq(teams.id, qualityReports.teamId));

export async function fileQualityReport(db: Db, actor: Actor, input: z.output<typeof qualityReportInput>): Promise<{ id: string }> {
  const team = filingTeam(actor, input.teamId);
  if ('problem' in team) throw new Invalid([{ path: 'teamId', message: team.problem }]);
  return db.transaction(async (tx) => {
    if (team.teamId) {
      const [known] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.organisationId, actor.organisationId), eq(teams.id, team.teamId)));
      if (!known) throw new Invalid([{ path: 'teamId', message: 'Onbekend team' }]);
    }
    const values = {
      kind: input.kind,
      category: input.kind === 'incident' ? (input.category ?? null) : null,
      teamId: team.teamId,
      title: input.title,
      description: input.description,
      occurredOn: input.occurredOn,
      receivedOn: input.receivedOn,
      filedBy: input.filedBy,
    };
    const [row] = await tx
      .insert(qualityReports)
      .values({ organisationId: actor.organisationId, ...values, createdBy: actor.userId })
      .returning({ id: qualityReports.id });
    await writeAudit(tx, actor, { action: 'create', entityType: ENTITY, entityId: row!.id, changes: { to: values } });
    return { id: row!.id };
  });
}

export async function listQualityReports(db: Db, actor: Actor, query: QualityReportQuery): Promise<QualityReportList> {
  const filters = and(
    qualityReportScope(actor),
    query.status ? eq(qualityReports.status, query.status) : undefined,
    query.teamId ? eq(qualityReports.teamId, query.teamId) : undefined,
  );
  const rows = await db
    .select({ report: qualityReports, teamName: teams.name })
    .from(qualityReports)
    .leftJoin(teams, teamJoin)
    .where(and(filters, query.kind ? eq(qualityReports.kind, query.kind) : undefined))
    .orderBy(desc(qualityReports.receivedOn), desc(qualityReports.createdAt));
  const counts = await db
    .select({ kind: qualityReports.kind, n: sql<number>`count(*)::int` })
    .from(qualityReports)
    .where(filters)
    .groupBy(qualityReports.kind);
  const countsByKind = Object.fromEntries(QUALITY_KINDS.map((kind) => [kind, Number(counts.find((c) => c.kind === kind)?.n ?? 0)])) as QualityReportList['countsByKind'];
  return { reports: rows.map((r) => toSummary(r.report, r.teamName)), countsByKind };
}

async function selectVisible(tx: DbOrTx, actor: Actor, id: string, lock: boolean): Promise<Row | undefined> {
  const query = tx
    .select()
    .from(qualityReports)
    .where(and(qualityReportScope(actor), eq(qualityReports.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

async function findVisible(tx: DbOrTx, actor: Actor, id: string, lock: boolean): Promise<Row> {
  const row = await selectVisible(tx, actor, id, lock);
  if (!row) throw new NotFound(NOT_FOUND);
  return row;
}

async function detailOf(tx: DbOrTx, actor: Actor, row: Row): Promise<QualityReportDetail> {
  const org = actor.organisationId;
  const [team] = row.teamId ? await tx.select({ name: teams.name }).from(teams).where(and(eq(teams.organisationId, org), eq(teams.id, row.teamId))) : [];
  const [creator] = row.createdBy ? await tx.select({ name: users.name }).from(users).where(and(eq(users.organisationId, org), eq(users.id, row.createdBy))) : [];
  const steps = await tx
    .select({ step: qualityReportSteps, authorName: users.name })
    .from(qualityReportSteps)
    .leftJoin(users, and(eq(users.organisationId, qualityReportSteps.organisationId), eq(users.id, qualityReportSteps.authorId)))
    .where(and(eq(qualityReportSteps.organisationId, org), eq(qualityReportSteps.reportId, row.id)))
    .orderBy(asc(qualityReportSteps.stepOn), asc(qualityReportSteps.createdAt));
  return {
    ...toSummary(row, team?.name ?? null),
    description: row.description,
    filedBy: row.filedBy,
    evaluation: row.evaluation,
    lessonLearned: row.lessonLearned,
    createdByName: creator?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    steps: steps.map(({ step, authorName }) => ({ id: step.id, stepOn: step.stepOn, description: step.description, authorName, createdAt: step.createdAt.toISOString() })),
  };
}

/** A report with its handling steps; the read is logged (reports may name residents in free text). */
export async function getQualityReport(db: Db, actor: Actor, id: string): Promise<QualityReportDetail> {
  return db.transaction(async (tx) => {
    const row = await findVisible(tx, actor, id, false);
    await writeAudit(tx, actor, { action: 'read', entityType: ENTITY, entityId: id });
    return detailOf(tx, actor, row);
  });
}

export async function updateQualityReport(db: Db, actor: Actor, id: string, input: z.output<typeof qualityReportUpdate>): Promise<QualityReportDetail> {
  return db.transaction(async (tx) => {
    const { after } = await changeVersioned(tx, actor, {
      table: qualityReports,
      find: () => selectVisible(tx, actor, id, true),
      notFound: NOT_FOUND,
      version: input.version,
      conflict: CONFLICT,
      decide: async (before) => {
        const from = before.status;
        const problems = handlingProblems(from, input);
        if (problems.length > 0) throw new Invalid(problems);
        const today = todayInNetherlands();
        const set = {
          status: input.status,
          evaluation: input.evaluation || null,
          lessonLearned: input.lessonLearned || null,
          // Closing sets the date; staying closed keeps it; reopening clears it.
          closedOn: input.status === 'afgehandeld' ? (from === 'afgehandeld' ? before.closedOn : today) : null,
        };
        if (!isReopening(from, input.status)) return { set };
        // The reason stays in the handling history, beside the earlier evaluation.
        const step = { stepOn: today, description: `Heropend: ${input.reopenReason}` };
        await tx.insert(qualityReportSteps).values({ organisationId: actor.organisationId, reportId: id, ...step, authorId: actor.userId });
        return { set, step };
      },
      audit: (before, decision) => ({
        entityType: ENTITY,
        entityId: id,
        changes: { ...diff(before, decision.set), ...('step' in decision ? { step: decision.step } : {}) },
      }),
    });
    return detailOf(tx, actor, after);
  });
}

export async function addQualityStep(db: Db, actor: Actor, id: string, input: z.output<typeof qualityStepInput>): Promise<QualityReportDetail> {
  return db.transaction(async (tx) => {
    const report = await findVisible(tx, actor, id, true);
    if (report.status === 'afgehandeld') throw new Conflict('Deze melding is afgehandeld. Open de melding opnieuw om een stap toe te voegen.');
    if (input.stepOn < report.receivedOn) throw new Invalid([{ path: 'stepOn', message: `Een stap kan niet voor de ontvangst van de melding (${dutchDate(report.receivedOn)}) liggen` }]);
    const [step] = await tx
      .insert(qualityReportSteps)
      .values({ organisationId: actor.organisationId, reportId: id, stepOn: input.stepOn, description: input.description, authorId: actor.userId })
      .returning({ id: qualityReportSteps.id });
    await writeAudit(tx, actor, { action: 'update', entityType: ENTITY, entityId: id, changes: { to: { step: { id: step!.id, stepOn: input.stepOn, description: input.description } } } });
    return detailOf(tx, actor, report);
  });
}

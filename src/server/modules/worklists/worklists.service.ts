// Work lists: what a worker has to do, the team leader's overview, and figures per team.
import { addDays, daysBetween, todayInNetherlands } from '../../lib/dates';
import { alias } from 'drizzle-orm/pg-core';
import { and, count, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { cases, clients, codes, provisionDecisions, provisions, registrations, teams, users } from '../../db/schema';
import { caseScope, registrationScope } from '../../access/access.policy';
import type { Actor } from '../../access/actor';
import { NotFound } from '../../lib/errors';
import { FIRST_MEETING_NORM_DAYS, waitsOverNorm } from '../cases/case-rules';
import { dueFirstOrder, isOpen, mainClientIds, selectCaseSummaries } from '../cases/cases.repo';
import { teamRegistrations } from '../registrations/registrations.service';
import { writeAudit } from '../../audit/audit.writer';
import { TERMS_IN_SIGHT_DAYS } from '../maatwerk/legal-terms';
import { openLegalTerms } from '../maatwerk/maatwerk.service';
import type { MyWork, PublishedTeamFigures, TeamOverview } from './worklists.schemas';
import type { SmallNumberSettings } from '../reports/small-numbers';
import { suppressTeamFigures } from './figures-suppression';
import { isLateStart, isLongRunning, LATE_START_DAYS, toewijzingen, wholeMonthsBetween, type FlowProvisionRow } from '../reports/flow-rules';
import { shownLastName } from '../retention/destroyed-client';
import type { CaseSummary } from '../cases/cases.schemas';

export async function myWork(db: Db, actor: Actor): Promise<MyWork> {
  const today = todayInNetherlands();
  const { items } = await selectCaseSummaries(db, actor, { where: and(eq(cases.leadWorkerId, actor.userId), isOpen), orderBy: dueFirstOrder, limit: 500, today });
  const registrationsToTriage = await teamRegistrations(db, actor, { status: 'untriaged' });
  const shown = [...mainClientIds(items), ...registrationsToTriage.map((r) => r.client.id)];
  await writeAudit(db, actor, { action: 'list', entityType: 'my_work', changes: { cases: items.length, registrations: registrationsToTriage.length }, clientIds: shown });
  return { cases: items, registrationsToTriage };
}

/** Mean calendar days from registration to first meeting, over cases registered since `since`. */
function meanDaysToFirstMeeting(since: string) {
  return sql<number | null>`round(avg(${cases.firstMeetingOn} - ${cases.registeredOn}) filter (where ${cases.firstMeetingOn} is not null and ${cases.registeredOn} >= ${since}), 1)`.mapWith(
    (v) => (v === null ? null : Number(v)),
  );
}

/** The team's open cases more than three months past their first meeting, the longest first. */
function longRunningCases(items: readonly CaseSummary[], today: string): TeamOverview['longRunning'] {
  return items
    .filter((c) => isLongRunning(c, today))
    .sort((a, b) => a.firstMeetingOn!.localeCompare(b.firstMeetingOn!) || a.registeredOn.localeCompare(b.registeredOn) || a.id.localeCompare(b.id))
    .map((c) => ({
      caseId: c.id,
      clientName: c.mainClient ? `${c.mainClient.firstName} ${c.mainClient.lastName}`.trim() : null,
      firstMeetingOn: c.firstMeetingOn!,
      months: wholeMonthsBetween(c.firstMeetingOn!, today),
      leadWorkerName: c.leadWorker?.name ?? null,
    }));
}

const lateLeadWorker = alias(users, 'late_lead_worker');

/**
 * The team's toewijzingen late to start (flow-rules.ts: isLateStart), with the client they are for.
 * First the cases with a first link that may be late, then every link of their toewijzingen (an
 * extension moves the chain's end), read through the pure rules.
 */
async function lateStarts(db: Db, actor: Actor, teamId: string, today: string): Promise<(TeamOverview['lateStarts'][number] & { clientId: string })[]> {
  const inTeam = and(eq(provisions.organisationId, actor.organisationId), caseScope(actor), eq(cases.teamId, teamId));
  const candidates = await db
    .selectDistinct({ caseId: provisions.caseId })
    .from(provisions)
    .innerJoin(cases, and(eq(cases.organisationId, provisions.organisationId), eq(cases.id, provisions.caseId)))
    .where(
      and(
        inTeam,
        isNull(provisions.extendsProvisionId),
        eq(provisions.voided, false),
        isNull(provisions.deliveryStartedOn),
        eq(provisions.deliveryForm, 'zin'),
        lt(provisions.startOn, addDays(today, -LATE_START_DAYS)),
      ),
    );
  if (candidates.length === 0) return [];
  const rows = await db
    .select({
      provision: provisions,
      decisionOutcome: provisionDecisions.outcome,
      decidedOn: provisionDecisions.decidedOn,
      clientName: sql<string>`trim(${clients.firstName} || ' ' || ${shownLastName(clients)})`,
      productLabel: codes.label,
      leadWorkerName: lateLeadWorker.name,
    })
    .from(provisions)
    .innerJoin(cases, and(eq(cases.organisationId, provisions.organisationId), eq(cases.id, provisions.caseId)))
    .innerJoin(clients, and(eq(clients.organisationId, provisions.organisationId), eq(clients.id, provisions.clientId)))
    .leftJoin(provisionDecisions, and(eq(provisionDecisions.organisationId, provisions.organisationId), eq(provisionDecisions.id, provisions.decisionId)))
    .leftJoin(codes, and(eq(codes.organisationId, provisions.organisationId), eq(codes.list, 'provision_products'), eq(codes.code, provisions.product)))
    .leftJoin(lateLeadWorker, and(eq(lateLeadWorker.organisationId, cases.organisationId), eq(lateLeadWorker.id, cases.leadWorkerId)))
    .where(and(inTeam, inArray(provisions.caseId, candidates.map((c) => c.caseId))));
  const byId = new Map(rows.map((r) => [r.provision.id, r]));
  const links: FlowProvisionRow[] = rows.map(({ provision: p, decisionOutcome, decidedOn }) => ({
    id: p.id,
    extendsProvisionId: p.extendsProvisionId,
    caseId: p.caseId,
    clientId: p.clientId,
    voided: p.voided,
    deliveryForm: p.deliveryForm,
    decisionOutcome,
    decidedOn,
    startOn: p.startOn,
    endOn: p.endOn,
    deliveryStartedOn: p.deliveryStartedOn,
  }));
  return toewijzingen(links)
    .filter((t) => isLateStart(t, today))
    .map((t) => {
      const row = byId.get(t.first.id)!;
      return {
        caseId: t.first.caseId,
        clientId: t.first.clientId,
        clientName: row.clientName,
        product: row.productLabel ?? row.provision.product,
        provider: row.provision.provider,
        startOn: t.first.startOn,
        daysSinceStart: daysBetween(t.first.startOn, today),
        leadWorkerName: row.leadWorkerName,
        id: t.first.id,
      };
    })
    .sort((a, b) => a.startOn.localeCompare(b.startOn) || a.clientName.localeCompare(b.clientName, 'nl') || a.id.localeCompare(b.id))
    .map(({ id: _id, ...late }) => late);
}

export async function teamOverview(db: Db, actor: Actor): Promise<TeamOverview> {
  if (!actor.teamId) throw new NotFound('Dit overzicht is er voor de teamleider van een team');
  const today = todayInNetherlands();
  const horizon = addDays(today, TERMS_IN_SIGHT_DAYS);
  // Independent reads, side by side: on a PostgreSQL server each takes its own connection, so the
  // page waits for the slowest, not the sum (the embedded database runs them one after another).
  const [{ items }, [team], [mean], [toTriage], teamWorkers, allTerms, late] = await Promise.all([
    // The team's own cases: a case of another team opened through break-the-glass is no part of its work.
    selectCaseSummaries(db, actor, { where: and(isOpen, eq(cases.teamId, actor.teamId)), orderBy: dueFirstOrder, limit: 2000, today }),
    db.select({ id: teams.id, name: teams.name }).from(teams).where(and(eq(teams.organisationId, actor.organisationId), eq(teams.id, actor.teamId))),
    db
      .select({ value: meanDaysToFirstMeeting(addDays(today, -90)) })
      .from(cases)
      .where(and(eq(cases.organisationId, actor.organisationId), eq(cases.teamId, actor.teamId))),
    // Only counted here, not shown (so not named in the log row): a count, not the rows.
    db
      .select({ n: count() })
      .from(registrations)
      .where(and(registrationScope(actor), eq(registrations.teamId, actor.teamId), isNull(registrations.triageOutcome))),
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.organisationId, actor.organisationId), eq(users.teamId, actor.teamId), eq(users.active, true))),
    openLegalTerms(db, actor, eq(cases.teamId, actor.teamId)),
    lateStarts(db, actor, actor.teamId, today),
  ]);
  const terms = allTerms.filter((t) => t.dueOn <= horizon);

  const load = new Map<string | null, TeamOverview['workers'][number]>();
  for (const w of teamWorkers) load.set(w.id, { workerId: w.id, name: w.name, openCases: 0, awaitingFirstMeeting: 0, overNorm: 0 });
  for (const c of items) {
    const key = c.leadWorker?.id ?? null;
    if (!load.has(key)) load.set(key, { workerId: key, name: c.leadWorker?.name ?? 'Geen regisseur', openCases: 0, awaitingFirstMeeting: 0, overNorm: 0 });
    const entry = load.get(key)!;
    entry.openCases++;
    if (c.status === 'registered') entry.awaitingFirstMeeting++;
    if (waitsOverNorm(c)) entry.overNorm++;
  }
  const waiting = items.filter((c) => c.status === 'registered');
  const named = [...mainClientIds(items), ...terms.map((t) => t.clientId), ...late.map((l) => l.clientId)];
  await writeAudit(db, actor, { action: 'list', entityType: 'team_overview', changes: { results: items.length, legalTerms: terms.length, lateStarts: late.length }, clientIds: named });
  return {
    team: team!,
    openCases: items.length,
    awaitingFirstMeeting: waiting.length,
    overNorm: items.filter(waitsOverNorm).length,
    registrationsToTriage: toTriage?.n ?? 0,
    meanDaysToFirstMeeting: mean?.value ?? null,
    workers: [...load.values()].sort((a, b) => b.openCases - a.openCases || a.name.localeCompare(b.name, 'nl')),
    cases: items,
    legalTerms: terms.map(({ caseId, clientName, asked, leadWorkerName, kind, dueOn, state }) => ({ caseId, clientName, asked, leadWorkerName, kind, dueOn, state })),
    longRunning: longRunningCases(items, today),
    lateStarts: late.map(({ clientId: _clientId, ...rest }) => rest),
  };
}

/**
 * Aggregates per team; no client appears in them. Exact, or, when `smallNumbers` is given (the
 * analyst, whose figures leave the organisation), with small numbers suppressed (figures-suppression.ts).
 */
export async function teamFigures(db: Db, actor: Actor, smallNumbers: SmallNumberSettings | null = null): Promise<PublishedTeamFigures> {
  const today = todayInNetherlands();
  const since = addDays(today, -90);
  const overNormBefore = addDays(today, -(FIRST_MEETING_NORM_DAYS + 1));
  const count = (condition: ReturnType<typeof sql>) => sql<number>`count(${cases.id}) filter (where ${condition})`.mapWith(Number);
  const rows = await db
    .select({
      teamId: teams.id,
      teamCode: teams.code,
      teamName: teams.name,
      active: teams.active,
      openCases: count(sql`${cases.status} <> 'closed'`),
      awaitingFirstMeeting: count(sql`${cases.status} = 'registered'`),
      overNorm: count(sql`${cases.status} = 'registered' and ${cases.registeredOn} <= ${overNormBefore}`),
      startedLast90Days: count(sql`${cases.registeredOn} >= ${since}`),
      closedLast90Days: count(sql`${cases.closedOn} >= ${since}`),
      meanDaysToFirstMeeting: meanDaysToFirstMeeting(since),
      meanObservations: count(sql`${cases.firstMeetingOn} is not null and ${cases.registeredOn} >= ${since}`),
    })
    .from(teams)
    .leftJoin(cases, and(eq(cases.organisationId, teams.organisationId), eq(cases.teamId, teams.id)))
    .where(eq(teams.organisationId, actor.organisationId))
    .groupBy(teams.id, teams.code, teams.name, teams.active)
    // By name in code-point order, then code: the same order on every server, whatever its collation.
    .orderBy(sql`${teams.name} collate "C"`, teams.code);
  // The analyst's suppression needs every team (inactive ones count in the organisation's totals).
  if (smallNumbers) return suppressTeamFigures(rows, smallNumbers);
  return { teams: rows.filter((row) => row.active).map(({ teamCode: _code, active: _active, meanObservations: _n, ...figures }) => figures) };
}

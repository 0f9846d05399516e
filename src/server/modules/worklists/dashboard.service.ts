// The worker's dashboard: what is due on their own open cases, in blocks they order and hide.
import { and, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/database';
import { cases, contacts, plans, planVersions, userPreferences, zrmAssessments } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { isCaseWorker, sensitiveContactVisible } from '../../access/access.policy';
import { addDays, daysBetween, todayInNetherlands } from '../../lib/dates';
import { CONTACT_KIND_LABELS, FIRST_MEETING_NORM_DAYS } from '../cases/case-rules';
import { isOpen, mainClientIds, selectCaseSummaries } from '../cases/cases.repo';
import { writeAudit } from '../../audit/audit.writer';
import { AGREEMENT_OWNER_LABELS, planContent } from '../plans/plans.schemas';
import { planAsSeenBy } from '../plans/plan-sensitivity';
import { zrmDue } from '../zrm/zrm-rules';
import { TERMS_IN_SIGHT_DAYS } from '../maatwerk/legal-terms';
import { openLegalTerms } from '../maatwerk/maatwerk.service';
import { DASHBOARD_BLOCKS, type Dashboard, type DashboardItem, type DashboardLayout, type dashboardLayout } from './worklists.schemas';

/** How far ahead a block looks. */
const LOOK_AHEAD_DAYS = 14;
const NO_CONTACT_DAYS = 42;

const DEFAULT_LAYOUT: DashboardLayout = { order: [...DASHBOARD_BLOCKS], hidden: [] };

export async function loadLayout(db: Db, actor: Actor): Promise<DashboardLayout> {
  const [row] = await db
    .select({ preferences: userPreferences.preferences })
    .from(userPreferences)
    .where(and(eq(userPreferences.organisationId, actor.organisationId), eq(userPreferences.userId, actor.userId)));
  const saved = (row?.preferences as { dashboard?: DashboardLayout } | undefined)?.dashboard;
  // Blocks added after the user saved their order join at the end.
  if (!saved) return DEFAULT_LAYOUT;
  const order = [...saved.order.filter((b) => DASHBOARD_BLOCKS.includes(b)), ...DASHBOARD_BLOCKS.filter((b) => !saved.order.includes(b))];
  return { order, hidden: saved.hidden.filter((b) => DASHBOARD_BLOCKS.includes(b)) };
}

export async function saveLayout(db: Db, actor: Actor, layout: z.output<typeof dashboardLayout>): Promise<DashboardLayout> {
  const preferences = { dashboard: layout };
  await db
    .insert(userPreferences)
    .values({ organisationId: actor.organisationId, userId: actor.userId, preferences })
    .onConflictDoUpdate({ target: [userPreferences.organisationId, userPreferences.userId], set: { preferences, updatedAt: new Date() } });
  return layout;
}

/** null: a sensitive note the actor may not read (the query leaves its text out). */
function noteExcerpt(note: string | null): string {
  if (note === null) return 'Afgeschermde notitie';
  if (!note) return '(geen notitie)';
  return note.length > 120 ? `${note.slice(0, 117)}…` : note;
}

export async function buildDashboard(db: Db, actor: Actor): Promise<Dashboard> {
  const today = todayInNetherlands();
  const horizon = addDays(today, LOOK_AHEAD_DAYS);
  const { items: mine } = await selectCaseSummaries(db, actor, { where: and(eq(cases.leadWorkerId, actor.userId), isOpen), limit: 1000, today });
  const name = new Map(mine.map((c) => [c.id, c.mainClient ? `${c.mainClient.firstName} ${c.mainClient.lastName}`.trim() : '(onbekend)']));
  const item = (caseId: string, text: string, on: string | null): DashboardItem => ({ caseId, clientName: name.get(caseId)!, text, on, overdue: on !== null && on < today });
  const byDate = (a: DashboardItem, b: DashboardItem) => (a.on ?? '').localeCompare(b.on ?? '');
  const ids = mine.map((c) => c.id);

  const firstMeetings = mine
    .filter((c) => c.status === 'registered')
    .map((c) => item(c.id, `Kennismaking (aangemeld ${c.waitingDays === 1 ? '1 dag' : `${c.waitingDays} dagen`} geleden)`, addDays(c.registeredOn, FIRST_MEETING_NORM_DAYS)));

  const agreements: DashboardItem[] = [];
  const reviews: DashboardItem[] = [];
  const zrm: DashboardItem[] = [];
  const noContact: DashboardItem[] = [];
  let recent: DashboardItem[] = [];
  if (ids.length) {
    const currentPlans = await db
      .select({ caseId: planVersions.caseId, content: planVersions.content, caseWorker: sql<boolean>`${isCaseWorker(actor, sql`${plans.caseId}`)}` })
      .from(plans)
      .innerJoin(planVersions, and(eq(planVersions.organisationId, plans.organisationId), eq(planVersions.caseId, plans.caseId), eq(planVersions.version, plans.currentVersion)))
      .where(and(eq(plans.organisationId, actor.organisationId), inArray(plans.caseId, ids)));
    for (const plan of currentPlans) {
      // Sensitive parts stay out for anyone but the case's workers (the lead worker always is one).
      const content = planAsSeenBy(planContent.parse(plan.content), plan.caseWorker);
      for (const a of content.domains.flatMap((d) => d.agreements)) {
        if (a.status === 'open' && a.dueOn && a.dueOn <= horizon) agreements.push(item(plan.caseId, `${a.what} — ${AGREEMENT_OWNER_LABELS[a.owner]}${a.ownerName ? ` (${a.ownerName})` : ''}`, a.dueOn));
      }
      if (content.reviewOn && content.reviewOn <= horizon) reviews.push(item(plan.caseId, 'Krachtplan evalueren met de cliënt', content.reviewOn));
    }

    const assessments = await db
      .select({ caseId: zrmAssessments.caseId, type: zrmAssessments.type, assessedOn: zrmAssessments.assessedOn })
      .from(zrmAssessments)
      .where(and(eq(zrmAssessments.organisationId, actor.organisationId), inArray(zrmAssessments.caseId, ids)));
    const labels = { nul: 'Nulmeting', periodiek: 'Periodieke meting', eind: 'Eindmeting' } as const;
    for (const c of mine) {
      for (const due of zrmDue({ firstMeetingOn: c.firstMeetingOn, closedOn: null }, assessments.filter((a) => a.caseId === c.id), today)) {
        if (due.dueOn <= horizon) zrm.push(item(c.id, `${labels[due.kind]} ZRM`, due.dueOn));
      }
    }

    const lastContacts = await db
      .select({ caseId: contacts.caseId, last: max(contacts.contactOn) })
      .from(contacts)
      .where(and(eq(contacts.organisationId, actor.organisationId), inArray(contacts.caseId, ids)))
      .groupBy(contacts.caseId);
    const lastContact = new Map(lastContacts.map((r) => [r.caseId, r.last]));
    for (const c of mine.filter((x) => x.status !== 'registered')) {
      const last = lastContact.get(c.id) ?? c.firstMeetingOn ?? c.registeredOn;
      if (daysBetween(last, today) > NO_CONTACT_DAYS) noContact.push({ ...item(c.id, `Laatste contact ${daysBetween(last, today)} dagen geleden`, last), overdue: true });
    }

    const latest = await db
      .select({
        caseId: contacts.caseId,
        contactOn: contacts.contactOn,
        kind: contacts.kind,
        note: sql<string | null>`case when ${sensitiveContactVisible(actor)} then ${contacts.note} end`,
      })
      .from(contacts)
      .where(and(eq(contacts.organisationId, actor.organisationId), inArray(contacts.caseId, ids)))
      // An import gives all its entries one created_at: the date and id keep the ten the same from call to call.
      .orderBy(desc(contacts.createdAt), desc(contacts.contactOn), desc(contacts.id))
      .limit(10);
    recent = latest.map((c) => ({
      ...item(c.caseId, `${CONTACT_KIND_LABELS[c.kind] ?? c.kind}: ${noteExcerpt(c.note)}`, c.contactOn),
      overdue: false,
    }));
  }

  // Legal terms of maatwerk on the cases she leads, closed ones too: the procedure outlives the case.
  const terms = (await openLegalTerms(db, actor, eq(cases.leadWorkerId, actor.userId))).filter((t) => t.dueOn <= addDays(today, TERMS_IN_SIGHT_DAYS));
  const legalTerms = terms.map((t) => ({
    caseId: t.caseId,
    clientName: t.clientName,
    text: `${t.kind === 'onderzoek' ? 'Verslag van het onderzoek' : 'Besluit op de aanvraag'}: ${noteExcerpt(t.asked)}`,
    on: t.dueOn,
    overdue: t.state === 'te_laat',
  }));

  const blocks = {
    first_meetings: firstMeetings.sort(byDate),
    legal_terms: legalTerms,
    agreements_due: agreements.sort(byDate),
    plan_reviews: reviews.sort(byDate),
    zrm_due: zrm.sort(byDate),
    no_contact: noContact.sort(byDate),
    recent_journal: recent,
  };
  // Every client named in a block (hidden blocks too: the answer holds them).
  const shown = new Set(Object.values(blocks).flatMap((items) => items.map((i) => i.caseId)));
  const named = [...mainClientIds(mine.filter((c) => shown.has(c.id))), ...terms.map((t) => t.clientId)];
  await writeAudit(db, actor, { action: 'list', entityType: 'dashboard', changes: { items: Object.values(blocks).flat().length }, clientIds: named });
  return { layout: await loadLayout(db, actor), blocks };
}

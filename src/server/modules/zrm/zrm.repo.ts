// SQL for ZRM assessments: the organisation's domains, a case's assessments, a client's assessments
// within the actor's case scope.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { caseClients, cases, codes, zrmAssessments } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { caseScope } from '../../access/access.policy';
import type { ZrmAssessment } from './zrm.schemas';

/** The organisation's matrix (11 domains by default, 13 for ZRM 2017), in its order. */
export async function loadZrmDomains(db: DbOrTx, organisationId: string): Promise<{ code: string; label: string }[]> {
  return db
    .select({ code: codes.code, label: codes.label })
    .from(codes)
    .where(and(eq(codes.organisationId, organisationId), eq(codes.list, 'zrm_domains'), eq(codes.active, true)))
    .orderBy(asc(codes.position));
}

export function toAssessment(row: typeof zrmAssessments.$inferSelect): ZrmAssessment {
  return {
    id: row.id,
    caseId: row.caseId,
    clientId: row.clientId,
    assessedOn: row.assessedOn,
    type: row.type,
    scores: row.scores,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A case's assessments, newest first, on one day the last recorded first (the caller has checked the case is in scope). */
export async function listCaseAssessments(db: DbOrTx, organisationId: string, caseId: string) {
  return db
    .select()
    .from(zrmAssessments)
    .where(and(eq(zrmAssessments.organisationId, organisationId), eq(zrmAssessments.caseId, caseId)))
    .orderBy(desc(zrmAssessments.assessedOn), desc(zrmAssessments.recordedOrder));
}

/** A client's assessments in the cases the actor may see, oldest first, on one day in the order recorded. */
export async function listClientAssessments(db: DbOrTx, actor: Actor, clientId: string) {
  return db
    .select({ assessment: zrmAssessments })
    .from(zrmAssessments)
    .innerJoin(cases, and(eq(cases.organisationId, zrmAssessments.organisationId), eq(cases.id, zrmAssessments.caseId)))
    .where(and(eq(zrmAssessments.organisationId, actor.organisationId), eq(zrmAssessments.clientId, clientId), caseScope(actor)))
    .orderBy(asc(zrmAssessments.assessedOn), asc(zrmAssessments.recordedOrder));
}

export async function isInHousehold(db: DbOrTx, organisationId: string, caseId: string, clientId: string): Promise<boolean> {
  const [row] = await db
    .select({ clientId: caseClients.clientId })
    .from(caseClients)
    .where(and(eq(caseClients.organisationId, organisationId), eq(caseClients.caseId, caseId), eq(caseClients.clientId, clientId)));
  return row !== undefined;
}

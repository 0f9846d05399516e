// ZRM use cases: a case's assessments with what is due, recording an assessment, a client's series
// per domain for the chart. Reads are logged like other reads of client data.
import type { z } from 'zod';
import type { Db } from '../../db/database';
import { zrmAssessments } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { writeAudit, writeCaseAudit } from '../../audit/audit.writer';
import { Invalid, NotFound, type FieldProblem } from '../../lib/errors';
import { todayInNetherlands } from '../../lib/dates';
import { findVisibleCase } from '../cases/cases.repo';
import { findVisibleClient } from '../clients/clients.repo';
import { zrmDue } from './zrm-rules';
import { isInHousehold, listCaseAssessments, listClientAssessments, loadZrmDomains, toAssessment } from './zrm.repo';
import type { CaseZrm, ClientZrm, ZrmAssessment, zrmAssessmentInput } from './zrm.schemas';
import { dutchDate } from '../../lib/dutch-dates';

export async function getCaseZrm(db: Db, actor: Actor, caseId: string, today = todayInNetherlands()): Promise<CaseZrm> {
  const caseRow = await findVisibleCase(db, actor, caseId);
  if (!caseRow) throw new NotFound('Casus niet gevonden');
  const rows = await listCaseAssessments(db, actor.organisationId, caseId);
  await writeCaseAudit(db, actor, caseId, { action: 'read', entityType: 'zrm', entityId: caseId });
  return {
    assessments: rows.map(toAssessment),
    due: zrmDue({ firstMeetingOn: caseRow.firstMeetingOn, closedOn: caseRow.closedOn }, rows, today),
  };
}

export async function addZrmAssessment(db: Db, actor: Actor, caseId: string, input: z.output<typeof zrmAssessmentInput>): Promise<ZrmAssessment> {
  return db.transaction(async (tx) => {
    const caseRow = await findVisibleCase(tx, actor, caseId, { forUpdate: true });
    if (!caseRow) throw new NotFound('Casus niet gevonden');
    const problems: FieldProblem[] = [];
    if (!(await isInHousehold(tx, actor.organisationId, caseId, input.clientId))) {
      problems.push({ path: 'clientId', message: 'Deze cliënt hoort niet bij het huishouden van de casus' });
    }
    if (input.assessedOn < caseRow.registeredOn) {
      problems.push({ path: 'assessedOn', message: `Een meting kan niet voor de aanmelding (${dutchDate(caseRow.registeredOn)}) liggen` });
    }
    // A closed case may still get its eindmeting, dated on or before the closing.
    if (caseRow.closedOn !== null && input.assessedOn > caseRow.closedOn) {
      problems.push({ path: 'assessedOn', message: `Een meting kan niet na de afsluiting (${dutchDate(caseRow.closedOn)}) liggen` });
    }
    const known = new Set((await loadZrmDomains(tx, actor.organisationId)).map((d) => d.code));
    for (const domain of Object.keys(input.scores)) {
      if (!known.has(domain)) problems.push({ path: `scores.${domain}`, message: `Onbekend ZRM-domein: ${domain}` });
    }
    if (problems.length > 0) throw new Invalid(problems);

    const values = { clientId: input.clientId, assessedOn: input.assessedOn, type: input.type, scores: input.scores };
    const [row] = await tx
      .insert(zrmAssessments)
      .values({ organisationId: actor.organisationId, caseId, ...values })
      .returning();
    await writeAudit(tx, actor, { action: 'create', entityType: 'zrm', entityId: row!.id, clientId: input.clientId, changes: { to: { caseId, ...values } } });
    return toAssessment(row!);
  });
}

/** The client's scores over time per domain, from the cases the actor may see. */
export async function getClientZrm(db: Db, actor: Actor, clientId: string): Promise<ClientZrm> {
  if (!(await findVisibleClient(db, actor, clientId))) throw new NotFound('Cliënt niet gevonden');
  const rows = await listClientAssessments(db, actor, clientId);
  const domains = await loadZrmDomains(db, actor.organisationId);
  await writeAudit(db, actor, { action: 'read', entityType: 'zrm', entityId: clientId, clientId });
  return {
    clientId,
    domains: domains.map(({ code, label }) => ({
      code,
      label,
      points: rows
        .filter(({ assessment }) => typeof assessment.scores[code] === 'number')
        .map(({ assessment }) => ({ assessedOn: assessment.assessedOn, score: assessment.scores[code]!, type: assessment.type, caseId: assessment.caseId })),
    })),
  };
}

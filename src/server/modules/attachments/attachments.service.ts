// Attaching a client the team does not hold (koppelen): a worker names one person of the
// organisation by exact identification and states a reason; the registration or household then uses
// that client. Each attach is recorded and logged, and kwaliteit reviews it. The access policy
// (clientScope) keeps the master data read-only for the team while another team held the client and
// kwaliteit has not judged the attach justified; the other team's file stays closed either way.
import { judge, judgedInBetween } from '../../access/access-review';
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { changeVersioned } from '../../db/versioned-change';
import type { Db, DbOrTx } from '../../db/database';
import { auditLog, clientAttachments, clients, clientTeams, teams, users } from '../../db/schema';
import type { Actor } from '../../access/actor';
import { clientOfOwnTeam } from '../../access/access.policy';
import { ROLE_LABELS } from '../../access/permissions';
import { writeAudit } from '../../audit/audit.writer';
import { Invalid } from '../../lib/errors';
import { identifiedBy } from '../clients/clients.repo';
import type { AttachmentReviewItem, IdentifiedBy, attachmentReview, attachmentReviewQuery, clientAttach } from './attachments.schemas';

/** The client an attach names, before the registration or household that uses them exists. */
export interface FoundForAttach {
  clientId: string;
  /** The team holds the client already: nothing to attach, the client is used as they are. */
  ofOwnTeam: boolean;
  identifiedBy: IdentifiedBy;
  heldElsewhere: boolean;
  reason: string;
}

/**
 * The one client of the organisation the identification names. None or several: bad input, with one
 * message for both, so the answer does not tell how many people share a name and birth date.
 */
export async function findForAttach(tx: DbOrTx, actor: Actor, input: z.output<typeof clientAttach>): Promise<FoundForAttach> {
  const rows = await tx
    .select({
      id: clients.id,
      ofOwnTeam: sql<boolean>`${clientOfOwnTeam(actor)}`,
      heldElsewhere: sql<boolean>`exists (select 1 from ${clientTeams} ct where ct.organisation_id = ${clients.organisationId} and ct.client_id = ${clients.id})`,
    })
    .from(clients)
    .where(and(eq(clients.organisationId, actor.organisationId), isNull(clients.destroyedAt), identifiedBy(input)))
    .limit(2);
  if (rows.length !== 1) {
    throw new Invalid(
      input.bsn
        ? [{ path: 'attach.bsn', message: 'Met dit BSN is niet precies één cliënt te vinden. Controleer het BSN.' }]
        : [{ path: 'attach.lastName', message: 'Met deze achternaam en geboortedatum is niet precies één cliënt te vinden. Vul het BSN in.' }],
      'De cliënt is niet gevonden',
    );
  }
  const [row] = rows;
  return { clientId: row!.id, ofOwnTeam: row!.ofOwnTeam, identifiedBy: input.bsn ? 'bsn' : 'name_birth_date', heldElsewhere: row!.heldElsewhere, reason: input.reason };
}

/** Records the attach of a client the team did not hold, with what it made, and logs it (marked emergency under break-the-glass). */
export async function recordAttachment(tx: DbOrTx, actor: Actor, found: FoundForAttach, made: { registrationId: string } | { caseId: string }): Promise<void> {
  const values = {
    organisationId: actor.organisationId,
    userId: actor.userId,
    teamId: actor.teamId!,
    clientId: found.clientId,
    identifiedBy: found.identifiedBy,
    reason: found.reason,
    heldElsewhere: found.heldElsewhere,
    ...made,
  };
  const [row] = await tx.insert(clientAttachments).values(values).returning({ id: clientAttachments.id });
  // The identification itself is not logged (it may be a BSN); how the person was identified is.
  await writeAudit(tx, actor, {
    action: 'attach',
    entityType: 'client',
    entityId: found.clientId,
    clientId: found.clientId,
    changes: { attachmentId: row!.id, identifiedBy: found.identifiedBy, reason: found.reason, heldElsewhere: found.heldElsewhere, ...made },
  });
}

const reviewer = alias(users, 'reviewer');

export async function listAttachmentsForReview(db: Db, actor: Actor, query: z.output<typeof attachmentReviewQuery>): Promise<AttachmentReviewItem[]> {
  const status = query.status === 'te_beoordelen' ? isNull(clientAttachments.reviewedAt) : query.status === 'beoordeeld' ? isNotNull(clientAttachments.reviewedAt) : undefined;
  const rows = await db
    .select({
      attachment: clientAttachments,
      userName: users.name,
      userRole: users.role,
      teamName: teams.name,
      reviewedByName: reviewer.name,
      clientTeams: sql<string[]>`array(select t.name from ${clientTeams} ct join ${teams} t on t.organisation_id = ct.organisation_id and t.id = ct.team_id
        where ct.organisation_id = ${clientAttachments.organisationId} and ct.client_id = ${clientAttachments.clientId} order by t.name)`,
      // What the team did with the client since: every log row about them by a member of the team.
      actions: sql<number>`(select count(*) from ${auditLog} a
        where a.organisation_id = ${clientAttachments.organisationId} and a.client_id = ${clientAttachments.clientId}
          and a.actor_team_id = ${clientAttachments.teamId} and a.at >= ${clientAttachments.attachedAt})`.mapWith(Number),
    })
    .from(clientAttachments)
    .innerJoin(users, and(eq(users.organisationId, clientAttachments.organisationId), eq(users.id, clientAttachments.userId)))
    .innerJoin(teams, and(eq(teams.organisationId, clientAttachments.organisationId), eq(teams.id, clientAttachments.teamId)))
    .leftJoin(reviewer, and(eq(reviewer.organisationId, clientAttachments.organisationId), eq(reviewer.id, clientAttachments.reviewedBy)))
    .where(and(eq(clientAttachments.organisationId, actor.organisationId), status))
    .orderBy(desc(clientAttachments.attachedAt), desc(clientAttachments.id))
    .limit(500);
  // No names, but facts about each client's file (the teams that know them): named in the log.
  await writeAudit(db, actor, { action: 'list', entityType: 'attachment_review', changes: { status: query.status, results: rows.length }, clientIds: rows.map((r) => r.attachment.clientId) });
  return rows.map((r) => ({
    id: r.attachment.id,
    userName: r.userName,
    userRole: ROLE_LABELS[r.userRole] ?? r.userRole,
    teamName: r.teamName,
    clientId: r.attachment.clientId,
    clientTeams: r.clientTeams,
    identifiedBy: r.attachment.identifiedBy as IdentifiedBy,
    reason: r.attachment.reason,
    attachedAt: r.attachment.attachedAt.toISOString(),
    registrationId: r.attachment.registrationId,
    caseId: r.attachment.caseId,
    heldElsewhere: r.attachment.heldElsewhere,
    actions: r.actions,
    reviewedByName: r.reviewedByName,
    reviewedAt: r.attachment.reviewedAt?.toISOString() ?? null,
    reviewOutcome: (r.attachment.reviewOutcome as AttachmentReviewItem['reviewOutcome']) ?? null,
    reviewNote: r.attachment.reviewNote,
    version: r.attachment.version,
  }));
}

/** Records (or revises) kwaliteit's judgement; a judgement of justified opens the master data for writing. */
export async function reviewAttachment(db: Db, actor: Actor, id: string, input: z.output<typeof attachmentReview>): Promise<void> {
  const what = { these: 'deze koppeling', own: 'koppeling' };
  await db.transaction(async (tx) => {
    await changeVersioned(tx, actor, {
      table: clientAttachments,
      find: async () => (await tx.select().from(clientAttachments).where(and(eq(clientAttachments.organisationId, actor.organisationId), eq(clientAttachments.id, id))).for('update'))[0],
      notFound: 'Koppeling niet gevonden',
      version: input.version,
      conflict: judgedInBetween(what),
      decide: (before) => ({ set: judge(before, actor, input, what) }),
      // No clientId: the review is about the worker's conduct, not a look at the client's file.
      audit: (before) => ({ entityType: 'client_attachment', entityId: id, changes: { from: { reviewOutcome: before.reviewOutcome }, to: { reviewOutcome: input.outcome } } }),
    });
  });
}

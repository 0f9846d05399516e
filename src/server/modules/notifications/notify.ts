// The one way to notify: `notify(tx, actor, event)`, called by the service that makes the change,
// inside its transaction, so a notification exists exactly when its event does. It decides who is
// told and stores only references (no client names or texts; the list composes those when read).
// Nobody is notified of their own doing.
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from '../../db/database';
import { cases, notifications, users } from '../../db/schema';
import type { Role } from '../../access/permissions';
import type { NotificationKind } from './notifications.schemas';

/** What happened, by the service where it happened. */
export type NotifyEvent =
  /** Someone made `to` the lead worker of the case (lead worker set, transfer to a colleague, triage). */
  | { kind: 'case_assigned'; caseId: string; to: string | null }
  /** The case went to another team, where it waits without a lead worker: its team leaders assign it (no team leader: its workers). */
  | { kind: 'case_to_team'; caseId: string; teamId: string }
  /** A new registration in the team's queue (made by the team, or passed on by another team's triage): its workers and team leaders. */
  | { kind: 'registration'; registrationId: string; teamId: string }
  /** Someone gave `to` a task. */
  | { kind: 'task_assigned'; taskId: string; caseId: string | null; to: string }
  /** A journal entry in the case: its lead worker is told, when someone else wrote it. */
  | { kind: 'journal_entry'; caseId: string };

export interface Notifier {
  organisationId: string;
  /** Null: the command line or a job, never left out of the recipients. */
  userId: string | null;
}

const TEAM_ROLES: readonly Role[] = ['medewerker', 'teamleider'];

async function teamMembers(tx: Tx, organisationId: string, teamId: string, roles: readonly Role[]): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.teamId, teamId), eq(users.active, true), inArray(users.role, [...roles])));
  return rows.map((r) => r.id);
}

async function recipientsOf(tx: Tx, organisationId: string, event: NotifyEvent): Promise<string[]> {
  switch (event.kind) {
    case 'case_assigned':
      return event.to ? [event.to] : [];
    case 'task_assigned':
      return [event.to];
    case 'case_to_team': {
      // A team without a team leader still hears of it: its workers, one of whom takes it.
      const leaders = await teamMembers(tx, organisationId, event.teamId, ['teamleider']);
      return leaders.length ? leaders : teamMembers(tx, organisationId, event.teamId, TEAM_ROLES);
    }
    case 'registration':
      return teamMembers(tx, organisationId, event.teamId, TEAM_ROLES);
    case 'journal_entry': {
      const [row] = await tx.select({ lead: cases.leadWorkerId }).from(cases).where(and(eq(cases.organisationId, organisationId), eq(cases.id, event.caseId)));
      return row?.lead ? [row.lead] : [];
    }
  }
}

function references(event: NotifyEvent): { caseId?: string | null; registrationId?: string; taskId?: string } {
  switch (event.kind) {
    case 'registration':
      return { registrationId: event.registrationId };
    case 'task_assigned':
      return { taskId: event.taskId, caseId: event.caseId };
    default:
      return { caseId: event.caseId };
  }
}

/** Writes one notification per recipient of the event (never the actor), in the caller's transaction. */
export async function notify(tx: Tx, actor: Notifier, event: NotifyEvent): Promise<void> {
  const recipients = [...new Set(await recipientsOf(tx, actor.organisationId, event))].filter((id) => id !== actor.userId);
  if (recipients.length === 0) return;
  // Only active accounts: a deactivated colleague picks nothing up.
  const active = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organisationId, actor.organisationId), inArray(users.id, recipients), eq(users.active, true), ...(actor.userId ? [ne(users.id, actor.userId)] : [])));
  if (active.length === 0) return;
  const kind: NotificationKind = event.kind;
  await tx.insert(notifications).values(active.map((r) => ({ organisationId: actor.organisationId, recipientId: r.id, kind, actorId: actor.userId, ...references(event) })));
}

// A notification in words, pure (no I/O). The facts come from the list query, which fills a client's
// name or a task's title only when the reader may see that record now; without them the sentence
// says what happened without details, and that the reader can no longer open it.
import type { NotificationKind } from './notifications.schemas';

export interface NotificationFacts {
  kind: NotificationKind;
  /** Who caused it; null for the system. */
  actorName: string | null;
  /** The case's (or registration's) client as the reader may see it now; null: not readable (any more). */
  clientName: string | null;
  /** A task's title; null: not readable (any more). */
  taskTitle: string | null;
}

export const NO_LONGER_READABLE = {
  case: 'U kunt deze casus niet (meer) inzien.',
  registration: 'U kunt deze aanmelding niet (meer) inzien.',
  task: 'U kunt deze taak niet (meer) inzien.',
} as const;

export function notificationText(facts: NotificationFacts): string {
  const who = facts.actorName ?? 'Het systeem';
  const byWhom = facts.actorName ?? 'het systeem';
  const client = facts.clientName;
  switch (facts.kind) {
    case 'case_assigned':
      return client ? `${who} heeft u regisseur gemaakt van de casus van ${client}.` : `${who} heeft u regisseur gemaakt van een casus. ${NO_LONGER_READABLE.case}`;
    case 'case_to_team':
      return client
        ? `${who} heeft de casus van ${client} overgedragen aan uw team. Kies een regisseur.`
        : `${who} heeft een casus overgedragen aan uw team. ${NO_LONGER_READABLE.case}`;
    case 'registration':
      return client ? `Nieuwe aanmelding voor uw team: ${client}. Aangemeld door ${byWhom}.` : `Nieuwe aanmelding voor uw team, door ${byWhom}. ${NO_LONGER_READABLE.registration}`;
    case 'task_assigned':
      if (facts.taskTitle === null) return `${who} heeft u een taak gegeven. ${NO_LONGER_READABLE.task}`;
      return `${who} heeft u een taak gegeven: ${facts.taskTitle}${client ? ` (casus van ${client})` : ''}.`;
    case 'journal_entry':
      return client ? `${who} schreef in het journaal van de casus van ${client}.` : `${who} schreef in het journaal van een casus. ${NO_LONGER_READABLE.case}`;
  }
}

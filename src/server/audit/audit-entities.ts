// What an audit row can be about (`audit_log.entity_type`): one list, so the writer takes nothing
// else and every entity has its Dutch noun in the client's access log (access-log.format.ts types
// its nouns by this union, so a new entity without a noun does not compile).

/** A record, or a part of a client's file, that a row reads, changes, exports or was refused. */
export const AUDIT_RECORDS = [
  'client',
  'case',
  'journal',
  'contact',
  'contact_versions',
  'plan',
  'plan_agreement',
  'network',
  'network_member',
  'registration',
  'zrm',
  'access_log',
  'client_file',
  'consent',
  'consents',
  'disclosure',
  'destruction',
  'emergency_access',
  'client_attachment',
  'history',
  'quality_report',
  'maatwerk',
  'provision_request',
  'provision_decision',
  'decision_letter',
  'provision',
  'iwmo_message',
  'team',
  'user',
  /** A task on a case or of one's own (modules/tasks). */
  'task',
  /** The tasks of a case, read on the case page. */
  'tasks',
  /** A letter from a template to a member of a case's household (modules/letters). */
  'letter',
  /** The organisation's own text of a letter template (Beheer → Brieven): no client. */
  'letter_template',
  /** A document on a case or a client (modules/documents): stored, downloaded, changed, deleted. */
  'document',
  /** The list of a case's or a client's documents. */
  'documents',
  /** An appointment on a case (modules/appointments). */
  'appointment',
  /** The appointments of a case, read on the case page. */
  'appointments',
  /** A worker's secret agenda-feed address, made or revoked (names no client). */
  'agenda_feed',
] as const;

/** A list view (action `list`): the row names every client the list showed. */
export const AUDIT_LISTS = [
  'case_list',
  'registration_list',
  'my_work',
  'dashboard',
  'team_overview',
  'my_emergency_access',
  'emergency_review',
  'attachment_review',
  'destruction_queue',
  // The beheerder's log of iWmo messages: it shows no client, so its rows name none.
  'iwmo_log',
  /** Mijn taken, or the tasks one gave (modules/tasks). */
  'task_list',
  /** The team leader's open tasks of the team. */
  'team_tasks',
  /** The user's notifications (modules/notifications): the clients they name. */
  'notification_list',
  /** The worker's own agenda (day or week). */
  'agenda',
  /** The team leader's agenda of the team. */
  'team_agenda',
  /** The worker's agenda feed fetched by their calendar program: case references and places, no names. */
  'agenda_feed_read',
] as const;

export type AuditRecord = (typeof AUDIT_RECORDS)[number];
export type AuditList = (typeof AUDIT_LISTS)[number];
export type AuditEntity = AuditRecord | AuditList;

const LISTS: ReadonlySet<string> = new Set<string>(AUDIT_LISTS);
const ALL: ReadonlySet<string> = new Set<string>([...AUDIT_RECORDS, ...AUDIT_LISTS]);

/** A stored entity type that this version knows (older rows may hold one it no longer writes). */
export function isAuditEntity(value: string): value is AuditEntity {
  return ALL.has(value);
}

export function isAuditList(value: string): value is AuditList {
  return LISTS.has(value);
}

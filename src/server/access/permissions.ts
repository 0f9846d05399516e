// Roles and what each may do (function level). Record-level access is in access.policy.ts.
// Every route declares one of these permissions; tests snapshot the table of routes.

export const ROLES = ['medewerker', 'teamleider', 'kwaliteit', 'analist', 'beheerder'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  medewerker: 'Buurtteammedewerker',
  teamleider: 'Teamleider',
  kwaliteit: 'Kwaliteit & privacy',
  analist: 'Analist / gemeente',
  beheerder: 'Beheerder',
};

export const PERMISSIONS = [
  /** Anyone, without a session. */
  'public',
  /** Any logged-in user. */
  'session',
  'clients:read',
  'clients:write',
  'registrations:write',
  'cases:read',
  'cases:write',
  'journal:write',
  /** The team's case list with waiting times and caseload per worker (names of clients included). */
  'team:overview',
  /** Aggregated figures per team: counts and waiting times, never a client. */
  'figures:read',
  'users:manage',
  /** The annual and quarterly report (aggregates only). */
  'reports:read',
  /** Import a registration history in the exchange format. */
  'exchange:import',
  /** Break the glass: open a client outside one's team, with a reason, for a limited time. */
  'emergency:request',
  /** Review the emergency accesses of everyone (kwaliteit). */
  'emergency:review',
  /** Review the attachments of a client to another team (koppelingen) of everyone (kwaliteit). */
  'attachments:review',
  /** Read a client's access log (the record-level rule is in access.policy.ts). */
  'accesslog:read',
  /** File a complaint, objection or incident in the quality registers. */
  'quality:file',
  /** Read and handle the quality registers (kwaliteit: all teams; teamleider: own team). */
  'quality:manage',
  /** The destruction queue: list what is due, confirm or decline, record a client's request. */
  'retention:manage',
  /**
   * The iWmo message traffic with providers (beheerder): the log of messages and the two folders of
   * the message gateway, and running the outbox and the inbox now. Never client data: the answers
   * hold no BSN, name or client id (the messages in the folders do, for the gateway).
   */
  'iwmo:manage',
  /**
   * Tasks and reminders for oneself and the colleagues of one's team (record level: taskScope in
   * access.policy.ts). The tasks of a case are read and made with cases:read and cases:write.
   */
  'tasks:use',
  /** The organisation's own text of the letter templates (Beheer → Brieven). A letter on a case goes with cases:write. */
  'letters:manage',
  /**
   * The own agenda, one's agenda-feed address, and changing an appointment (record level:
   * appointmentScope, the case's). A case's appointments are read and made with cases:read and cases:write.
   */
  'appointments:use',
  /** The agenda of one's own team (teamleider). */
  'appointments:team',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const CASEWORK: Permission[] = [
  'clients:read',
  'clients:write',
  'registrations:write',
  'cases:read',
  'cases:write',
  'journal:write',
  'emergency:request',
  'accesslog:read',
  'quality:file',
  'tasks:use',
  'appointments:use',
];

/**
 * What each role may do. Analysts and administrators see no client at all (need to know).
 * `kwaliteit` holds clients:read and cases:read, but its record scope is empty except for the
 * clients it opened through break-the-glass (access.policy.ts).
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  medewerker: CASEWORK,
  teamleider: [...CASEWORK, 'team:overview', 'figures:read', 'reports:read', 'quality:manage', 'appointments:team'],
  kwaliteit: [
    'clients:read',
    'cases:read',
    'figures:read',
    'reports:read',
    'emergency:request',
    'emergency:review',
    'attachments:review',
    'accesslog:read',
    'quality:file',
    'quality:manage',
    'retention:manage',
  ],
  analist: ['figures:read', 'reports:read'],
  beheerder: ['users:manage', 'figures:read', 'reports:read', 'exchange:import', 'iwmo:manage', 'letters:manage'],
};

/** Roles whose record scope comes from their team (workers and team leaders). */
export function worksInTeam(role: Role): boolean {
  return role === 'medewerker' || role === 'teamleider';
}

export function roleAllows(role: Role, permission: Permission): boolean {
  if (permission === 'public' || permission === 'session') return true;
  return ROLE_PERMISSIONS[role].includes(permission);
}

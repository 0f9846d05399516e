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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const CASEWORK: Permission[] = ['clients:read', 'clients:write', 'registrations:write', 'cases:read', 'cases:write', 'journal:write'];

/** What each role may do. Analysts and administrators see no client at all (need to know). */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  medewerker: CASEWORK,
  teamleider: [...CASEWORK, 'team:overview', 'figures:read', 'reports:read'],
  kwaliteit: ['figures:read', 'reports:read'],
  analist: ['figures:read', 'reports:read'],
  beheerder: ['users:manage', 'figures:read', 'reports:read', 'exchange:import'],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  if (permission === 'public' || permission === 'session') return true;
  return ROLE_PERMISSIONS[role].includes(permission);
}

// What the main navigation holds for a user, and where each role starts. Pure: the shell
// (nav/MainNav.tsx) draws it, the tests read it. A screen shows when the user's permissions give it
// (the same permissions the router's guards check); screens of the team's records also need a team.
import type { Permission } from '../../../server/access/permissions';
import type { Me } from '../../../server/modules/auth/auth.schemas';

export interface NavItem {
  to: string;
  label: string;
  permission: Permission;
  /** Only for users who work in a team (kwaliteit reads cases only through break-the-glass). */
  inTeam?: boolean;
}

export interface NavGroup {
  id: string;
  label: string;
  /** The group's links stand in the bar itself on a wide screen; the others fold into a button. */
  inline?: boolean;
  items: NavItem[];
}

export const NAV_GROUPS: readonly NavGroup[] = [
  {
    id: 'werk',
    label: 'Werk',
    inline: true,
    items: [
      { to: '/mijn-dag', label: 'Mijn dag', permission: 'cases:read', inTeam: true },
      { to: '/mijn-werk', label: 'Mijn werk', permission: 'cases:read', inTeam: true },
      { to: '/taken', label: 'Taken', permission: 'tasks:use', inTeam: true },
      { to: '/agenda', label: 'Agenda', permission: 'appointments:use', inTeam: true },
      { to: '/aanmeldingen', label: 'Aanmeldingen', permission: 'registrations:write' },
      { to: '/aanmeldingen/nieuw', label: 'Nieuwe aanmelding', permission: 'registrations:write' },
      { to: '/clienten', label: 'Cliënten', permission: 'clients:read', inTeam: true },
    ],
  },
  {
    id: 'team',
    label: 'Team',
    inline: true,
    items: [{ to: '/team', label: 'Team', permission: 'team:overview' }],
  },
  {
    id: 'cijfers',
    label: 'Cijfers',
    items: [
      { to: '/cijfers', label: 'Cijfers per team', permission: 'figures:read' },
      { to: '/cijfers/jaarverslag', label: 'Jaarverslag', permission: 'reports:read' },
      { to: '/cijfers/zrm', label: 'ZRM-voortgang', permission: 'reports:read' },
      { to: '/cijfers/uitstroom', label: 'Uitstroom', permission: 'reports:read' },
    ],
  },
  {
    // Privacy work sits here too: the destruction queue is kwaliteit's, as are the reviews.
    id: 'kwaliteit',
    label: 'Kwaliteit en toegang',
    items: [
      { to: '/kwaliteit', label: 'Kwaliteit', permission: 'quality:manage' },
      { to: '/kwaliteit/melden', label: 'Melding doen', permission: 'quality:file' },
      { to: '/noodtoegang', label: 'Noodtoegang', permission: 'emergency:request' },
      { to: '/kwaliteit/toegang', label: 'Toegang beoordelen', permission: 'emergency:review' },
      { to: '/bewaartermijn', label: 'Bewaartermijn en vernietiging', permission: 'retention:manage' },
    ],
  },
  {
    id: 'beheer',
    label: 'Beheer',
    items: [
      { to: '/beheer/iwmo', label: 'iWmo-berichten', permission: 'iwmo:manage' },
      { to: '/beheer/import', label: 'Import', permission: 'exchange:import' },
      { to: '/beheer/brieven', label: 'Brieven', permission: 'letters:manage' },
    ],
  },
];

function shows(me: Pick<Me, 'permissions' | 'team'>, item: NavItem): boolean {
  return me.permissions.includes(item.permission) && (!item.inTeam || !!me.team);
}

/**
 * Where each role starts: a worker on their day; the team leader on the team (waiting times,
 * caseload, what is stuck), which "Mijn dag" of their own few cases does not show; kwaliteit on the
 * quality register; the beheerder on the iWmo messages, the traffic with providers that needs a look
 * every day (an import is a one-off); the analyst on the figures.
 */
export function startPath(me: Pick<Me, 'permissions' | 'team'>): string {
  const can = (permission: Permission) => me.permissions.includes(permission);
  if (can('team:overview') && me.team) return '/team';
  if (can('cases:read') && me.team) return '/mijn-dag';
  if (can('quality:manage')) return '/kwaliteit';
  if (can('iwmo:manage')) return '/beheer/iwmo';
  if (can('figures:read')) return '/cijfers';
  return '/geen-toegang';
}

/**
 * A group as the user sees it: only their items; `inline` also for the group of their start page.
 * The inline groups come first, in the bar and in the phone's drawer alike.
 */
export interface VisibleGroup extends NavGroup {
  inline: boolean;
}

export function navigationFor(me: Pick<Me, 'permissions' | 'team'>): VisibleGroup[] {
  const start = startPath(me);
  const groups = NAV_GROUPS.map((group) => {
    const items = group.items.filter((item) => shows(me, item));
    return { ...group, items, inline: !!group.inline || items.some((item) => item.to === start) };
  }).filter((group) => group.items.length > 0);
  return [...groups.filter((g) => g.inline), ...groups.filter((g) => !g.inline)];
}

/**
 * The item for the current path: the longest `to` that the path is or starts with, so a client's
 * page marks "Cliënten" and a new registration marks "Nieuwe aanmelding", not "Aanmeldingen".
 */
export function currentItem(groups: readonly NavGroup[], pathname: string): NavItem | null {
  let best: NavItem | null = null;
  for (const item of groups.flatMap((g) => g.items)) {
    const matches = pathname === item.to || pathname.startsWith(`${item.to}/`);
    if (matches && (!best || item.to.length > best.to.length)) best = item;
  }
  return best;
}

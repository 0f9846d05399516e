// Every TanStack Query key of the web app, per resource, and what a change refreshes. A key starts
// with its resource, so invalidating a shorter key refreshes everything under it (`work.all`: my
// work, the team overview, the figures and Mijn dag). Invalidating marks cached data as stale and
// refetches only what is on screen, so a change names every view that can show it.
import type { QueryClient, QueryKey } from '@tanstack/react-query';

export const queryKeys = {
  auth: {
    all: ['auth'] as const,
    me: ['auth', 'me'] as const,
    config: ['auth', 'config'] as const,
  },
  reference: ['reference'] as const,

  cases: {
    all: ['cases'] as const,
    detail: (caseId: string) => ['cases', 'detail', caseId] as const,
  },
  workers: (teamId: string | null | undefined) => ['workers', teamId ?? null] as const,
  journal: {
    all: ['journal'] as const,
    ofCase: (caseId: string) => ['journal', 'case', caseId] as const,
    versions: (contactId: string) => ['journal', 'versions', contactId] as const,
  },
  network: {
    ofCase: (caseId: string) => ['network', caseId] as const,
  },
  maatwerk: {
    all: ['maatwerk'] as const,
    ofCase: (caseId: string) => ['maatwerk', caseId] as const,
  },
  letters: {
    templates: ['letters', 'templates'] as const,
  },
  plans: {
    all: ['plans'] as const,
    /** The plan, and under it its comparisons. */
    ofCase: (caseId: string) => ['plans', caseId] as const,
    comparisons: (caseId: string) => ['plans', caseId, 'compare'] as const,
    comparison: (caseId: string, from: number, to: number) => ['plans', caseId, 'compare', from, to] as const,
  },
  zrm: {
    all: ['zrm'] as const,
    ofCase: (caseId: string) => ['zrm', 'case', caseId] as const,
    ofClient: (clientId: string) => ['zrm', 'client', clientId] as const,
  },

  clients: {
    all: ['clients'] as const,
    searches: ['clients', 'search'] as const,
    search: (search: string, ownTeam: boolean) => ['clients', 'search', search, ownTeam] as const,
    /** The header's search box (clients with their open cases). */
    quick: (search: string) => ['clients', 'search', 'kop', search] as const,
    detail: (clientId: string) => ['clients', 'detail', clientId] as const,
  },
  consents: {
    all: ['consents'] as const,
    ofClient: (clientId: string) => ['consents', clientId] as const,
  },
  accessLog: {
    all: ['access-log'] as const,
    page: (clientId: string, page: number) => ['access-log', clientId, page] as const,
  },

  registrations: {
    all: ['registrations'] as const,
    list: (status: string) => ['registrations', 'list', status] as const,
    detail: (registrationId: string) => ['registrations', 'detail', registrationId] as const,
  },
  /** The worker's and team leader's lists: my work, the team overview, the figures, Mijn dag. */
  work: {
    all: ['work'] as const,
    mine: ['work', 'mine'] as const,
    team: ['work', 'team'] as const,
    figures: ['work', 'figures'] as const,
    dashboard: ['work', 'dashboard'] as const,
  },
  reports: {
    all: ['reports'] as const,
    annual: (year: number, quarter: number | null, team: string | null) => ['reports', 'annual', year, quarter, team] as const,
    zrm: (year: number, team: string) => ['reports', 'zrm', year, team] as const,
    flow: (year: number, team: string | null) => ['reports', 'flow', year, team] as const,
  },

  emergency: {
    mine: ['emergency', 'mine'] as const,
    reviews: ['emergency', 'review'] as const,
    review: (status: string) => ['emergency', 'review', status] as const,
  },
  attachments: {
    reviews: ['attachments', 'review'] as const,
    review: (status: string) => ['attachments', 'review', status] as const,
  },
  quality: {
    all: ['quality-reports'] as const,
    lists: ['quality-reports', 'list'] as const,
    list: (filters: Record<string, string | undefined>) => ['quality-reports', 'list', filters] as const,
    detail: (reportId: string) => ['quality-reports', 'detail', reportId] as const,
  },
  retention: {
    all: ['retention'] as const,
    queue: (view: string, offset: number) => ['retention', view, offset] as const,
  },
  exchange: {
    limits: ['exchange', 'limits'] as const,
  },
  /** Tasks: mine or given by me (open or done), the team's open ones, a case's. */
  tasks: {
    all: ['tasks'] as const,
    list: (view: string, status: string) => ['tasks', 'list', view, status] as const,
    team: ['tasks', 'team'] as const,
    ofCase: (caseId: string) => ['tasks', 'case', caseId] as const,
  },
  /** The documents of a case or of a client alone. */
  documents: {
    all: ['documents'] as const,
    ofCase: (caseId: string) => ['documents', 'case', caseId] as const,
    ofClient: (clientId: string) => ['documents', 'client', clientId] as const,
  },
  /** Appointments: a case's, the own agenda and the team's for a period, the feed address. */
  appointments: {
    all: ['appointments'] as const,
    ofCase: (caseId: string) => ['appointments', 'case', caseId] as const,
    agenda: (from: string, to: string) => ['appointments', 'agenda', from, to] as const,
    team: (from: string, to: string) => ['appointments', 'team', from, to] as const,
    feed: ['appointments', 'feed'] as const,
  },
  /** The user's notifications: the count in the header and the pages of the list. */
  notifications: {
    all: ['notifications'] as const,
    unread: ['notifications', 'unread'] as const,
    page: (offset: number) => ['notifications', 'page', offset] as const,
  },
  /** The beheerder's iWmo screen: the message log with the state of the folders. */
  iwmo: {
    all: ['iwmo'] as const,
    messages: (direction: string, outcome: string, offset: number) => ['iwmo', 'messages', direction, outcome, offset] as const,
  },
};

/**
 * What shows a case besides its detail: the lists and Mijn dag (status, lead worker, waiting
 * days), the clients' pages (their cases with status), the ZRM due list (a nulmeting after the
 * first meeting, an eindmeting at closing), the figures of the reports, and the access log (the
 * change is logged).
 */
export function caseViews(): QueryKey[] {
  // Tasks: a case handed to another team takes its tasks out of the lists.
  return [queryKeys.work.all, queryKeys.clients.all, queryKeys.zrm.all, queryKeys.reports.all, queryKeys.accessLog.all, queryKeys.tasks.all];
}

/**
 * The parts of a case's file that follow who its lead worker is (a sensitive journal entry or plan
 * part shows only to its author and the lead worker) or its status (no plan editor on a closed case).
 */
export function caseFileViews(caseId: string): QueryKey[] {
  return [queryKeys.plans.ofCase(caseId), queryKeys.journal.ofCase(caseId)];
}

/** Everything cached about one case, for when the user no longer sees it (handed to another team). */
export function caseCaches(caseId: string): QueryKey[] {
  return [queryKeys.cases.detail(caseId), queryKeys.plans.ofCase(caseId), queryKeys.journal.ofCase(caseId), queryKeys.network.ofCase(caseId), queryKeys.maatwerk.ofCase(caseId), queryKeys.zrm.ofCase(caseId), queryKeys.tasks.ofCase(caseId), queryKeys.appointments.ofCase(caseId)];
}

/** Marks the keys stale and refetches those on screen. */
export function invalidate(queryClient: QueryClient, keys: readonly QueryKey[]): Promise<void> {
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))).then(() => undefined);
}

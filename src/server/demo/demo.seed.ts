// The demo organisation's content on an empty installation: demo accounts, ~2.5 years of synthetic
// case history (generated in synthetic-history.ts), its last weeks of iWmo messages
// (demo-iwmo-log.ts) and the demo medewerker's tasks and notifications (demo-tasks.ts), the team's appointments (demo-appointments.ts), written in one transaction so an interrupted start leaves nothing half-made. Runs on every start and does nothing once any
// account or case exists.
import { todayInNetherlands } from '../lib/dates';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/database';
import { appointments, caseClients, caseEvents, cases, clients, contacts, documentContents, documents, iwmoMessages, notifications, organisations, provisionDecisions, provisionRequests, provisions, registrations, tasks, teams, users, zrmAssessments } from '../db/schema';
import { hashPassword } from '../modules/auth/password';

import { DEMO_LOGINS, generateDemoHistory, type HistoryOptions } from './synthetic-history';
import { demoIwmoLog } from './demo-iwmo-log';
import { demoTasks } from './demo-tasks';
import { demoDocuments } from './demo-documents';
import { demoLetter } from './demo-letters';
import { demoAppointments } from './demo-appointments';

export { DEMO_LOGINS } from './synthetic-history';

export const DEMO_PASSWORD = 'keukentafel-demo';
/** Every fresh install gets the same demo (only the ids differ). */
export const DEMO_SEED = 20_161_231;

/** Rows per insert statement: few round trips, far below PostgreSQL's 65,535 parameters. */
const CHUNK = 500;

export interface DemoResult {
  created: boolean;
  cases: number;
  password: string;
  /** The accounts to log in with; `team` is the team code. */
  users: { role: string; email: string; name: string; team: string | null }[];
}

async function holdsData(db: DbOrTx): Promise<boolean> {
  const [user] = await db.select({ one: sql`1` }).from(users).limit(1);
  if (user) return true;
  const [caseRow] = await db.select({ one: sql`1` }).from(cases).limit(1);
  return !!caseRow;
}

/** Size of a synthetic history: the demo's defaults, or larger for the benchmark's datasets. */
export type HistorySize = Pick<HistoryOptions, 'targetCases' | 'spanDays' | 'workersPerTeam'>;

export interface DemoOptions {
  /** The history's last day; default today in the Netherlands. */
  today?: string;
  size?: HistorySize;
  /** The CBS gemeentecode in the names of the demo's iWmo files (config.gemeentecode). */
  gemeentecode?: string;
}

export async function ensureDemo(db: Db, organisationId: string, { today = todayInNetherlands(), size = {}, gemeentecode = '0344' }: DemoOptions = {}): Promise<DemoResult> {
  const nothing: DemoResult = { created: false, cases: 0, password: DEMO_PASSWORD, users: [] };
  if (await holdsData(db)) return nothing;
  // argon2 is deliberately slow: one hash, shared by every demo account, before the transaction.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return db.transaction(async (tx) => {
    // Two processes starting on one empty server database: the second waits, then finds data.
    await tx.execute(sql`select pg_advisory_xact_lock(7312)`);
    if (await holdsData(tx)) return nothing;

    const teamRows = await tx.select({ id: teams.id, code: teams.code }).from(teams).where(eq(teams.organisationId, organisationId));
    const now = new Date();
    const history = generateDemoHistory({ seed: DEMO_SEED, today, now, teams: teamRows, newId: randomUUID, ...size });
    const iwmoLog = demoIwmoLog(history.provisions, { today, now, gemeentecode, newId: randomUUID });
    const withOrg = <T extends object>(rows: T[]) => rows.map((row) => ({ ...row, organisationId }));
    const insertAll = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
      for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
    };

    await insertAll(history.users, (chunk) =>
      tx.insert(users).values(
        chunk.map((u) => ({ organisationId, id: u.id, email: u.email.toLowerCase(), name: u.name, role: u.role, teamId: u.teamId, passwordHash })),
      ),
    );
    await insertAll(withOrg(history.clients), (chunk) => tx.insert(clients).values(chunk));
    await insertAll(withOrg(history.cases), (chunk) => tx.insert(cases).values(chunk));
    await insertAll(withOrg(history.caseClients), (chunk) => tx.insert(caseClients).values(chunk));
    await insertAll(withOrg(history.registrations), (chunk) => tx.insert(registrations).values(chunk));
    await insertAll(withOrg(history.caseEvents), (chunk) => tx.insert(caseEvents).values(chunk));
    await insertAll(withOrg(history.contacts), (chunk) => tx.insert(contacts).values(chunk));
    await insertAll(withOrg(history.zrm), (chunk) => tx.insert(zrmAssessments).values(chunk));
    await insertAll(withOrg(history.provisionRequests), (chunk) => tx.insert(provisionRequests).values(chunk));
    await insertAll(withOrg(history.provisionDecisions), (chunk) => tx.insert(provisionDecisions).values(chunk));
    await insertAll(withOrg(history.provisions), (chunk) => tx.insert(provisions).values(chunk));
    await insertAll(withOrg(iwmoLog), (chunk) => tx.insert(iwmoMessages).values(chunk));
    const daily = demoTasks(history, { today, now, newId: randomUUID });
    await insertAll(withOrg(daily.tasks), (chunk) => tx.insert(tasks).values(chunk));
    await insertAll(withOrg(daily.notifications), (chunk) => tx.insert(notifications).values(chunk));
    const [organisation] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
    const teamNames = new Map((await tx.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.organisationId, organisationId))).map((t) => [t.id, t.name]));
    const letter = await demoLetter(history, { today, organisation: organisation?.name ?? '', teamNames });
    const papers = demoDocuments(history, { today, now, newId: randomUUID, more: letter ? [letter] : [] });
    await insertAll(withOrg(papers.documents), (chunk) => tx.insert(documents).values(chunk));
    await insertAll(withOrg(papers.contents), (chunk) => tx.insert(documentContents).values(chunk));
    const agenda = demoAppointments(history, { today, now, newId: randomUUID, seed: DEMO_SEED });
    await insertAll(withOrg(agenda), (chunk) => tx.insert(appointments).values(chunk));

    return {
      created: true,
      cases: history.cases.length,
      password: DEMO_PASSWORD,
      users: DEMO_LOGINS.map((login) => {
        const user = history.users.find((u) => u.email === login.email)!;
        return { role: user.role, email: user.email, name: user.name, team: user.teamCode };
      }),
    };
  });
}

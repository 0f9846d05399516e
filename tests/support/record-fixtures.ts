// Fixture records per relation for the generated authorisation and fuzz tests: a client with a case,
// a journal entry, an untriaged registration, a network member and a saved plan, made through the
// API by a worker of team A ('own team') or team B ('other team', 'break the glass', where the
// callers who can (medewerker, teamleider, kwaliteit) then open the client through break-the-glass,
// and 'attached', where team B also records a consent, a disclosure and a ZRM assessment and a
// colleague of team A then attaches the client with a registration of team A); and for 'no
// relation' a client no team holds, a team nobody works in, and ids that do not exist.
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { roleAllows, ROLES, type Role } from '../../src/server/access/permissions';
import { cases, clients, contacts, networkMembers, plans, registrations, teams, users } from '../../src/server/db/schema';
import { todayInNetherlands } from '../../src/server/lib/dates';
import { findOrganisationId } from '../../src/server/modules/reference/reference.service';
import type { Registration } from '../../src/server/modules/registrations/registrations.schemas';
import { TEAM_A, TEAM_B, TEST_USERS, type TestUser } from './fixtures';
import { openCase } from './open-case';
import { CALLER_USER, unknownId, urlFor, type Fixture, type Relation, type RoutePolicy } from './route-policy';
import { loginByEmail, type Session, type TestApp } from './test-app';

export interface FixtureFactory {
  /** New records for the relation (each call its own client, case, ...). */
  create(relation: Relation): Promise<Fixture>;
  /** Re-reads the versions of the fixture's records, so a body names the current one. */
  refresh(f: Fixture): Promise<void>;
  /** The worker of the records' team, who can bring them into a state ('no relation': none). */
  owner(relation: Relation): Session | null;
  /** Every record id of the fixture and the records made for it (`make`), for a fingerprint of the rows about them. */
  recordIds(f: Fixture): string[];
  /**
   * A new user of the role, in the team of the role's fixture user, with the test password, logged
   * in: a stand-in for a call that changes the caller's own account (`ownAccount`).
   */
  standIn(role: Role): Promise<Session & { userId: string }>;
  userId(user: TestUser): string;
  /** A valid call of the route on the fixture: current versions, the route's own record made (`make`). */
  callOn(route: { method: string; url: string }, policy: RoutePolicy, f: Fixture): Promise<{ url: string; body: unknown; madeId?: string }>;
}

/** A different surname per fixture (letters only: the name search treats digits as a BSN or date). */
function surname(n: number): string {
  let letters = '';
  for (let i = n; i >= 0; i = Math.floor(i / 26) - 1) letters = String.fromCharCode(97 + (i % 26)) + letters;
  return `Geheim${letters}`;
}

export async function fixtureFactory(t: TestApp): Promise<FixtureFactory> {
  const db = t.database.db;
  const organisationId = (await findOrganisationId(db))!;
  const owners = { 'own team': await t.login('workerA'), 'other team': await t.login('workerB') };
  const userRows = await db.select({ id: users.id, email: users.email }).from(users);
  const userId = (user: TestUser) => userRows.find((u) => u.email === TEST_USERS[user].email)!.id;
  const teamRows = await db.select({ id: teams.id, code: teams.code }).from(teams).where(eq(teams.organisationId, organisationId));
  const teamOf = (code: string) => teamRows.find((r) => r.code === code)!.id;
  const occupied = (await db.select({ teamId: users.teamId }).from(users)).map((u) => u.teamId).filter((id): id is string => !!id);
  const [elsewhere, empty] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.organisationId, organisationId), notInArray(teams.id, occupied)))
    .orderBy(teams.code)
    .limit(2);
  const today = todayInNetherlands();
  let made = 0;

  async function throughApi(owner: Session, relation: Relation, team: string, colleague: TestUser): Promise<Fixture> {
    const lastName = surname(made++);
    const { clientId, caseId } = await openCase(owner, { client: { firstName: 'Truus', lastName, birthDate: '1960-06-06' }, question: 'Vertrouwelijke vraag' });
    const contact = await owner.post<{ id: string }>(`/api/v1/cases/${caseId}/contacts`, { contactOn: today, kind: 'telefoon', note: 'Geheim gesprek' });
    const untriaged = await owner.post<Registration>('/api/v1/registrations', { clientId, registeredOn: today, referrerCode: 'huisarts', question: 'Tweede vraag' });
    const member = await owner.post<{ id: string }>(`/api/v1/cases/${caseId}/network`, { name: 'Buurvrouw', kind: 'neighbour' });
    const plan = await owner.put<{ version: number }>(`/api/v1/cases/${caseId}/plan`, { content: { domains: [{ domain: 'financien', goal: 'Overzicht in de post' }] }, baseVersion: 0 });
    return {
      relation,
      team: { id: teamOf(team) },
      client: { id: clientId, lastName, version: 1 },
      case: { id: caseId, version: 1 },
      contact: { id: contact.id, version: 1 },
      registration: { id: untriaged.id, version: 1 },
      networkMember: { id: member.id, version: 1 },
      plan: { version: plan.version },
      leadWorkerId: userId(owner.user),
      colleagueId: userId(colleague),
      elsewhereTeamId: elsewhere!.id,
      otherTeamTraces: [],
    };
  }

  async function unrelated(): Promise<Fixture> {
    const lastName = surname(made++);
    const [client] = await db.insert(clients).values({ organisationId, firstName: 'Truus', lastName, birthDate: '1960-06-06' }).returning({ id: clients.id });
    return {
      relation: 'no relation',
      team: { id: empty!.id },
      client: { id: client!.id, lastName, version: 1 },
      case: { id: unknownId(), version: 1 },
      contact: { id: unknownId(), version: 1 },
      registration: { id: unknownId(), version: 1 },
      networkMember: { id: unknownId(), version: 1 },
      plan: { version: 1 },
      leadWorkerId: null,
      colleagueId: unknownId(),
      elsewhereTeamId: elsewhere!.id,
      otherTeamTraces: [],
    };
  }

  async function versionOf(table: typeof clients | typeof cases | typeof contacts | typeof registrations | typeof networkMembers, id: string, fallback: number) {
    const [row] = await db.select({ version: table.version }).from(table).where(and(eq(table.organisationId, organisationId), eq(table.id, id)));
    return row?.version ?? fallback;
  }

  const logins = new Map<TestUser, Session>();
  async function as(user: TestUser): Promise<Session> {
    if (!logins.has(user)) logins.set(user, await t.login(user));
    return logins.get(user)!;
  }

  async function refresh(f: Fixture) {
    f.client.version = await versionOf(clients, f.client.id, f.client.version);
    f.case.version = await versionOf(cases, f.case.id, f.case.version);
    f.contact.version = await versionOf(contacts, f.contact.id, f.contact.version);
    f.registration.version = await versionOf(registrations, f.registration.id, f.registration.version);
    f.networkMember.version = await versionOf(networkMembers, f.networkMember.id, f.networkMember.version);
    const [plan] = await db.select({ version: plans.currentVersion }).from(plans).where(and(eq(plans.organisationId, organisationId), inArray(plans.caseId, [f.case.id])));
    f.plan.version = plan?.version ?? f.plan.version;
  }

  const owner = (relation: Relation) => (relation === 'no relation' ? null : owners[relation === 'own team' ? 'own team' : 'other team']);

  /** Team B's records, opened through break-the-glass by every caller whose role may do that. */
  async function opened(): Promise<Fixture> {
    const f = await throughApi(owners['other team'], 'break the glass', TEAM_B, 'workerB');
    for (const role of ROLES.filter((r) => roleAllows(r, 'emergency:request'))) {
      await (await as(CALLER_USER[role])).post('/api/v1/emergency-access', { clientId: f.client.id, reason: 'Crisis in het weekend, het eigen team is niet bereikbaar' });
    }
    return f;
  }

  /**
   * Team B's records with a consent, a disclosure and a ZRM assessment of its own, whose client a
   * colleague of the callers in team A then attaches (last name and birth date, a reason) with a
   * registration of team A, triaged at once. kwaliteit has not reviewed the attach.
   */
  async function attached(): Promise<Fixture> {
    const b = owners['other team'];
    const f = await throughApi(b, 'attached', TEAM_B, 'workerB');
    const n = made;
    const consentName = `Huisarts van team B ${n}`;
    const reasoning = `Melding van team B aan Veilig Thuis ${n}`;
    await b.post(`/api/v1/clients/${f.client.id}/consents`, { recipientKind: 'huisarts', recipientName: consentName, dataShared: 'Medicatie', purpose: 'Afstemming', validFrom: today, givenHow: 'mondeling' });
    await b.post(`/api/v1/clients/${f.client.id}/disclosures`, { recipient: 'Veilig Thuis', dataShared: 'Zorgen', ground: 'meldrecht', reasoning, disclosedOn: today, caseId: f.case.id });
    await b.post(`/api/v1/cases/${f.case.id}/zrm`, { clientId: f.client.id, assessedOn: today, type: 'nul', scores: { financien: 2 } });
    const attach = { lastName: f.client.lastName, birthDate: '1960-06-06', reason: 'De bewoner meldt zich bij ons team met een nieuwe vraag' };
    const colleague = await as('workerA2');
    const ours = await colleague.post<Registration>('/api/v1/registrations', { attach, registeredOn: today, referrerCode: 'zelfmelder', question: 'Nieuwe vraag bij team A' });
    // Triaged at once (referred to the social base), so only team B's registration waits: the
    // destruction queue refuses a client with a waiting registration.
    await colleague.post(`/api/v1/registrations/${ours.id}/triage`, { outcome: 'social_base', advice: 'Het buurthuis', version: ours.version });
    return { ...f, otherTeamTraces: [f.case.id, f.contact.id, f.registration.id, f.networkMember.id, consentName, reasoning] };
  }

  let outsiderSession: Promise<Session> | undefined;
  /** A worker of the team where cases can go (`elsewhere`), made once: none of the callers works there. */
  function outsider(): Promise<Session> {
    outsiderSession ??= (async () => {
      const model = userRows.find((u) => u.email === TEST_USERS.workerB.email)!;
      const [found] = await db.select().from(users).where(eq(users.id, model.id));
      const email = 'buitenstaander@test.nl';
      await db.insert(users).values({ organisationId, email, name: 'Bo Buitenstaander', role: 'medewerker', teamId: elsewhere!.id, passwordHash: found!.passwordHash });
      return loginByEmail(t.app, email, 'workerB');
    })();
    return outsiderSession;
  }

  const madeFor = new Map<string, Set<string>>();
  let standIns = 0;
  async function standIn(role: Role): Promise<Session & { userId: string }> {
    const model = userRows.find((u) => u.email === TEST_USERS[CALLER_USER[role]].email)!;
    const [found] = await db.select().from(users).where(eq(users.id, model.id));
    const email = `invaller.${++standIns}@test.nl`;
    const [made] = await db
      .insert(users)
      .values({ organisationId, email, name: `Invaller ${standIns}`, role, teamId: found!.teamId, passwordHash: found!.passwordHash })
      .returning({ id: users.id });
    return { ...(await loginByEmail(t.app, email, CALLER_USER[role])), userId: made!.id };
  }

  return {
    create: (relation) =>
      relation === 'own team'
        ? throughApi(owners['own team'], relation, TEAM_A, 'workerA2')
        : relation === 'other team'
          ? throughApi(owners['other team'], relation, TEAM_B, 'workerB')
          : relation === 'break the glass'
            ? opened()
            : relation === 'attached'
              ? attached()
              : unrelated(),
    refresh,
    owner,
    recordIds: (f) => [f.client.id, f.case.id, f.contact.id, f.registration.id, f.networkMember.id, ...(madeFor.get(f.client.id) ?? [])],
    userId,
    standIn,
    callOn: async (route, policy, f) => {
      await refresh(f);
      const madeId = policy.make ? await policy.make({ owner: owner(f.relation), as, outsider, db, organisationId }, f) : undefined;
      if (madeId) madeFor.set(f.client.id, (madeFor.get(f.client.id) ?? new Set()).add(madeId));
      return { url: urlFor(route, policy, f, madeId), body: policy.body?.(f), madeId };
    },
  };
}

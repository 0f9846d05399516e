// The one way to change a versioned record (src/server/db/versioned-change.ts), on a real database:
// 404 when the scoped find has nothing, 409 on a stale version (before the service decides),
// otherwise the decision written with version + 1 (and updatedAt where the table has it) and one
// audit row with the diff, about the client or, for a case's file, the case's main client.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { auditLog, caseClients, cases, clients, consents, users } from '../../src/server/db/schema';
import type { Actor } from '../../src/server/access/actor';
import { changeVersioned, lockAtVersion } from '../../src/server/db/versioned-change';
import { Conflict, Invalid, NotFound } from '../../src/server/lib/errors';
import { findOrganisationId } from '../../src/server/modules/reference/reference.service';
import { TEAM_A, TEST_USERS, teamId } from '../support/fixtures';
import { openTestDatabase } from '../support/test-app';

let database: Database;
let drop: () => Promise<void>;
let actor: Actor;
const LONG_AGO = new Date('2020-01-01T00:00:00Z');

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  const organisationId = (await findOrganisationId(database.db))!;
  const [anna] = await database.db.select().from(users).where(eq(users.email, TEST_USERS.workerA.email));
  actor = { organisationId, userId: anna!.id, role: 'medewerker', teamId: await teamId(database.db, TEAM_A), name: anna!.name, emergencyClientIds: [] };
});
afterAll(async () => drop());

async function newClient(lastName: string) {
  // Changed long ago, so a write that forgot updatedAt shows.
  const [row] = await database.db.insert(clients).values({ organisationId: actor.organisationId, firstName: 'Test', lastName, updatedAt: LONG_AGO }).returning();
  return row!;
}

const clientRow = (id: string) => database.db.select().from(clients).where(and(eq(clients.organisationId, actor.organisationId), eq(clients.id, id))).then((rows) => rows[0]!);
const auditRows = (entityId: string) => database.db.select().from(auditLog).where(and(eq(auditLog.organisationId, actor.organisationId), eq(auditLog.entityId, entityId)));

/** A change of a client's last name, as a service would write it, with the lock query and version given. */
function renameClient(id: string, version: number, lastName: string, decided: string[] = []) {
  return database.db.transaction((tx) =>
    changeVersioned(tx, actor, {
      table: clients,
      find: async () => (await tx.select().from(clients).where(and(eq(clients.organisationId, actor.organisationId), eq(clients.id, id))).for('update'))[0],
      notFound: 'Cliënt niet gevonden',
      version,
      conflict: 'Iemand anders heeft deze cliënt intussen gewijzigd.',
      decide: (before) => {
        decided.push(before.lastName);
        if (lastName === '') throw new Invalid([{ path: 'lastName', message: 'Vul een achternaam in' }]);
        return { set: { lastName } };
      },
      audit: (before) => ({ entityType: 'client', entityId: before.id, clientId: before.id }),
    }),
  );
}

describe('changeVersioned', () => {
  it('answers NotFound with the service\u2019s message when the scoped find has nothing, and writes nothing', async () => {
    const decided: string[] = [];
    const missing = '00000000-0000-4000-8000-000000000000';
    const error = await renameClient(missing, 1, 'Anders', decided).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFound);
    expect((error as NotFound).message).toBe('Cliënt niet gevonden');
    expect(decided).toEqual([]);
    expect(await auditRows(missing)).toEqual([]);
  });

  it('answers Conflict on a version the user read before someone changed it, before the service decides, and writes nothing', async () => {
    const client = await newClient('Oud');
    await renameClient(client.id, 1, 'Eerst');
    const decided: string[] = [];
    const error = await renameClient(client.id, 1, 'Overschreven', decided).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).message).toBe('Iemand anders heeft deze cliënt intussen gewijzigd.');
    expect(decided).toEqual([]);
    const row = await clientRow(client.id);
    expect({ lastName: row.lastName, version: row.version }).toEqual({ lastName: 'Eerst', version: 2 });
    expect(await auditRows(client.id)).toHaveLength(1);
  });

  it('writes the decision with version + 1 and updatedAt, and one audit row with the diff of the decided columns', async () => {
    const client = await newClient('Jansen');
    const result = await renameClient(client.id, 1, 'Janssen');
    expect(result.before.version).toBe(1);
    expect(result.after).toMatchObject({ id: client.id, lastName: 'Janssen', version: 2 });
    expect(result.after.updatedAt.getTime()).toBeGreaterThan(LONG_AGO.getTime());
    expect(await clientRow(client.id)).toMatchObject({ lastName: 'Janssen', version: 2 });
    const [row, ...more] = await auditRows(client.id);
    expect(more).toEqual([]);
    expect(row).toMatchObject({ action: 'update', entityType: 'client', clientId: client.id, actorId: actor.userId, outcome: 'success', changes: { from: { lastName: 'Jansen' }, to: { lastName: 'Janssen' } } });
  });

  it('leaves the row and the log as they were when the service refuses the change', async () => {
    const client = await newClient('Blijft');
    await expect(renameClient(client.id, 1, '')).rejects.toBeInstanceOf(Invalid);
    expect(await clientRow(client.id)).toMatchObject({ lastName: 'Blijft', version: 1 });
    expect(await auditRows(client.id)).toEqual([]);
  });

  it('names a case\u2019s main client in the row about its file, and takes the service\u2019s own action and changes', async () => {
    const client = await newClient('Hoofd');
    const db = database.db;
    const [caseRow] = await db.insert(cases).values({ organisationId: actor.organisationId, teamId: actor.teamId!, status: 'registered', registeredOn: '2024-01-01', referrerCode: 'zelfmelder' }).returning();
    await db.insert(caseClients).values({ organisationId: actor.organisationId, caseId: caseRow!.id, clientId: client.id, role: 'hoofdclient' });
    const { after, decision } = await db.transaction((tx) =>
      changeVersioned(tx, actor, {
        table: cases,
        find: async () => (await tx.select().from(cases).where(and(eq(cases.organisationId, actor.organisationId), eq(cases.id, caseRow!.id))).for('update'))[0],
        notFound: 'Casus niet gevonden',
        version: 1,
        conflict: 'Iemand anders heeft deze casus intussen gewijzigd.',
        decide: () => ({ set: { question: 'Schulden' }, note: 'meegegeven' }),
        audit: (before, d) => ({ entityType: 'case', entityId: before.id, caseId: before.id, changes: { to: { question: d.set.question }, note: d.note } }),
      }),
    );
    expect(after).toMatchObject({ question: 'Schulden', version: 2 });
    expect(decision.note).toBe('meegegeven');
    expect(await auditRows(caseRow!.id)).toEqual([expect.objectContaining({ action: 'update', entityType: 'case', clientId: client.id, changes: { to: { question: 'Schulden' }, note: 'meegegeven' } })]);
  });

  it('writes a table without updatedAt too', async () => {
    const client = await newClient('Toestemming');
    const db = database.db;
    const [consent] = await db
      .insert(consents)
      .values({ organisationId: actor.organisationId, clientId: client.id, teamId: actor.teamId, recipientKind: 'huisarts', recipientName: 'Huisarts', dataShared: 'x', purpose: 'y', validFrom: '2024-01-01', givenHow: 'mondeling', recordedBy: actor.userId })
      .returning();
    const { after } = await db.transaction((tx) =>
      changeVersioned(tx, actor, {
        table: consents,
        find: async () => (await tx.select().from(consents).where(and(eq(consents.organisationId, actor.organisationId), eq(consents.id, consent!.id))).for('update'))[0],
        notFound: 'Toestemming niet gevonden',
        version: 1,
        conflict: 'Iemand anders heeft deze toestemming intussen gewijzigd.',
        decide: () => ({ set: { withdrawnOn: '2024-02-01', withdrawnBy: actor.userId } }),
        audit: (before) => ({ action: 'update', entityType: 'consent', entityId: before.id, clientId: before.clientId }),
      }),
    );
    expect(after).toMatchObject({ withdrawnOn: '2024-02-01', version: 2 });
    expect(await auditRows(consent!.id)).toEqual([
      expect.objectContaining({ entityType: 'consent', clientId: client.id, changes: { from: { withdrawnOn: null, withdrawnBy: null }, to: { withdrawnOn: '2024-02-01', withdrawnBy: actor.userId } } }),
    ]);
  });
});

describe('lockAtVersion', () => {
  it('returns the locked row at the version read, else NotFound or Conflict with the messages given', async () => {
    const check = { notFound: 'Niet gevonden in het netwerk', version: 2, conflict: 'Iemand anders heeft dit intussen gewijzigd.' };
    await expect(lockAtVersion(async () => ({ version: 2, name: 'Opa' }), check)).resolves.toEqual({ version: 2, name: 'Opa' });
    await expect(lockAtVersion(async () => null, check)).rejects.toThrow(new NotFound('Niet gevonden in het netwerk'));
    await expect(lockAtVersion(async () => ({ version: 3 }), check)).rejects.toThrow(new Conflict('Iemand anders heeft dit intussen gewijzigd.'));
  });
});

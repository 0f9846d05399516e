// The iWmo message flow on a real database: toewijzingen made through the API go out as WMO301 per
// client and provider (new, extended, ended, voided; nothing twice), and the providers' 305, 307,
// 315 and 302 come back in: delivery on the toewijzing, a request on the case, retour codes, and
// files that cannot be read put aside with their error, the others processed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, iwmoMessages, organisations, provisions } from '../../src/server/db/schema';
import { addDays, todayInNetherlands } from '../../src/server/lib/dates';
import type { CaseMaatwerk, Provision } from '../../src/server/modules/maatwerk/maatwerk.schemas';
import { checkStructure } from '../../src/server/modules/maatwerk/iwmo/iwmo-structure';
import { parseXml, type XmlElement } from '../../src/server/modules/maatwerk/iwmo/iwmo-xml';
import { valueAt } from '../../src/server/modules/maatwerk/iwmo/test-fixtures';
import { writeOutbox, type OutboxResult } from '../../src/server/modules/maatwerk/iwmo-flow/iwmo-outbox.service';
import { readInbox } from '../../src/server/modules/maatwerk/iwmo-flow/iwmo-inbox.service';
import { changedTables, fingerprint } from '../support/db-fingerprint';
import { openCase } from '../support/open-case';
import { createTestApp, type Session, type TestApp } from '../support/test-app';
import { PROVIDER_CODES, providerMessage, startProducts } from '../support/iwmo-provider';

const GEMEENTE = '0344';
const CAREYN = '98000006';
const LISTER = '98000015';
const WIM_BSN = '999900018';
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

let t: TestApp;
let anna: Session;
let organisationId = '';
const today = todayInNetherlands();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iwmo-flow-'));
const outbox = path.join(tmp, 'uit');
const inbox = path.join(tmp, 'in');
const retour = path.join(tmp, 'retour');
let wim = { caseId: '', clientId: '' };

beforeAll(async () => {
  t = await createTestApp();
  anna = await t.login('workerA');
  [{ id: organisationId }] = await t.database.db.select({ id: organisations.id }).from(organisations);
  const opened = await openCase(anna, {
    client: { firstName: 'Wim', lastName: 'van der Berg', birthDate: '1950-03-04', bsn: WIM_BSN, gender: 'm', street: 'Biltstraat', houseNumber: '12a', postcode: '3572 AB', city: 'Utrecht', phone: '030-1234567' },
  });
  wim = { caseId: opened.caseId, clientId: opened.clientId };
  fs.mkdirSync(inbox, { recursive: true });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

// ---- helpers ------------------------------------------------------------------------------

const outboxRun = (options: { xsdDir?: string } = {}) => writeOutbox(t.database.db, organisationId, outbox, { gemeentecode: GEMEENTE, ...options });
const inboxRun = () => readInbox(t.database.db, organisationId, inbox, retour, { gemeentecode: GEMEENTE });

/** A researched and granted request on the case: the decision's id. */
async function decision(caseId: string, clientId: string, asked: string): Promise<string> {
  const made = await anna.post<CaseMaatwerk>(`/api/v1/cases/${caseId}/provision-requests`, { clientId, requestedOn: addDays(today, -30), asked, requestedBy: 'client' });
  const id = made.requests.find((r) => r.asked === asked)!.id;
  await anna.post(`/api/v1/provision-requests/${id}/research`, { researchReportedOn: addDays(today, -20), researchReport: 'Nodig', version: 1 });
  const decided = await anna.post<CaseMaatwerk>(`/api/v1/provision-requests/${id}/decision`, { decidedOn: addDays(today, -15), outcome: 'toegekend', reasons: 'Nodig', version: 2 });
  return decided.requests.find((r) => r.id === id)!.decision!.id;
}

async function assign(caseId: string, clientId: string, asked: string, fields: Record<string, unknown>): Promise<Provision> {
  const decisionId = await decision(caseId, clientId, asked);
  const answer = await anna.post<CaseMaatwerk>(`/api/v1/provision-decisions/${decisionId}/provisions`, {
    startOn: addDays(today, -10),
    endOn: addDays(today, 90),
    volume: 3,
    unit: '04',
    frequency: '2',
    ...fields,
  });
  return answer.provisions.find((p) => p.decisionId === decisionId)!;
}

const maatwerk = (caseId = wim.caseId) => anna.get<CaseMaatwerk>(`/api/v1/cases/${caseId}/maatwerk`);
const provisionById = async (id: string) => (await maatwerk()).provisions.find((p) => p.id === id)!;
const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
const xmlFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.xml')).sort() : []);

/** The ToegewezenProducten of a 301 by number: Ingangsdatum, Einddatum, RedenWijziging. */
function assignmentsOf(xml: string): Map<number, { start?: string; end?: string; reason?: string; on?: string; at?: string }> {
  const root = parseXml(xml);
  const list = root.children.find((c) => c.name === 'Client')!.children.find((c) => c.name === 'ToegewezenProducten')!.children;
  const text = (el: XmlElement, name: string) => el.children.find((c) => c.name === name)?.text;
  return new Map(
    list.map((el) => [
      Number(text(el, 'ToewijzingNummer')),
      { start: text(el, 'Ingangsdatum'), end: text(el, 'Einddatum'), reason: text(el, 'RedenWijziging'), on: text(el, 'Toewijzingsdatum'), at: text(el, 'Toewijzingstijd') },
    ]),
  );
}

const written = (result: OutboxResult, agb: string) => result.written.find((w) => w.providerAgb === agb && w.clientId === wim.clientId);

/** An incoming heen message from a provider (Wim van der Berg, at Careyn, unless said otherwise). */
function heen(n: '305' | '307' | '315', id: string, body: string, { bsn = WIM_BSN, agb = CAREYN, code = PROVIDER_CODES[n] as string, date = today } = {}): string {
  return providerMessage(n, { id, sender: agb, receiver: GEMEENTE, date, bsn, surname: 'Berg', prefix: 'van der', code }, body);
}
const starts = startProducts;
const stops = (...records: { number: number; begin: string; reason: string; end: string }[]) =>
  `\n    <wmo307:StopProducten>${records
    .map(
      (r) => `
      <wmo307:StopProduct>
        <wmo307:ToewijzingNummer>${r.number}</wmo307:ToewijzingNummer>
        <wmo307:Begindatum>${r.begin}</wmo307:Begindatum>
        <wmo307:RedenBeeindiging>${r.reason}</wmo307:RedenBeeindiging>
        <wmo307:Einddatum>${r.end}</wmo307:Einddatum>
        <wmo307:StatusAanlevering>1</wmo307:StatusAanlevering>
      </wmo307:StopProduct>`,
    )
    .join('')}
    </wmo307:StopProducten>`;
const requested = (...records: { reference: string; category: string; code?: string }[]) =>
  `
    <wmo315:Commentaar>Graag snel</wmo315:Commentaar>
    <wmo315:AangevraagdeProducten>${records
      .map(
        (r) => `
      <wmo315:AangevraagdProduct>
        <wmo315:ReferentieAanbieder>${r.reference}</wmo315:ReferentieAanbieder>
        <wmo315:Product>
          <iwmo:Categorie>${r.category}</iwmo:Categorie>${r.code ? `\n          <iwmo:Code>${r.code}</iwmo:Code>` : ''}
        </wmo315:Product>
        <wmo315:ToewijzingIngangsdatum>${addDays(today, 10)}</wmo315:ToewijzingIngangsdatum>
        <wmo315:ToewijzingEinddatum>${addDays(today, 200)}</wmo315:ToewijzingEinddatum>
        <wmo315:Omvang>
          <iwmo:Volume>4</iwmo:Volume>
          <iwmo:Eenheid>04</iwmo:Eenheid>
          <iwmo:Frequentie>2</iwmo:Frequentie>
        </wmo315:Omvang>
        <wmo315:Verwijzer>
          <iwmo:Type>02</iwmo:Type>
          <iwmo:ZorgverlenerCode>01234567</iwmo:ZorgverlenerCode>
        </wmo315:Verwijzer>
      </wmo315:AangevraagdProduct>`,
      )
      .join('')}
    </wmo315:AangevraagdeProducten>`;

const put = (file: string, text: string) => fs.writeFileSync(path.join(inbox, file), text);

/** The retour file's tree and the RetourCodes of its records (StartProduct, StopProduct, AangevraagdProduct). */
function retourOf(file: string) {
  const xml = read(retour, file);
  const root = parseXml(xml);
  const client = root.children.find((c) => c.name === 'Client');
  const header = root.children.find((c) => c.name === 'Header')!;
  const codes = (el: XmlElement | undefined) => el?.children.find((c) => c.name === 'RetourCodes')?.children.map((c) => c.text) ?? [];
  const list = client?.children.find((c) => c.name.endsWith('Producten'));
  return { xml, root, client, headerCodes: codes(header), recordCodes: list?.children.map(codes) ?? [] };
}

// ---- the outbox ---------------------------------------------------------------------------

let hbh: Provision;
let begeleiding: Provision;
let dagbesteding: Provision;
let vervoer: Provision;
let firstRun: OutboxResult;

describe('the outbox', () => {
  it('writes one 301 per client and provider, with every new toewijzing, valid and uniquely identified', async () => {
    hbh = await assign(wim.caseId, wim.clientId, 'Huishouden', { category: 'hbh', product: 'hbh', provider: 'Careyn' });
    dagbesteding = await assign(wim.caseId, wim.clientId, 'Dagbesteding', { category: 'dagbesteding', product: 'dagbegeleiding', provider: 'Careyn', endOn: addDays(today, 30) });
    vervoer = await assign(wim.caseId, wim.clientId, 'Vervoer', { category: 'vervoer', product: 'vervoer_dag', provider: 'Careyn' });
    begeleiding = await assign(wim.caseId, wim.clientId, 'Begeleiding', { category: 'begeleiding', product: 'iab_klein', provider: 'Lister' });
    // A pgb is never sent.
    await assign(wim.caseId, wim.clientId, 'Budget', { category: 'pgb', product: 'pgb', provider: 'Careyn', volume: null, unit: null, frequency: null, budgetCents: 100_000 });

    firstRun = await outboxRun();
    expect(firstRun.skipped).toEqual([]);
    expect(firstRun.written.map((w) => [w.providerAgb, w.assignments])).toEqual(
      expect.arrayContaining([
        [CAREYN, [hbh.assignmentNumber, dagbesteding.assignmentNumber, vervoer.assignmentNumber].sort((a, b) => a! - b!)],
        [LISTER, [begeleiding.assignmentNumber]],
      ]),
    );
    expect(firstRun.written).toHaveLength(2);
    expect(new Set(firstRun.written.map((w) => w.messageId)).size).toBe(2);
    expect(xmlFiles(outbox)).toEqual(firstRun.written.map((w) => w.file).sort());

    const careyn = read(outbox, written(firstRun, CAREYN)!.file);
    expect(checkStructure('301', careyn)).toEqual([]);
    const tree = parseXml(careyn);
    expect(valueAt(tree, 'Header/Afzender')).toBe(GEMEENTE);
    expect(valueAt(tree, 'Header/Ontvanger')).toBe(CAREYN);
    expect(valueAt(tree, 'Header/BerichtIdentificatie/Identificatie')).toBe(written(firstRun, CAREYN)!.messageId);
    expect(valueAt(tree, 'Header/BerichtIdentificatie/Identificatie')!.length).toBeLessThanOrEqual(12);
    expect(valueAt(tree, 'Client/Bsn')).toBe(WIM_BSN);
    expect(valueAt(tree, 'Client/Naam/Geslachtsnaam/Achternaam')).toBe('Berg');
    expect(valueAt(tree, 'Client/Naam/Geslachtsnaam/Voorvoegsel')).toBe('van der');
    expect(valueAt(tree, 'Client/Contactgegevens/Contact/Adres/Postcode')).toBe('3572AB');
    expect(valueAt(tree, 'Client/Contactgegevens/Contact/Adres/Huis/Huisletter')).toBe('a');
    const products = assignmentsOf(careyn);
    expect(products.get(hbh.assignmentNumber!)).toMatchObject({ start: hbh.startOn, end: hbh.endOn, reason: undefined, on: today });
    expect(products.get(hbh.assignmentNumber!)!.at).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(valueAt(tree, 'Client/ToegewezenProducten/ToegewezenProduct/Product/Categorie')).toBe('01');
    expect(valueAt(tree, 'Client/ToegewezenProducten/ToegewezenProduct/Product/Code')).toBe('01A01');
    expect(checkStructure('301', read(outbox, written(firstRun, LISTER)!.file))).toEqual([]);
  });

  it('logs each message as an export about the client, by the command line', async () => {
    const rows = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'iwmo_message'), eq(auditLog.action, 'export')));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ clientId: wim.clientId, actorId: null, onBehalfOf: 'opdrachtregel', outcome: 'success' });
    const messages = await t.database.db.select().from(iwmoMessages).where(eq(iwmoMessages.kind, '301'));
    expect(messages.map((m) => m.outcome)).toEqual(['geschreven', 'geschreven']);
  });

  it('writes nothing on a second run', async () => {
    const again = await outboxRun();
    expect(again).toEqual({ written: [], skipped: [] });
    expect(xmlFiles(outbox)).toHaveLength(2);
  });

  it('sends the changes of one provider again, with all current toewijzingen: an extension as one chain, an early end, a void with 13', async () => {
    const extended = await anna.post<CaseMaatwerk>(`/api/v1/provisions/${dagbesteding.id}/extension`, { endOn: addDays(today, 120), version: 1 });
    const extension = extended.provisions.find((p) => p.extendsProvisionId === dagbesteding.id)!;
    await anna.post(`/api/v1/provisions/${hbh.id}/end`, { endOn: addDays(today, 20), reason: '05', version: 1 });
    await anna.post(`/api/v1/provisions/${vervoer.id}/void`, { reason: 'Bij de verkeerde aanbieder ingevoerd', version: 1 });

    const run = await outboxRun();
    expect(run.skipped).toEqual([]);
    // Lister's toewijzing did not change: no message to Lister.
    expect(run.written.map((w) => w.providerAgb)).toEqual([CAREYN]);
    const xml = read(outbox, run.written[0]!.file);
    expect(checkStructure('301', xml)).toEqual([]);
    expect(run.written[0]!.messageId).not.toBe(written(firstRun, CAREYN)!.messageId);
    const products = assignmentsOf(xml);
    expect([...products.keys()].sort()).toEqual([hbh.assignmentNumber, dagbesteding.assignmentNumber, vervoer.assignmentNumber].sort());
    expect(products.get(dagbesteding.assignmentNumber!)).toMatchObject({ start: dagbesteding.startOn, end: extension.endOn, reason: '04' });
    expect(products.get(hbh.assignmentNumber!)).toMatchObject({ start: hbh.startOn, end: addDays(today, 20), reason: '05' });
    expect(products.get(vervoer.assignmentNumber!)).toMatchObject({ start: vervoer.startOn, end: vervoer.startOn, reason: '13' });

    // Undoing the extension sends the chain's earlier end; the voided one, unchanged and no longer current, stays out.
    await anna.post(`/api/v1/provisions/${extension.id}/void`, { reason: 'Verlenging per vergissing', version: 1 });
    const undone = await outboxRun();
    const products2 = assignmentsOf(read(outbox, undone.written[0]!.file));
    expect([...products2.keys()].sort()).toEqual([hbh.assignmentNumber, dagbesteding.assignmentNumber].sort());
    expect(products2.get(dagbesteding.assignmentNumber!)).toMatchObject({ end: dagbesteding.endOn, reason: '14' });
    expect((await outboxRun()).written).toEqual([]);
  });

  it('does not send a toewijzing voided before any 301 carried it', async () => {
    const mistake = await assign(wim.caseId, wim.clientId, 'Per vergissing', { category: 'hbh', product: 'hbh', provider: 'Careyn' });
    await anna.post(`/api/v1/provisions/${mistake.id}/void`, { reason: 'Dubbel ingevoerd', version: 1 });
    expect(await outboxRun()).toEqual({ written: [], skipped: [] });
    const [row] = await t.database.db.select().from(provisions).where(eq(provisions.id, mistake.id));
    expect(row!.sentVersion).toBe(row!.version);
  });

  it('skips a client without BSN with a Dutch message, and sends once the BSN is there', async () => {
    const karel = await openCase(anna, { client: { firstName: 'Karel', lastName: 'Zonder', birthDate: '1960-01-01', street: 'Oudegracht', houseNumber: '1', postcode: '3511 AA', city: 'Utrecht' } });
    await assign(karel.caseId, karel.clientId, 'Huishouden Karel', { category: 'hbh', product: 'hbh', provider: 'Careyn' });
    const run = await outboxRun();
    expect(run.written).toEqual([]);
    expect(run.skipped).toHaveLength(1);
    expect(run.skipped[0]!.reason).toMatch(/^Karel Zonder: de toewijzingen \d+ aan Careyn zijn niet verstuurd, want van de cliënt ontbreekt een geldig BSN\. Vul dit aan; bij een volgende uitvoer gaan ze alsnog mee\.$/);
    // Left unsent: the next run says it again.
    expect((await outboxRun()).skipped).toHaveLength(1);

    const client = await anna.get<{ version: number } & Record<string, unknown>>(`/api/v1/clients/${karel.clientId}`);
    await anna.put(`/api/v1/clients/${karel.clientId}`, { firstName: 'Karel', lastName: 'Zonder', birthDate: '1960-01-01', bsn: '999900031', street: 'Oudegracht', houseNumber: '1', postcode: '3511 AA', city: 'Utrecht', version: client.version });
    const sent = await outboxRun();
    expect(sent.skipped).toEqual([]);
    expect(sent.written.map((w) => w.clientId)).toEqual([karel.clientId]);
  });

  it('serialises two runs at once: a change goes out once', async () => {
    await anna.post(`/api/v1/provisions/${begeleiding.id}/end`, { endOn: addDays(today, 40), reason: '05', version: 1 });
    const [a, b] = await Promise.all([outboxRun(), outboxRun()]);
    expect([...a.written, ...b.written].map((w) => w.providerAgb)).toEqual([LISTER]);
  });

  it.skipIf(!hasXmllint)('validates against the XSDs when a folder is set: a message that fails is not written and is reported', async () => {
    const xsdDir = path.join(tmp, 'xsd');
    fs.mkdirSync(xsdDir, { recursive: true });
    // A stand-in WMO301.xsd whose root is another element: every 301 fails it.
    fs.writeFileSync(
      path.join(xsdDir, 'WMO301.xsd'),
      `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.istandaarden.nl/iwmo/3_2/wmo301/schema" elementFormDefault="qualified">
  <xs:element name="Anders" type="xs:string"/>
</xs:schema>
`,
    );
    await anna.post(`/api/v1/provisions/${begeleiding.id}/end`, { endOn: addDays(today, 35), reason: '05', version: 2 });
    const before = xmlFiles(outbox);
    const refused = await outboxRun({ xsdDir });
    expect(refused.written).toEqual([]);
    expect(refused.skipped[0]!.reason).toMatch(/voldoet niet aan het XSD/);
    expect(xmlFiles(outbox)).toEqual(before);
    expect((await outboxRun()).written.map((w) => w.providerAgb)).toEqual([LISTER]);
  });
});

// ---- the inbox ----------------------------------------------------------------------------

describe('the inbox', () => {
  it('records a start (305) on the toewijzing and answers with a header-only 306', async () => {
    put('a-start.xml', heen('305', 'S1', starts({ number: hbh.assignmentNumber!, begin: addDays(today, -3) })));
    const result = await inboxRun();
    expect(result.refused).toBe(0);
    expect(result.files).toEqual([expect.objectContaining({ file: 'a-start.xml', kind: '305', status: 'verwerkt', retourCodes: [] })]);
    expect((await provisionById(hbh.id)).deliveryStartedOn).toBe(addDays(today, -3));
    const answer = retourOf(result.files[0]!.retourFile!);
    expect(checkStructure('306', answer.xml)).toEqual([]);
    expect(answer.client).toBeUndefined();
    expect(answer.headerCodes).toEqual([]);
    expect(valueAt(answer.root, 'Header/Afzender')).toBe(CAREYN);
    expect(fs.existsSync(path.join(inbox, 'verwerkt', 'a-start.xml'))).toBe(true);
    expect(xmlFiles(inbox)).toEqual([]);
    const [logged] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'provision'), eq(auditLog.entityId, hbh.id), eq(auditLog.onBehalfOf, 'opdrachtregel')));
    expect(logged).toMatchObject({ action: 'update', actorId: null, clientId: wim.clientId, changes: { from: { deliveryStartedOn: null }, to: { deliveryStartedOn: addDays(today, -3) } } });
  });

  it('does not make the next outbox run send the toewijzing again', async () => {
    expect((await outboxRun()).written).toEqual([]);
  });

  it('answers an unknown ToewijzingNummer with 9019 on that record, and changes nothing', async () => {
    const before = await fingerprint(t.database.db, { mentioning: [wim.clientId] });
    put('b-unknown.xml', heen('305', 'S2', starts({ number: dagbesteding.assignmentNumber!, begin: addDays(today, -2) }, { number: 999_999, begin: addDays(today, -2) })));
    const [file] = (await inboxRun()).files;
    expect(file).toMatchObject({ status: 'verwerkt', retourCodes: ['9019'] });
    expect(file!.summary).toMatch(/StartProduct 2: 9019/);
    const answer = retourOf(file!.retourFile!);
    expect(checkStructure('306', answer.xml)).toEqual([]);
    expect(answer.headerCodes).toEqual(['0200']);
    expect(answer.recordCodes).toEqual([['0200'], ['9019']]);
    // Any error rejects the whole message (IV032): the first start is not recorded either.
    expect((await provisionById(dagbesteding.id)).deliveryStartedOn).toBeNull();
    expect(changedTables(before, await fingerprint(t.database.db, { mentioning: [wim.clientId] }))).toEqual(['iwmo_messages']);
  });

  it('records a stop (307) with its reason', async () => {
    put('c-stop.xml', heen('307', 'E1', stops({ number: hbh.assignmentNumber!, begin: addDays(today, -3), reason: '19', end: addDays(today, -1) })));
    const [file] = (await inboxRun()).files;
    expect(file).toMatchObject({ kind: '307', status: 'verwerkt', retourCodes: [] });
    expect(await provisionById(hbh.id)).toMatchObject({ deliveryStartedOn: addDays(today, -3), deliveryEndedOn: addDays(today, -1), deliveryEndReason: '19' });
    expect(checkStructure('308', read(retour, file!.retourFile!))).toEqual([]);
  });

  it("puts a verzoek om toewijzing (315) as a request on the client's case, and refuses a repeated reference (9347)", async () => {
    put('d-verzoek.xml', heen('315', 'V1', requested({ reference: 'VOT-1', category: '02', code: '02A02' })));
    const [file] = (await inboxRun()).files;
    expect(file).toMatchObject({ kind: '315', status: 'verwerkt', retourCodes: [] });
    const request = (await maatwerk()).requests.find((r) => r.requestedBy === 'aanbieder')!;
    expect(request).toMatchObject({ clientId: wim.clientId, status: 'open', category: 'begeleiding', providerAgb: CAREYN, requestedOn: today });
    expect(request.asked).toContain('Verzoek om toewijzing van Careyn (AGB 98000006), referentie VOT-1');
    expect(request.asked).toContain('Individuele ambulante begeleiding kleine aanbieders');
    expect(request.asked).toContain('4 uur per week');
    expect(retourOf(file!.retourFile!).client).toBeUndefined();

    put('e-verzoek.xml', heen('315', 'V2', requested({ reference: 'VOT-2', category: '07' }, { reference: 'VOT-1', category: '02' })));
    const [again] = (await inboxRun()).files;
    expect(again!.retourCodes).toEqual(['9347']);
    const answer = retourOf(again!.retourFile!);
    expect(checkStructure('316', answer.xml)).toEqual([]);
    expect(answer.recordCodes).toEqual([['0200'], ['9347']]);
    expect((await maatwerk()).requests.filter((r) => r.requestedBy === 'aanbieder')).toHaveLength(1);
  });

  it('answers a 315 about someone who is not a client with 8187 on each product', async () => {
    put('f-onbekend.xml', heen('315', 'V3', requested({ reference: 'VOT-3', category: '01' }), { bsn: '999900055' }));
    const [file] = (await inboxRun()).files;
    expect(file!.retourCodes).toEqual(['8187']);
    expect(retourOf(file!.retourFile!).recordCodes).toEqual([['8187']]);
  });

  it('moves files that cannot be read to rejected/ with the error naming file and element, and processes the others', async () => {
    put('g1-kapot.xml', heen('305', 'S10', starts({ number: dagbesteding.assignmentNumber!, begin: addDays(today, -1) })).replace('</wmo305:Client>', ''));
    put('g2-code.xml', heen('305', 'S11', starts({ number: dagbesteding.assignmentNumber!, begin: addDays(today, -1) }), { code: '420' }));
    put('g3-datum.xml', heen('305', 'S12', starts({ number: dagbesteding.assignmentNumber!, begin: '2025-02-30' })));
    put('g4-goed.xml', heen('305', 'S13', starts({ number: dagbesteding.assignmentNumber!, begin: addDays(today, -1) })));
    const result = await inboxRun();
    expect(result.refused).toBe(3);
    expect(result.files.map((f) => [f.file, f.status])).toEqual([
      ['g1-kapot.xml', 'afgekeurd'],
      ['g2-code.xml', 'afgekeurd'],
      ['g3-datum.xml', 'afgekeurd'],
      ['g4-goed.xml', 'verwerkt'],
    ]);
    const rejected = path.join(inbox, 'rejected');
    for (const name of ['g1-kapot.xml', 'g2-code.xml', 'g3-datum.xml']) expect(fs.existsSync(path.join(rejected, name))).toBe(true);
    expect(read(rejected, 'g1-kapot.xml.fout.txt')).toMatch(/^bestand g1-kapot\.xml, element Bericht\/Client[^:]*: /);
    expect(read(rejected, 'g2-code.xml.fout.txt')).toMatch(/^bestand g2-code\.xml, element Bericht\/Header\/BerichtCode: berichtcode 420 hoort bij WMO307/);
    expect(read(rejected, 'g3-datum.xml.fout.txt')).toMatch(/^bestand g3-datum\.xml, element Bericht\/Client\/StartProducten\/StartProduct\[1\]\/Begindatum: /);
    // Only the client part was wrong: the provider gets the Header back with 0001 (IV028 level 2).
    expect(result.files[2]!.retourCodes).toEqual(['0001']);
    expect(retourOf(result.files[2]!.retourFile!).headerCodes).toEqual(['0001']);
    expect(result.files[0]!.retourFile).toBeNull();
    expect((await provisionById(dagbesteding.id)).deliveryStartedOn).toBe(addDays(today, -1));
    const refusedRows = await t.database.db.select().from(iwmoMessages).where(eq(iwmoMessages.outcome, 'afgekeurd'));
    expect(refusedRows.map((r) => r.fileName).sort()).toEqual(['g1-kapot.xml', 'g2-code.xml', 'g3-datum.xml']);
    expect(refusedRows.find((r) => r.fileName === 'g2-code.xml')!.error).toContain('element Bericht/Header/BerichtCode');
  });

  it('reads the same file a second time without changing anything, and answers it with the same retour', async () => {
    const text = heen('305', 'S20', starts({ number: vervoer.assignmentNumber!, begin: addDays(today, -1) }));
    put('h-twee.xml', text);
    const [first] = (await inboxRun()).files;
    expect(first!.retourCodes).toEqual(['9019']); // vervoer was voided
    const retourText = read(retour, first!.retourFile!);
    const before = await fingerprint(t.database.db);
    put('h-twee.xml', text);
    const [second] = (await inboxRun()).files;
    expect(second).toMatchObject({ repeated: true, status: 'verwerkt', retourFile: first!.retourFile, retourCodes: ['9019'] });
    expect(changedTables(before, await fingerprint(t.database.db))).toEqual([]);
    expect(read(retour, second!.retourFile!)).toBe(retourText);
    expect(fs.existsSync(path.join(inbox, 'verwerkt', 'h-twee-2.xml'))).toBe(true);

    // Another file with an identification used before: the Header with 9056 (TR056), nothing else.
    put('h-drie.xml', heen('305', 'S20', starts({ number: dagbesteding.assignmentNumber!, begin: addDays(today, -1), status: '3' })));
    const [reused] = (await inboxRun()).files;
    expect(reused!.retourCodes).toEqual(['9056']);
    expect(retourOf(reused!.retourFile!).client).toBeUndefined();
    expect((await provisionById(dagbesteding.id)).deliveryStartedOn).toBe(addDays(today, -1));
  });

  it("stores a 302's retour codes on our 301, and a rejecting 302 makes its toewijzingen go again", async () => {
    const [sent] = await t.database.db.select().from(iwmoMessages).where(and(eq(iwmoMessages.kind, '301'), eq(iwmoMessages.providerAgb, LISTER))).orderBy(iwmoMessages.sequence);
    const retour302 = (codes: string) => `<?xml version="1.0" encoding="UTF-8"?>
<wmo302:Bericht xmlns:iwmo="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema" xmlns:wmo302="http://www.istandaarden.nl/iwmo/3_2/wmo302/schema">
  <wmo302:Header>
    <wmo302:BerichtCode>415</wmo302:BerichtCode>
    <wmo302:BerichtVersie>3</wmo302:BerichtVersie>
    <wmo302:BerichtSubversie>2</wmo302:BerichtSubversie>
    <wmo302:Afzender>${GEMEENTE}</wmo302:Afzender>
    <wmo302:Ontvanger>${LISTER}</wmo302:Ontvanger>
    <wmo302:BerichtIdentificatie>
      <iwmo:Identificatie>${sent!.messageId}</iwmo:Identificatie>
      <iwmo:Dagtekening>${sent!.messageDate}</iwmo:Dagtekening>
    </wmo302:BerichtIdentificatie>
    <wmo302:XsdVersie>
      <iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie>
      <iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>
    </wmo302:XsdVersie>
    <wmo302:IdentificatieRetour>R${codes || 'OK'}</wmo302:IdentificatieRetour>
    <wmo302:DagtekeningRetour>${today}</wmo302:DagtekeningRetour>
    <wmo302:XsdVersieRetour>
      <iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie>
      <iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>
    </wmo302:XsdVersieRetour>${codes ? `\n    <wmo302:RetourCodes>\n      <wmo302:RetourCode>${codes}</wmo302:RetourCode>\n    </wmo302:RetourCodes>` : ''}
  </wmo302:Header>
</wmo302:Bericht>
`;
    put('i-retour.xml', retour302(''));
    const [accepted] = (await inboxRun()).files;
    expect(accepted).toMatchObject({ kind: '302', status: 'verwerkt', retourFile: null, retourCodes: [] });
    const [afterAccept] = await t.database.db.select().from(iwmoMessages).where(eq(iwmoMessages.id, sent!.id));
    expect(afterAccept!.retourCodes).toMatchObject({ header: [], accepted: true });
    expect((await outboxRun()).written).toEqual([]);

    put('j-retour.xml', retour302('S300'));
    const [rejected] = (await inboxRun()).files;
    expect(rejected!.retourCodes).toEqual(['S300']);
    expect(rejected!.summary).toMatch(/afgewezen.*opnieuw mee/);
    const [afterReject] = await t.database.db.select().from(iwmoMessages).where(eq(iwmoMessages.id, sent!.id));
    expect(afterReject!.retourCodes).toMatchObject({ header: ['S300'], accepted: false });
    const resent = await outboxRun();
    expect(resent.written.map((w) => [w.providerAgb, w.assignments])).toEqual([[LISTER, [begeleiding.assignmentNumber]]]);

    // A 302 on a 301 that was never sent cannot be placed.
    put('k-retour.xml', retour302('').replace(`<iwmo:Identificatie>${sent!.messageId}</iwmo:Identificatie>`, '<iwmo:Identificatie>999999999999</iwmo:Identificatie>'));
    const [unknown] = (await inboxRun()).files;
    expect(unknown).toMatchObject({ status: 'afgekeurd' });
    expect(unknown!.error).toContain('element Bericht/Header/BerichtIdentificatie/Identificatie: er is geen WMO301 met identificatie 999999999999');
  });
});

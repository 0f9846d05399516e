// Writes the organisation's history in the exchange format: the same six files, rows ordered by
// id, except zrm.csv, which is in the order the assessments were recorded (that order decides
// between assessments of one day, and an import records the file's order). So export → import
// into an empty installation → export gives identical files.
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { caseClients, cases, clients, contacts, provisions, teams, zrmAssessments } from '../../db/schema';
import { writeCsv } from './csv';
import { FILE_COLUMNS } from './exchange-format';
import type { ExchangeFile } from './exchange.schemas';

/** Code-point order, the same on every machine (no locale). */
const byFirst = (a: string[], b: string[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
};

const text = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));
const yesNo = (value: boolean | null) => (value === null ? '' : value ? 'ja' : 'nee');

export async function exportHistory(db: DbOrTx, organisationId: string, zrmDomains: string[]): Promise<Record<ExchangeFile, string>> {
  const exported = (row: { id: string; externalId: string | null }) => row.externalId ?? row.id;
  const teamCode = new Map((await db.select({ id: teams.id, code: teams.code }).from(teams).where(eq(teams.organisationId, organisationId))).map((t) => [t.id, t.code]));

  const clientRows = await db.select().from(clients).where(eq(clients.organisationId, organisationId));
  const clientId = new Map(clientRows.map((c) => [c.id, exported(c)]));
  const caseRows = await db.select().from(cases).where(eq(cases.organisationId, organisationId));
  const caseId = new Map(caseRows.map((c) => [c.id, exported(c)]));
  const linkRows = await db.select().from(caseClients).where(eq(caseClients.organisationId, organisationId));
  const zrmRows = await db.select().from(zrmAssessments).where(eq(zrmAssessments.organisationId, organisationId)).orderBy(asc(zrmAssessments.recordedOrder));
  const provisionRows = await db.select().from(provisions).where(eq(provisions.organisationId, organisationId));
  const provisionId = new Map(provisionRows.map((p) => [p.id, exported(p)]));
  const contactRows = await db.select().from(contacts).where(eq(contacts.organisationId, organisationId));

  const file = (name: ExchangeFile, rows: string[][], columns: readonly string[] = FILE_COLUMNS[name]) => writeCsv(columns, name === 'zrm.csv' ? rows : rows.sort(byFirst));
  return {
    'clients.csv': file(
      'clients.csv',
      clientRows.map((c) => [exported(c), text(c.bsn), text(c.birthDate), text(c.gender), text(c.postcode)]),
    ),
    'cases.csv': file(
      'cases.csv',
      caseRows.map((c) => [
        exported(c),
        teamCode.get(c.teamId)!,
        c.registeredOn,
        c.referrerCode,
        text(c.firstMeetingOn),
        text(c.firstMeetingLocation),
        text(c.closedOn),
        c.closeReasons.join(';'),
        c.closeOutcomes.join(';'),
        text(c.satisfactionScore),
        yesNo(c.canContinueAlone),
      ]),
    ),
    'case_clients.csv': file(
      'case_clients.csv',
      linkRows.map((l) => [caseId.get(l.caseId)!, clientId.get(l.clientId)!, l.role]),
    ),
    'zrm.csv': file(
      'zrm.csv',
      zrmRows.map((z) => [
        exported(z),
        caseId.get(z.caseId)!,
        clientId.get(z.clientId)!,
        z.assessedOn,
        // Old registrations without a type are stored as onbekend and written back empty.
        z.type === 'onbekend' ? '' : z.type,
        ...zrmDomains.map((d) => text(z.scores[d])),
      ]),
      [...FILE_COLUMNS['zrm.csv'], ...zrmDomains],
    ),
    'provisions.csv': file(
      'provisions.csv',
      provisionRows.map((p) => [
        exported(p),
        caseId.get(p.caseId)!,
        clientId.get(p.clientId)!,
        p.category,
        p.product,
        p.provider,
        p.startOn,
        text(p.endOn),
        p.extendsProvisionId ? provisionId.get(p.extendsProvisionId)! : '',
        yesNo(p.voided),
      ]),
    ),
    'contacts.csv': file(
      'contacts.csv',
      contactRows.map((c) => [exported(c), caseId.get(c.caseId)!, c.contactOn, c.kind, text(c.minutes)]),
    ),
  };
}

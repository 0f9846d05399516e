// Writes a validated history into the organisation in one transaction: rows are matched on their
// source ids (external_id; for rows that were made in Keukentafel itself, the exported id is the
// internal id), new rows are inserted, changed rows updated, unchanged rows left alone, so the same
// folder imported twice changes nothing.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/database';
import { caseClients, cases, clients, contacts, provisions, teams, zrmAssessments } from '../../db/schema';
import { writeAudit } from '../../audit/audit.writer';
import type { History } from './exchange-format';
import type { ExchangeFile } from './exchange.schemas';

export interface FileCounts {
  file: ExchangeFile;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

export type ProgressListener = (counts: FileCounts, milliseconds: number) => void;

const BATCH = 1000;

/** Existing rows by their exported id: external_id, or the internal id where there is none. */
function byExportedId<T extends { id: string; externalId: string | null }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.externalId ?? row.id, row]));
}

/** JSON with object keys sorted: jsonb hands objects back in its own key order. */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Compares the imported fields with the stored ones; unchanged rows are not written. */
function sameFields(stored: Record<string, unknown>, incoming: Record<string, unknown>): boolean {
  return Object.keys(incoming).every((key) => canonical(stored[key]) === canonical(incoming[key]));
}

interface Planned<V> {
  id: string;
  values: V;
  isNew: boolean;
}

/**
 * Decides per incoming row whether it is new, changed or unchanged, and gives every row its
 * internal id (existing, or a new one).
 */
function plan<S extends { id: string; externalId: string | null }, V extends Record<string, unknown>>(
  incoming: { sourceId: string; values: V }[],
  existing: Map<string, S>,
  file: ExchangeFile,
  newId: (sourceId: string) => string = () => randomUUID(),
): { rows: Planned<V>[]; idOf: Map<string, string>; counts: FileCounts } {
  const counts: FileCounts = { file, rows: incoming.length, created: 0, updated: 0, unchanged: 0 };
  const idOf = new Map<string, string>();
  const rows: Planned<V>[] = [];
  for (const { sourceId, values } of incoming) {
    const stored = existing.get(sourceId);
    if (!stored) {
      const id = newId(sourceId);
      idOf.set(sourceId, id);
      rows.push({ id, values, isNew: true });
      counts.created++;
    } else {
      idOf.set(sourceId, stored.id);
      if (sameFields(stored, values)) counts.unchanged++;
      else {
        rows.push({ id: stored.id, values, isNew: false });
        counts.updated++;
      }
    }
  }
  return { rows, idOf, counts };
}

/** `excluded.<column>` for every imported column: an upsert on the primary key writes them all. */
function excludedSet(columns: PgColumn[], extra: Record<string, SQL> = {}): Record<string, SQL> {
  const set: Record<string, SQL> = { ...extra };
  for (const column of columns) set[toKey(column)] = sql.raw(`excluded."${column.name}"`);
  return set;
}

function toKey(column: PgColumn): string {
  // Drizzle's set() takes the property name; the schema uses camelCase properties for snake_case columns.
  return column.name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

async function upsert<V extends Record<string, unknown>>(
  tx: Tx,
  table: typeof clients | typeof cases | typeof contacts | typeof zrmAssessments | typeof provisions,
  organisationId: string,
  rows: Planned<V>[],
  externalIds: Map<string, string>,
  columns: PgColumn[],
  extra: Record<string, SQL> = {},
) {
  const reverse = new Map([...externalIds].map(([source, id]) => [id, source]));
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH).map((row) => ({
      organisationId,
      id: row.id,
      // A row made in Keukentafel keeps external_id null: its exported id is its own id.
      ...(row.isNew ? { externalId: reverse.get(row.id) ?? null } : {}),
      ...row.values,
    }));
    await tx
      .insert(table)
      .values(chunk as never)
      .onConflictDoUpdate({ target: [table.organisationId, table.id], set: excludedSet(columns, extra) });
  }
}

export async function importHistory(db: Db, organisationId: string, history: History, options: { userId: string | null; onProgress?: ProgressListener }): Promise<FileCounts[]> {
  return db.transaction(async (tx) => {
    const results: FileCounts[] = [];
    let started = performance.now();
    const done = (counts: FileCounts) => {
      results.push(counts);
      options.onProgress?.(counts, performance.now() - started);
      started = performance.now();
    };
    const teamIds = new Map((await tx.select({ id: teams.id, code: teams.code }).from(teams).where(eq(teams.organisationId, organisationId))).map((t) => [t.code, t.id]));

    // clients.csv
    const storedClients = byExportedId(
      await tx
        .select({ id: clients.id, externalId: clients.externalId, bsn: clients.bsn, birthDate: clients.birthDate, gender: clients.gender, postcode: clients.postcode, destroyedAt: clients.destroyedAt })
        .from(clients)
        .where(eq(clients.organisationId, organisationId)),
    );
    const clientPlan = plan(
      history.clients.map((c) => {
        // A client whose personal data were destroyed (retention) stays destroyed: an old file does not bring them back.
        const destroyed = storedClients.get(c.id)?.destroyedAt;
        return { sourceId: c.id, values: destroyed ? { bsn: null, birthDate: null, gender: null, postcode: null } : { bsn: c.bsn, birthDate: c.birthDate, gender: c.gender, postcode: c.postcode } };
      }),
      storedClients,
      'clients.csv',
    );
    await upsert(tx, clients, organisationId, clientPlan.rows, clientPlan.idOf, [clients.bsn, clients.birthDate, clients.gender, clients.postcode], {
      version: sql`${clients.version} + 1`,
      updatedAt: sql`now()`,
    });
    done(clientPlan.counts);
    const clientId = (sourceId: string) => clientPlan.idOf.get(sourceId)!;

    // cases.csv
    const storedCases = byExportedId(await tx.select().from(cases).where(eq(cases.organisationId, organisationId)));
    const casePlan = plan(
      history.cases.map((c) => {
        const stored = storedCases.get(c.id);
        // A running case keeps the finer status it has in Keukentafel (first meeting held / running).
        const openStatus = stored && (stored.status === 'first_meeting' || stored.status === 'running') ? stored.status : 'running';
        return {
          sourceId: c.id,
          values: {
            teamId: teamIds.get(c.teamCode)!,
            registeredOn: c.registeredOn,
            referrerCode: c.referrer,
            firstMeetingOn: c.firstMeetingOn,
            firstMeetingLocation: c.firstMeetingLocation,
            closedOn: c.closedOn,
            closeReasons: c.closeReasons,
            closeOutcomes: c.closeOutcomes,
            satisfactionScore: c.satisfactionScore,
            canContinueAlone: c.canContinueAlone,
            status: c.closedOn ? 'closed' : c.firstMeetingOn ? openStatus : 'registered',
          },
        };
      }),
      storedCases,
      'cases.csv',
    );
    await upsert(
      tx,
      cases,
      organisationId,
      casePlan.rows,
      casePlan.idOf,
      [cases.teamId, cases.registeredOn, cases.referrerCode, cases.firstMeetingOn, cases.firstMeetingLocation, cases.closedOn, cases.closeReasons, cases.closeOutcomes, cases.satisfactionScore, cases.canContinueAlone, cases.status],
      { version: sql`${cases.version} + 1`, updatedAt: sql`now()` },
    );
    done(casePlan.counts);
    const caseId = (sourceId: string) => casePlan.idOf.get(sourceId)!;

    // case_clients.csv: the file gives the whole household of each case it names.
    const wanted = new Map<string, Map<string, string>>();
    for (const link of history.caseClients) {
      const members = wanted.get(caseId(link.caseId)) ?? new Map<string, string>();
      members.set(clientId(link.clientId), link.role);
      wanted.set(caseId(link.caseId), members);
    }
    const linkCounts: FileCounts = { file: 'case_clients.csv', rows: history.caseClients.length, created: 0, updated: 0, unchanged: 0 };
    const storedLinks = new Map<string, Map<string, string>>();
    for (const link of await tx.select().from(caseClients).where(eq(caseClients.organisationId, organisationId))) {
      const members = storedLinks.get(link.caseId) ?? new Map<string, string>();
      members.set(link.clientId, link.role);
      storedLinks.set(link.caseId, members);
    }
    const rewrite: string[] = [];
    for (const [id, members] of wanted) {
      const stored = storedLinks.get(id) ?? new Map<string, string>();
      let differs = stored.size !== members.size;
      for (const [client, role] of members) {
        const before = stored.get(client);
        if (before === undefined) linkCounts.created++;
        else if (before !== role) linkCounts.updated++;
        else linkCounts.unchanged++;
        if (before !== role) differs = true;
      }
      if (differs) rewrite.push(id);
    }
    for (let i = 0; i < rewrite.length; i += BATCH) {
      const ids = rewrite.slice(i, i + BATCH);
      await tx.delete(caseClients).where(and(eq(caseClients.organisationId, organisationId), inArray(caseClients.caseId, ids)));
      await tx.insert(caseClients).values(ids.flatMap((id) => [...wanted.get(id)!].map(([client, role]) => ({ organisationId, caseId: id, clientId: client, role }))));
    }
    done(linkCounts);

    // zrm.csv: new rows are inserted in the file's order (plan keeps it, one multi-row insert per
    // batch), so the identity recorded_order numbers them in that order; it decides between
    // assessments of one day (ZRM report) and orders the export. A row already stored keeps its place.
    const storedZrm = byExportedId(await tx.select().from(zrmAssessments).where(eq(zrmAssessments.organisationId, organisationId)));
    const zrmPlan = plan(
      history.zrm.map((z) => ({ sourceId: z.id, values: { caseId: caseId(z.caseId), clientId: clientId(z.clientId), assessedOn: z.assessedOn, type: z.type, scores: z.scores } })),
      storedZrm,
      'zrm.csv',
    );
    await upsert(tx, zrmAssessments, organisationId, zrmPlan.rows, zrmPlan.idOf, [zrmAssessments.caseId, zrmAssessments.clientId, zrmAssessments.assessedOn, zrmAssessments.type, zrmAssessments.scores]);
    done(zrmPlan.counts);

    // provisions.csv: ids are settled first, so an extension can point at a provision of the same
    // file; rows are then written base before extension, as the foreign key needs.
    const storedProvisions = byExportedId(await tx.select().from(provisions).where(eq(provisions.organisationId, organisationId)));
    const provisionIds = new Map<string, string>(history.provisions.map((p) => [p.id, storedProvisions.get(p.id)?.id ?? randomUUID()]));
    const provisionPlan = plan(
      history.provisions.map((p) => ({
        sourceId: p.id,
        values: {
          caseId: caseId(p.caseId),
          clientId: clientId(p.clientId),
          category: p.category,
          product: p.product,
          provider: p.provider,
          startOn: p.startOn,
          endOn: p.endOn,
          extendsProvisionId: p.extendsId ? provisionIds.get(p.extendsId)! : null,
          voided: p.voided,
        },
      })),
      storedProvisions,
      'provisions.csv',
      (sourceId) => provisionIds.get(sourceId)!,
    );
    const toWrite = new Map(provisionPlan.rows.map((row) => [row.id, row]));
    const depth = new Map<string, number>();
    const depthOf = (id: string): number => {
      let d = depth.get(id);
      if (d === undefined) {
        const base = toWrite.get(id)!.values.extendsProvisionId;
        d = base && toWrite.has(base) ? depthOf(base) + 1 : 0;
        depth.set(id, d);
      }
      return d;
    };
    const levels = new Map<number, Planned<(typeof provisionPlan.rows)[number]['values']>[]>();
    for (const row of provisionPlan.rows) {
      const level = levels.get(depthOf(row.id)) ?? [];
      level.push(row);
      levels.set(depthOf(row.id), level);
    }
    for (const level of [...levels.keys()].sort((a, b) => a - b)) {
      await upsert(tx, provisions, organisationId, levels.get(level)!, provisionPlan.idOf, [
        provisions.caseId,
        provisions.clientId,
        provisions.category,
        provisions.product,
        provisions.provider,
        provisions.startOn,
        provisions.endOn,
        provisions.extendsProvisionId,
        provisions.voided,
      ]);
    }
    done(provisionPlan.counts);

    // contacts.csv
    const storedContacts = byExportedId(
      await tx
        .select({ id: contacts.id, externalId: contacts.externalId, caseId: contacts.caseId, contactOn: contacts.contactOn, kind: contacts.kind, minutes: contacts.minutes })
        .from(contacts)
        .where(eq(contacts.organisationId, organisationId)),
    );
    const contactPlan = plan(
      history.contacts.map((c) => ({ sourceId: c.id, values: { caseId: caseId(c.caseId), contactOn: c.contactOn, kind: c.kind, minutes: c.minutes } })),
      storedContacts,
      'contacts.csv',
    );
    await upsert(tx, contacts, organisationId, contactPlan.rows, contactPlan.idOf, [contacts.caseId, contacts.contactOn, contacts.kind, contacts.minutes], {
      version: sql`${contacts.version} + 1`,
      updatedAt: sql`now()`,
    });
    done(contactPlan.counts);

    await writeAudit(tx, { organisationId, userId: options.userId }, { action: 'import', entityType: 'history', changes: { files: results } });
    return results;
  });
}

// The organisation and its reference data (teams, code lists from codes.json), created idempotently.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from '../../db/database';
import { codes, organisations, teams } from '../../db/schema';
import { NotFound } from '../../lib/errors';
import codesFile from './codes.json' with { type: 'json' };
import type { Reference } from './reference.schemas';

export const DEFAULT_ORGANISATION = { code: 'buurtteams-sociaal', name: 'Buurtteamorganisatie Sociaal' };

/** The code lists of codes.json that are stored per organisation (an organisation may add codes). */
export const CODE_LISTS = [
  'referrers',
  'first_meeting_locations',
  'close_reasons',
  'close_outcomes',
  'zrm_types',
  'zrm_domains',
  'provision_categories',
  'provision_products',
  'providers',
] as const;
export type CodeList = (typeof CODE_LISTS)[number];

interface CodeRow {
  code: string;
  label: string;
  category?: string;
}

function listRows(list: CodeList): CodeRow[] {
  const raw = (codesFile as Record<string, unknown>)[list] as (CodeRow | string)[];
  // Providers are plain names in codes.json: the name is both code and label.
  return raw.map((item) => (typeof item === 'string' ? { code: item, label: item } : item));
}

/**
 * The installation's organisation, created with its teams and code lists when missing.
 * Safe to run on every start: existing rows are left as they are, missing ones are added.
 */
export async function ensureOrganisation(db: Db, name = DEFAULT_ORGANISATION.name): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.insert(organisations).values({ code: DEFAULT_ORGANISATION.code, name }).onConflictDoNothing();
    const [organisation] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.code, DEFAULT_ORGANISATION.code));
    const organisationId = organisation!.id;
    await tx
      .insert(teams)
      .values(codesFile.teams.map((t) => ({ organisationId, code: t.code, name: t.label })))
      .onConflictDoNothing();
    const codeRows = CODE_LISTS.flatMap((list) =>
      listRows(list).map((row, position) => ({ organisationId, list, code: row.code, label: row.label, position, parentCode: row.category ?? null })),
    );
    await tx.insert(codes).values(codeRows).onConflictDoNothing();
    return organisationId;
  });
}

export async function findOrganisationId(db: DbOrTx): Promise<string | null> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.code, DEFAULT_ORGANISATION.code));
  return row?.id ?? null;
}

export async function loadReference(db: DbOrTx, organisationId: string): Promise<Reference> {
  const [organisation] = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
  if (!organisation) throw new NotFound();
  const teamRows = await db
    .select({ id: teams.id, code: teams.code, name: teams.name })
    .from(teams)
    .where(and(eq(teams.organisationId, organisationId), eq(teams.active, true)))
    .orderBy(asc(teams.name));
  const codeRows = await db
    .select()
    .from(codes)
    .where(and(eq(codes.organisationId, organisationId), eq(codes.active, true)))
    .orderBy(asc(codes.list), asc(codes.position));
  const lists: Reference['codes'] = {};
  for (const row of codeRows) (lists[row.list] ??= []).push({ code: row.code, label: row.label, parentCode: row.parentCode });
  return { organisation, teams: teamRows, codes: lists };
}

/** Throws Invalid-ready problems for codes that are not in the organisation's list. */
export async function unknownCodes(db: DbOrTx, organisationId: string, list: CodeList, values: string[]): Promise<string[]> {
  if (values.length === 0) return [];
  const rows = await db
    .select({ code: codes.code })
    .from(codes)
    .where(and(eq(codes.organisationId, organisationId), eq(codes.list, list), inArray(codes.code, values)));
  const known = new Set(rows.map((r) => r.code));
  return values.filter((v) => !known.has(v));
}

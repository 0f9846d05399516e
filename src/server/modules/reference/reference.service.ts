// The organisation and its reference data (teams, code lists from codes.json), created idempotently.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/database';
import { codes, organisations, teams } from '../../db/schema';
import { Invalid, NotFound } from '../../lib/errors';
import { ZRM_MATRICES, type ZrmMatrix } from './zrm-matrices';
import codesFile from './codes.json' with { type: 'json' };
import iwmoCodes from './iwmo-codes.json' with { type: 'json' };
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

/** The iWmo code of a code (iwmo-codes.json), when it has one. */
function externalCode(list: CodeList, code: string): string | null {
  const codes = (iwmoCodes as Record<string, unknown>)[list] as Record<string, string> | undefined;
  return codes?.[code] ?? null;
}

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
      listRows(list).map((row, position) => ({ organisationId, list, code: row.code, label: row.label, position, parentCode: row.category ?? null, externalCode: externalCode(list, row.code) })),
    );
    // A code the organisation has keeps its label and position; it gets its iWmo code once, when it has none.
    await tx
      .insert(codes)
      .values(codeRows)
      .onConflictDoUpdate({ target: [codes.organisationId, codes.list, codes.code], set: { externalCode: sql`coalesce(${codes.externalCode}, excluded.external_code)` } });
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

/**
 * Switches the organisation's ZRM to the 11-domain (2013) or 13-domain (2017) matrix: the domains of
 * the chosen matrix become the active `zrm_domains`, in its order; the others stay (old assessments
 * keep their labels) but are no longer offered. Plans, assessments, the exchange format's ZRM
 * columns and the reports all follow the active list.
 */
export async function setZrmMatrix(db: Db, organisationId: string, matrix: ZrmMatrix): Promise<void> {
  const chosen = ZRM_MATRICES[matrix];
  await db.transaction(async (tx) => {
    await tx.update(codes).set({ active: false, position: sql`${codes.position} + 100` }).where(and(eq(codes.organisationId, organisationId), eq(codes.list, 'zrm_domains')));
    for (const [position, domain] of chosen.entries()) {
      await tx
        .insert(codes)
        .values({ organisationId, list: 'zrm_domains', code: domain.code, label: domain.label, position, active: true })
        .onConflictDoUpdate({ target: [codes.organisationId, codes.list, codes.code], set: { position, active: true } });
    }
  });
}

/**
 * Loads an organisation's licensed ZRM cell texts: { "<domain>": { "1": "…", …, "5": "…" } } for
 * active domains, stored as the code list `zrm_descriptions` (code `<domain>:<score>`).
 */
export async function setZrmDescriptions(db: Db, organisationId: string, descriptions: Record<string, Record<string, string>>): Promise<number> {
  const active = new Set(
    (await db.select({ code: codes.code }).from(codes).where(and(eq(codes.organisationId, organisationId), eq(codes.list, 'zrm_domains'), eq(codes.active, true)))).map((r) => r.code),
  );
  const problems: { path: string; message: string }[] = [];
  const rows: { code: string; label: string }[] = [];
  for (const [domain, levels] of Object.entries(descriptions)) {
    if (!active.has(domain)) problems.push({ path: domain, message: `Onbekend of niet gebruikt leefgebied: ${domain}` });
    for (const [score, text] of Object.entries(levels ?? {})) {
      if (!/^[1-5]$/.test(score)) problems.push({ path: `${domain}.${score}`, message: 'Een score is 1 tot en met 5' });
      else if (typeof text !== 'string' || !text.trim()) problems.push({ path: `${domain}.${score}`, message: 'Een omschrijving is een tekst' });
      else rows.push({ code: `${domain}:${score}`, label: text.trim() });
    }
  }
  if (problems.length) throw new Invalid(problems);
  await db.transaction(async (tx) => {
    await tx.delete(codes).where(and(eq(codes.organisationId, organisationId), eq(codes.list, 'zrm_descriptions')));
    if (rows.length) await tx.insert(codes).values(rows.map((r, position) => ({ organisationId, list: 'zrm_descriptions', code: r.code, label: r.label, position })));
  });
  return rows.length;
}

// Import and export of a registration history: the code lists the format is checked against,
// validate-then-import (nothing is written when anything is wrong) from a folder (the command line)
// or a web upload (checked in a worker thread), and folder reading/writing.
import { todayInNetherlands } from '../../lib/dates';
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/database';
import { codes, teams } from '../../db/schema';
import { writeAudit } from '../../audit/audit.writer';

import { getHeapStatistics } from 'node:v8';
import { Invalid, TooLarge } from '../../lib/errors';
import type { ExchangeCodes } from './exchange-format';
import { checkFiles, type CheckedFolder } from './exchange-upload';
import { importHistory, type FileCounts, type ProgressListener } from './import-history';
import { exportHistory } from './export-history';
import type { ExchangeFile, ImportProblem, ImportResult } from './exchange.schemas';
import { importFitsInHeap, IMPORT_TOO_LARGE_FOR_SERVER_MESSAGE } from './upload-limit';
import type { UploadChecker } from './upload-worker';

export async function loadExchangeCodes(db: DbOrTx, organisationId: string): Promise<ExchangeCodes> {
  const rows = await db.select().from(codes).where(and(eq(codes.organisationId, organisationId))).orderBy(asc(codes.list), asc(codes.position));
  const list = (name: string) => rows.filter((r) => r.list === name);
  const teamRows = await db.select({ code: teams.code }).from(teams).where(eq(teams.organisationId, organisationId));
  return {
    teams: new Set(teamRows.map((t) => t.code)),
    referrers: new Set(list('referrers').map((r) => r.code)),
    closeReasons: new Set(list('close_reasons').map((r) => r.code)),
    closeOutcomes: new Set(list('close_outcomes').map((r) => r.code)),
    // The columns of zrm.csv: the domains of the organisation's matrix (2013: 11, 2017: 13).
    zrmDomains: list('zrm_domains').filter((r) => r.active).map((r) => r.code),
    provisionCategories: new Set(list('provision_categories').map((r) => r.code)),
    productCategory: new Map(list('provision_products').map((r) => [r.code, r.parentCode ?? ''])),
  };
}

const MAX_PROBLEMS = 1000;

type ImportOptions = { write: boolean; userId: string | null; onProgress?: ProgressListener };

/** With `write` and no problems, imports the checked rows; answers what the check and the import found. */
async function importChecked(db: Db, organisationId: string, checked: CheckedFolder, options: ImportOptions): Promise<ImportResult & { allProblems: ImportProblem[] }> {
  const { problems, history, rowCounts } = checked;
  const sent = new Set(checked.files);
  const counted = (file: string): FileCounts => ({ file: file as ExchangeFile, rows: rowCounts[file] ?? 0, created: 0, updated: 0, unchanged: 0 });
  let fileCounts = Object.keys(rowCounts).filter((f) => sent.has(f)).map(counted);
  const imported = !!history && options.write;
  if (imported) fileCounts = (await importHistory(db, organisationId, history, { userId: options.userId, onProgress: options.onProgress })).filter((c) => sent.has(c.file));
  return {
    valid: problems.length === 0,
    problems: problems.slice(0, MAX_PROBLEMS),
    allProblems: problems,
    truncated: problems.length > MAX_PROBLEMS,
    files: fileCounts,
    imported,
  };
}

/** Validates the files and, when `write` is set and all is well, imports them (the command line, in its own process). */
export async function validateAndImport(db: Db, organisationId: string, files: Record<string, string>, options: ImportOptions): Promise<ImportResult & { allProblems: ImportProblem[] }> {
  const exchangeCodes = await loadExchangeCodes(db, organisationId);
  return importChecked(db, organisationId, checkFiles(files, exchangeCodes, todayInNetherlands(), options.write), options);
}

/**
 * The web import: the request body (JSON `{files}`) read and validated in the upload worker
 * (upload-worker.ts), off the event loop and within a heap limit; with `write` and no problems,
 * imported. `signal` stops the check when the client went away. Unreadable input is Invalid (400);
 * an upload that does not fit the worker's heap, or whose import would not fit this process's
 * heap, is TooLarge (413), checked before any work.
 */
export async function checkAndImportUpload(
  db: Db,
  organisationId: string,
  body: Uint8Array,
  options: ImportOptions & { checker: UploadChecker; signal?: AbortSignal },
): Promise<ImportResult> {
  if (options.write && !importFitsInHeap(body.byteLength, getHeapStatistics())) throw new TooLarge(IMPORT_TOO_LARGE_FOR_SERVER_MESSAGE);
  const exchangeCodes = await loadExchangeCodes(db, organisationId);
  const checked = await options.checker.check({ body, codes: exchangeCodes, today: todayInNetherlands(), keepHistory: options.write }, options.signal);
  if ('unreadable' in checked) throw new Invalid(checked.fields, checked.message);
  const { allProblems: _all, ...result } = await importChecked(db, organisationId, checked, options);
  return result;
}

/** The .csv files of a folder, by name. */
export async function readExchangeFolder(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await fs.readdir(dir)) {
    if (name.toLowerCase().endsWith('.csv')) files[name] = await fs.readFile(path.join(dir, name), 'utf8');
  }
  return files;
}

export async function exportToFolder(db: Db, organisationId: string, dir: string, userId: string | null): Promise<Record<ExchangeFile, number>> {
  const { zrmDomains } = await loadExchangeCodes(db, organisationId);
  const files = await exportHistory(db, organisationId, zrmDomains);
  await fs.mkdir(dir, { recursive: true });
  const rows: Partial<Record<ExchangeFile, number>> = {};
  for (const [name, content] of Object.entries(files) as [ExchangeFile, string][]) {
    await fs.writeFile(path.join(dir, name), content);
    rows[name] = content.split('\n').length - 2;
  }
  await writeAudit(db, { organisationId, userId }, { action: 'export', entityType: 'history', changes: { rows } });
  return rows as Record<ExchangeFile, number>;
}

// The web import over HTTP: only a beheerder may validate and import; validation writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';
import { readExchangeFolder } from '../../src/server/modules/exchange/exchange.service';
import type { ImportResult } from '../../src/server/modules/exchange/exchange.schemas';
import { cases } from '../../src/server/db/schema';
import { SAMPLE_DATA } from '../support/paths';

let t: TestApp;
let files: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  files = await readExchangeFolder(SAMPLE_DATA);
});
afterAll(async () => t.close());

describe('web import', () => {
  it('is not there for other roles', async () => {
    for (const user of ['workerA', 'leadA', 'analyst', 'quality'] as const) {
      const session = await t.login(user);
      expect((await session.request('POST', '/api/v1/exchange/validate', { files })).statusCode, user).toBe(404);
    }
  });

  it('validates without writing, reports problems per line, then imports all or nothing', async () => {
    const admin = await t.login('admin');
    const checked = await admin.post<ImportResult>('/api/v1/exchange/validate', { files });
    expect(checked).toMatchObject({ valid: true, imported: false, problems: [] });
    expect(await t.database.db.$count(cases)).toBe(0);

    const broken = await admin.post<ImportResult>('/api/v1/exchange/import', { files: { ...files, 'cases.csv': files['cases.csv']!.replace(',overvecht-centrum,', ',nergens,') } });
    expect(broken).toMatchObject({ valid: false, imported: false, problems: [{ file: 'cases.csv', line: 2, message: 'team_code: onbekend team "nergens"' }] });
    expect(await t.database.db.$count(cases)).toBe(0);

    const imported = await admin.post<ImportResult>('/api/v1/exchange/import', { files });
    expect(imported.imported).toBe(true);
    expect(imported.files.find((f) => f.file === 'cases.csv')).toMatchObject({ created: files['cases.csv']!.trim().split('\n').length - 1 });
    const again = await admin.post<ImportResult>('/api/v1/exchange/import', { files });
    expect(again.files.every((f) => f.created === 0 && f.updated === 0)).toBe(true);
  });
});

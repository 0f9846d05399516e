// The upload worker as vitest runs it (tsx registered in the thread by its entry file): the check
// runs in the worker, the body moves there without a copy, a check over its heap limit ends the
// worker and not this process, an abort stops it, and the thread is reused, then ends when idle.
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import codesFile from '../reference/codes.json' with { type: 'json' };
import type { ExchangeCodes } from './exchange-format';
import type { CheckedFolder, UnreadableUpload } from './exchange-upload';
import { TooLarge } from '../../lib/errors';
import { UploadChecker, uploadWorkerHeapMb } from './upload-worker';

const codes: ExchangeCodes = {
  teams: new Set(codesFile.teams.map((t) => t.code)),
  referrers: new Set(codesFile.referrers.map((r) => r.code)),
  closeReasons: new Set(codesFile.close_reasons.map((r) => r.code)),
  closeOutcomes: new Set(codesFile.close_outcomes.map((r) => r.code)),
  zrmDomains: codesFile.zrm_domains.map((d) => d.code),
  provisionCategories: new Set(codesFile.provision_categories.map((c) => c.code)),
  productCategory: new Map(codesFile.provision_products.map((p) => [p.code, p.category])),
};
const files = {
  'clients.csv': 'client_id,bsn\nC1,\nC2,\n',
  'cases.csv': 'case_id,team_code,registered_on\nK1,zuilen,2016-01-04\n',
  'case_clients.csv': 'case_id,client_id,role\nK1,C1,hoofdclient\nK1,C2,huishoudlid\n',
};
const job = (body: Uint8Array, keepHistory = false) => ({ body, codes, today: '2026-01-05', keepHistory });
const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const checker = new UploadChecker({ heapMb: 64, tooLargeMessage: 'te veel' });
afterAll(() => checker.close());

describe('the upload worker', () => {
  it('checks an upload in a worker thread, taking over the body without a copy', async () => {
    const body = new Uint8Array(json({ files })); // in an ArrayBuffer of its own, as a request body is
    const checked = (await checker.check(job(body, true))) as CheckedFolder;
    expect(body.byteLength).toBe(0); // transferred: detached here
    expect(checked.problems).toEqual([]);
    expect(checked.rowCounts).toMatchObject({ 'clients.csv': 2, 'cases.csv': 1, 'case_clients.csv': 2 });
    expect(checked.history!.caseClients).toEqual([
      { caseId: 'K1', clientId: 'C1', role: 'hoofdclient' },
      { caseId: 'K1', clientId: 'C2', role: 'huishoudlid' },
    ]);
    const withoutRows = (await checker.check(job(json({ files })))) as CheckedFolder;
    expect(withoutRows.history).toBeNull();
  });

  it('copies a small body that shares its memory with other buffers, leaving them alone', async () => {
    const pooled = Buffer.from(JSON.stringify({ files: { 'clients.csv': 'client_id\n' } }));
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.byteLength); // a slice of Node's pool
    const neighbour = Buffer.from('buurman');
    await checker.check(job(pooled));
    expect(pooled.byteLength).toBeGreaterThan(0);
    expect(neighbour.toString()).toBe('buurman');
  });

  it('says what is wrong with a body that is not the JSON of an upload, in Dutch', async () => {
    const unreadable = async (body: Uint8Array) => (await checker.check(job(body))) as UnreadableUpload;
    expect(await unreadable(Buffer.from('{"files":'))).toEqual({ unreadable: true, message: 'Het verzoek is niet leesbaar', fields: [] });
    expect(await unreadable(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]))).toEqual({ unreadable: true, message: 'Het verzoek is niet leesbaar', fields: [] });
    expect(await unreadable(new Uint8Array(0))).toMatchObject({ message: 'Het verzoek is niet leesbaar' });
    const shape = await unreadable(json({ files: { 'clients.csv': 12 } }));
    expect(shape).toMatchObject({ unreadable: true, message: 'De invoer is niet geldig', fields: [{ path: 'files.clients.csv' }] });
    expect(shape.fields[0]!.message).toMatch(/^Ongeldige invoer/);
  });

  it('ends a check that needs more memory than its limit in the worker, as TooLarge, and goes on', async () => {
    // Two bytes a row, a hundred times that once parsed: far over a 32 MB heap.
    const body = json({ files: { 'clients.csv': 'client_id,bsn\n' + ',\n'.repeat(4_000_000), 'cases.csv': 'case_id\n' } });
    const small = new UploadChecker({ heapMb: 32, tooLargeMessage: 'te veel voor 32 MB' });
    const error = await small.check(job(body)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooLarge);
    expect((error as Error).message).toBe('te veel voor 32 MB');
    expect(await small.check(job(json({ files })))).toMatchObject({ problems: [] });
    await small.close();
  });

  it('stops the worker when the client went away', async () => {
    const controller = new AbortController();
    const reason = new Error('de gebruiker is weg');
    const body = json({ files: { ...files, 'contacts.csv': 'contact_id,case_id,contact_on,kind\n' + 'X,K1,2016-02-01,telefoon\n'.repeat(200_000) } });
    const large = new UploadChecker({ heapMb: uploadWorkerHeapMb(body.byteLength), tooLargeMessage: 'te veel' });
    const checking = large.check(job(body), controller.signal);
    controller.abort(reason);
    await expect(checking).rejects.toBe(reason);
    expect(await large.check(job(json({ files })))).toMatchObject({ problems: [] });
    await large.close();
  });

  it('starts under the tsx command (npm start) and under node --import tsx, as well as here', () => {
    const run = (command: string, args: string[]) => JSON.parse(execFileSync(command, args, { encoding: 'utf8' })) as CheckedFolder;
    for (const result of [run('node_modules/.bin/tsx', ['tests/support/upload-worker-run.ts']), run(process.execPath, ['--import', 'tsx', 'tests/support/upload-worker-run.ts'])]) {
      expect(result).toMatchObject({ files: ['clients.csv', 'cases.csv'], rowCounts: { 'clients.csv': 1, 'cases.csv': 0 }, history: null });
    }
  });

  it('keeps its thread for the next check, one check at a time, and ends it when idle', async () => {
    const idle = new UploadChecker({ heapMb: 64, tooLargeMessage: 'te veel', idleMs: 50 });
    const threads = new Set<number>();
    const threadOf = async () => {
      await idle.check(job(json({ files })));
      threads.add((idle as unknown as { worker: { threadId: number } | null }).worker!.threadId);
    };
    await threadOf();
    await threadOf();
    expect(threads.size).toBe(1);
    const first = idle.check(job(json({ files })));
    await expect(idle.check(job(json({ files })))).rejects.toThrow('the upload worker is checking another upload');
    await first;
    await expect.poll(() => (idle as unknown as { worker: unknown }).worker).toBeNull();
    await threadOf();
    expect(threads.size).toBe(2);
    await idle.close();
  });
});

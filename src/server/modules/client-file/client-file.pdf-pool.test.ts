import { afterEach, describe, expect, it } from 'vitest';
import { Unavailable } from '../../lib/errors';
import { PDF_BUSY, PDF_FAILED, PdfPool, type PdfPoolOptions } from './client-file.pdf-pool';
import type { ClientFile } from './client-file.schemas';
import { pdfText } from '../../../../tests/support/pdf-text';

const stand = new URL('../../../../tests/support/pdf-test-worker.ts', import.meta.url);
const pools: PdfPool[] = [];
function pool(options: Partial<PdfPoolOptions> = {}): PdfPool {
  const made = new PdfPool({ workers: 1, queueLimit: 4, timeoutMs: 20_000, maxHeapMb: 256, entry: stand, ...options });
  pools.push(made);
  return made;
}
afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
});

/** A client's file with only a name: enough for the stand-in worker, and for the real one. */
const file = (firstName: string): ClientFile => ({
  createdAt: '2026-02-01T12:30:00Z',
  createdBy: { name: 'Anna Aalders', role: 'Buurtteammedewerker', team: 'Zuilen' },
  organisation: 'Buurtteams',
  about: 'Over dit dossier.',
  person: { firstName, lastName: 'Yılmaz', birthDate: null, bsn: null, gender: null, street: null, houseNumber: null, postcode: null, city: null, phone: null, recordedAt: '2026-01-05T09:00:00Z' },
  registrations: [],
  cases: [],
  zrm: [],
  provisions: [],
  consents: [],
  disclosures: [],
  accessLog: { withheld: false, entries: [] },
});
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function failure(promise: Promise<unknown>): Promise<Unavailable> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Unavailable);
  return error as Unavailable;
}

describe('the PDF pool', () => {
  it('lays out a real file in a worker thread (the TypeScript entry through tsx)', async () => {
    const real = new PdfPool({ workers: 1, queueLimit: 1, timeoutMs: 60_000, maxHeapMb: 512 });
    pools.push(real);
    const pdf = await real.render(file('Ayşe'));
    expect(text(pdf.subarray(0, 5))).toBe('%PDF-');
    expect(await pdfText(pdf)).toContain('Dossier van Ayşe Yılmaz');
  });

  for (const [what, name] of [
    ['ends its thread', 'crash'],
    ['throws outside any handler', 'throw'],
    ['runs out of its memory limit', 'memory'],
  ] as const) {
    it(`answers Unavailable when a worker ${what}, and a new worker makes the next PDF`, async () => {
      const p = pool({ maxHeapMb: 32 });
      const error = await failure(p.render(file(name)));
      expect(error.message).toBe(PDF_FAILED);
      expect(error.retryAfterSeconds).toBeGreaterThan(0);
      expect(text(await p.render(file('daarna')))).toBe('daarna');
      expect(p.load.workers).toBe(1);
    });
  }

  it('gives up on a PDF after the time limit, ending its worker', async () => {
    const p = pool({ timeoutMs: 500 });
    expect((await failure(p.render(file('hang')))).message).toBe(PDF_FAILED);
    expect(text(await p.render(file('daarna')))).toBe('daarna');
  });

  it('queues up to its limit and refuses the next at once, finishing what it accepted', async () => {
    const p = pool({ workers: 1, queueLimit: 1 });
    const first = p.render(file('slow'));
    const second = p.render(file('tweede'));
    expect(p.load).toEqual({ busy: 1, waiting: 1, workers: 1 });
    expect((await failure(p.render(file('derde')))).message).toBe(PDF_BUSY);
    expect([text(await first), text(await second)]).toEqual(['slow', 'tweede']);
  });

  it('runs as many PDFs at once as it has workers', async () => {
    const p = pool({ workers: 2 });
    const all = ['slow', 'slow', 'slow'].map((n) => p.render(file(n)));
    expect(p.load).toEqual({ busy: 2, waiting: 1, workers: 2 });
    expect((await Promise.all(all)).map(text)).toEqual(['slow', 'slow', 'slow']);
  });

  it('fails what waits or runs when it closes, and makes nothing after', async () => {
    const p = pool({ workers: 1 });
    const running = failure(p.render(file('hang')));
    const waiting = failure(p.render(file('tweede')));
    await p.close();
    await running;
    await waiting;
    await failure(p.render(file('later')));
    expect(p.load.workers).toBe(0);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { Unavailable } from '../errors';
import { PDF_BUSY, PDF_FAILED, PdfPool, type PdfPoolOptions } from './pdf-pool';
import type { PdfDocumentSpec } from './pdf-document';
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

/** A document with only a title: enough for the stand-in worker (a word of the title says what to do), and for the real one. */
const doc = (title: string): PdfDocumentSpec => ({
  meta: { title, author: 'Buurtteams', subject: 'Proef', createdAt: '2026-02-01T12:30:00Z', footer: `${title} \u00b7 Buurtteams` },
  blocks: [
    { kind: 'title', text: title },
    { kind: 'paragraph', text: 'Over dit document.' },
  ],
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
  it('lays out a real document in a worker thread (the TypeScript entry through tsx), footer and all', async () => {
    const real = new PdfPool({ workers: 1, queueLimit: 1, timeoutMs: 60_000, maxHeapMb: 512 });
    pools.push(real);
    const pdf = await real.render(doc('Dossier van Ayşe Yılmaz'));
    expect(text(pdf.subarray(0, 5))).toBe('%PDF-');
    const content = await pdfText(pdf);
    expect(content).toContain('Dossier van Ayşe Yılmaz');
    expect(content).toContain('Dossier van Ayşe Yılmaz \u00b7 Buurtteams');
    expect(content).toContain('Pagina 1 van 1');
  });

  for (const [what, name] of [
    ['ends its thread', 'crash'],
    ['throws outside any handler', 'throw'],
    ['runs out of its memory limit', 'memory'],
  ] as const) {
    it(`answers Unavailable when a worker ${what}, and a new worker makes the next PDF`, async () => {
      const p = pool({ maxHeapMb: 32 });
      const error = await failure(p.render(doc(name)));
      expect(error.message).toBe(PDF_FAILED);
      expect(error.retryAfterSeconds).toBeGreaterThan(0);
      expect(text(await p.render(doc('daarna')))).toBe('daarna');
      expect(p.load.workers).toBe(1);
    });
  }

  it('gives up on a PDF after the time limit, ending its worker', async () => {
    const p = pool({ timeoutMs: 500 });
    expect((await failure(p.render(doc('hang')))).message).toBe(PDF_FAILED);
    expect(text(await p.render(doc('daarna')))).toBe('daarna');
  });

  it('queues up to its limit and refuses the next at once, finishing what it accepted', async () => {
    const p = pool({ workers: 1, queueLimit: 1 });
    const first = p.render(doc('slow'));
    const second = p.render(doc('tweede'));
    expect(p.load).toEqual({ busy: 1, waiting: 1, workers: 1 });
    expect((await failure(p.render(doc('derde')))).message).toBe(PDF_BUSY);
    expect([text(await first), text(await second)]).toEqual(['slow', 'tweede']);
  });

  it('runs as many PDFs at once as it has workers', async () => {
    const p = pool({ workers: 2 });
    const all = ['slow', 'slow', 'slow'].map((n) => p.render(doc(n)));
    expect(p.load).toEqual({ busy: 2, waiting: 1, workers: 2 });
    expect((await Promise.all(all)).map(text)).toEqual(['slow', 'slow', 'slow']);
  });

  it('fails what waits or runs when it closes, and makes nothing after', async () => {
    const p = pool({ workers: 1 });
    const running = failure(p.render(doc('hang')));
    const waiting = failure(p.render(doc('tweede')));
    await p.close();
    await running;
    await waiting;
    await failure(p.render(doc('later')));
    expect(p.load.workers).toBe(0);
  });
});

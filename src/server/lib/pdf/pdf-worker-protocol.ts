// The messages between the PDF pool and its worker threads. A worker says it is ready once its
// modules are loaded (starting one takes a while under tsx, and must not count against a PDF's
// time limit), then gets { id, document } and answers { id, pdf } or { id, error }.
import type { PdfDocumentSpec } from './pdf-document';

export const WORKER_READY = 'ready';

export interface RenderRequest {
  id: number;
  document: PdfDocumentSpec;
}

export type RenderAnswer = { id: number; pdf: Uint8Array } | { id: number; error: string };

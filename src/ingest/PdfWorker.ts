import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** One run of text on a PDF page, in PDF points from the page's bottom-left corner (y grows upwards). */
export interface PdfTextItem {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** Roughly the font size. */
  readonly height: number;
}

/** What pdf.js made of a PDF: each page's text items in order, or the exception it threw. */
export type PdfText =
  | { readonly ok: true; readonly pages: readonly (readonly PdfTextItem[])[]; readonly name?: never; readonly message?: never }
  | { readonly ok: false; readonly pages?: never; readonly name: string; readonly message: string };

/** Plain ES module, not TypeScript: see the comment at its top for why pdf.js runs in a worker. */
const WORKER_PATH = join(__dirname, 'pdfTextWorker.mjs');
/** A PDF that takes longer than this is given up (the worker is restarted) so one file can't stall startup. */
const PDF_TIMEOUT_MS = 60_000;

/**
 * Reads PDFs' text with pdf.js in one worker thread, one PDF at a time. Never rejects: a PDF pdf.js
 * can't open comes back as `{ ok: false }`. Call `close()` when done.
 */
export class PdfWorker {
  #worker: Worker | null = null;
  #nextId = 0;

  read(data: Uint8Array): Promise<PdfText> {
    const worker = this.#start();
    const id = this.#nextId++;
    return new Promise((resolve) => {
      const finish = (result: PdfText, broken: boolean): void => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        // A worker that crashed or hung is replaced on the next read rather than trusted again.
        if (broken && this.#worker === worker) {
          this.#worker = null;
          void worker.terminate();
        }
        resolve(result);
      };
      const onMessage = (reply: PdfText & { readonly id: number }): void => {
        if (reply.id !== id) return;
        finish(reply.ok ? { ok: true, pages: reply.pages } : { ok: false, name: reply.name, message: reply.message }, false);
      };
      const onError = (error: Error): void => finish({ ok: false, name: error.name, message: error.message }, true);
      const onExit = (code: number): void => finish({ ok: false, name: 'WorkerExit', message: `pdf worker exited with code ${code}` }, true);
      const timer = setTimeout(
        () => finish({ ok: false, name: 'Timeout', message: `pdf.js took longer than ${PDF_TIMEOUT_MS / 1000} s` }, true),
        PDF_TIMEOUT_MS,
      );
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage({ id, data });
    });
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    if (worker) await worker.terminate();
  }

  #start(): Worker {
    if (!this.#worker) {
      this.#worker = new Worker(WORKER_PATH);
      // An idle worker must not keep the process alive; a pending read's timer does while it waits.
      this.#worker.unref();
    }
    return this.#worker;
  }
}

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

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

/** Plain ES module, not TypeScript: see the comment at its top. */
const PDF_TEXT_URL = pathToFileURL(join(__dirname, 'pdfText.mjs')).href;

/**
 * A PDF's text with pdf.js. Only ever called inside the paper worker (readPaperInWorker.ts): pdf.js is an ES
 * module jest's vm can't import, and a hostile PDF must not hold the main thread. Never rejects.
 */
export async function readPdfText(data: Uint8Array): Promise<PdfText> {
  try {
    const { readTextItems } = (await import(PDF_TEXT_URL)) as { readTextItems: (data: Uint8Array) => Promise<PdfTextItem[][]> };
    return { ok: true, pages: await readTextItems(data) };
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, name, message };
  }
}

// Reads the text items of a PDF with pdf.js. Loaded by readPdfText.ts inside the paper worker
// (src/ingest/PaperWorker.ts), never on the bot's main thread.
//
// Why plain .mjs: pdf.js ships only as ES modules. Our TypeScript is CommonJS; a worker thread is a
// plain Node context where `import()` of an ES module always works, in the bot, the CLI and the tests
// alike (under jest's vm it fails with "A dynamic import callback was invoked without
// --experimental-vm-modules").
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, PDFWorker } from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));
// pdf.js needs the metrics of the 14 standard fonts (Helvetica, Times...) that PDFs use without embedding.
const STANDARD_FONT_DATA_URL = join(PDFJS_DIR, 'standard_fonts') + '/';
const CMAP_URL = join(PDFJS_DIR, 'cmaps') + '/';
// 0 = errors only: pdf.js warns on every font quirk, which is noise in a folder of council packs.
const VERBOSITY_ERRORS = 0;

/**
 * One pdf.js worker for every PDF this thread reads. Without it each document sets up its own (in Node a
 * "fake" worker on this thread) and starts its font-data cache afresh. A paper worker reads one PDF at a
 * time and is stopped whole when a PDF runs over its budget, so no document outlives its read.
 */
let pdfWorker = null;

/** Each page's text items: { str, x, y, width, height }; throws pdf.js's exception (e.g. PasswordException). */
export async function readTextItems(data) {
  const task = getDocument({
    data,
    standardFontDataUrl: STANDARD_FONT_DATA_URL,
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    isEvalSupported: false,
    verbosity: VERBOSITY_ERRORS,
    worker: (pdfWorker ??= new PDFWorker({ verbosity: VERBOSITY_ERRORS })),
  });
  try {
    const pdf = await task.promise;
    const pages = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(
        content.items
          .filter((item) => 'str' in item && item.str.trim() !== '')
          .map((item) => ({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height })),
      );
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

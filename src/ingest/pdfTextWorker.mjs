// Reads the text items of a PDF with pdf.js, in a worker thread started by PdfWorker.ts.
//
// Why a worker and why plain .mjs: pdf.js ships only as ES modules. Our TypeScript is CommonJS;
// under tsx `import()` of an ES module works, but under jest (ts-jest keeps `import()` as is, and
// even `new Function('s', 'return import(s)')` runs inside jest's vm) it fails with "A dynamic
// import callback was invoked without --experimental-vm-modules". A worker thread is a plain Node
// context where importing ES modules always works, in the bot, the CLI and the tests alike. It also
// keeps PDF parsing off the bot's event loop.
//
// Protocol: receives { id, data: Uint8Array }; replies { id, ok: true, pages: PdfTextItem[][] } or
// { id, ok: false, name, message } (name is pdf.js's exception name, e.g. PasswordException).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));
// pdf.js needs the metrics of the 14 standard fonts (Helvetica, Times...) that PDFs use without embedding.
const STANDARD_FONT_DATA_URL = join(PDFJS_DIR, 'standard_fonts') + '/';
const CMAP_URL = join(PDFJS_DIR, 'cmaps') + '/';
// 0 = errors only: pdf.js warns on every font quirk, which is noise in a folder of council packs.
const VERBOSITY_ERRORS = 0;

async function readTextItems(data) {
  const task = getDocument({
    data,
    standardFontDataUrl: STANDARD_FONT_DATA_URL,
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    isEvalSupported: false,
    verbosity: VERBOSITY_ERRORS,
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

parentPort.on('message', async ({ id, data }) => {
  try {
    parentPort.postMessage({ id, ok: true, pages: await readTextItems(data) });
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    parentPort.postMessage({ id, ok: false, name, message });
  }
});

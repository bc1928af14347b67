// The files a compiled build needs beside its JavaScript that tsc does not emit: the PDF text reader
// (plain JavaScript run in a worker thread) and the data its code reads at run time.
import { cpSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const copies = [['src/ingest/pdfText.mjs', 'dist/src/ingest/pdfText.mjs']];
for (const [from, to] of copies) {
  if (!existsSync(join(root, from))) throw new Error(`build: ${from} is missing`);
  cpSync(join(root, from), join(root, to));
}
console.log(`build: dist/ ready (${copies.length} runtime file${copies.length === 1 ? '' : 's'} copied)`);

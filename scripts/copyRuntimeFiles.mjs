// The files a compiled build needs beside its JavaScript that tsc does not emit: the PDF text reader
// (plain JavaScript run in a worker thread), the data its code reads at run time, and the pages' own
// scripts and styles (src/server/static, served by the bot; no build step).
import { cpSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const copies = [
  ['src/ingest/pdfText.mjs', 'dist/src/ingest/pdfText.mjs'],
  ['src/server/static', 'dist/src/server/static'],
];
for (const [from, to] of copies) {
  if (!existsSync(join(root, from))) throw new Error(`build: ${from} is missing`);
  cpSync(join(root, from), join(root, to), { recursive: true });
}
console.log(`build: dist/ ready (${copies.length} runtime file${copies.length === 1 ? '' : 's'} copied)`);

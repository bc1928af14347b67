import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import committeeData from '../data/committees.json';
import { readPdfText, type PdfTextItem } from '../src/ingest/readPdfText';

/**
 * Synthetic council archives for the benchmark, generated (never committed) from every layout the
 * readers read: the sample papers (data/papers) and each shared council's papers
 * (../shared/councils/<council>/papers: PDF, HTML, XML, Markdown, text) and ../shared/papers. Copy 0 is
 * the originals as they are; every other copy is another council's papers from other years: its
 * place, panels, councillors, years, amounts and percentages changed, so each copy's meetings are
 * distinct meetings and the vocabulary grows the way a real archive's does (names, amounts). Without
 * ../shared the copies are of the sample papers alone, and the bench says so.
 */

const ROOT = join(__dirname, '..');
const SAMPLES = join(ROOT, 'data', 'papers');
const SHARED = join(ROOT, '..', 'shared');
/** What the readers read (src/ingest/readPaperFile.ts and readPdfFile.ts). */
const PAPER_EXTENSIONS = new Set(['.txt', '.md', '.html', '.htm', '.xml', '.pdf']);

/** Invented panels; each copy of the sample papers belongs to one of them. */
const PANELS = [
  'Adults and Safer City', 'Economy and Growth', 'Climate Change and Environment', 'Health', 'Housing Standards',
  'Resources and Equality', 'Stronger City Economy', 'Vibrant and Sustainable City', 'Our Council', 'Transport and Highways',
  'Culture and Leisure', 'Skills and Employment', 'Public Protection', 'Communities', 'Digital Inclusion',
  'Licensing and Regulation', 'Older People', 'Education and Learning', 'Neighbourhoods', 'Planning Policy',
  'Waste and Recycling', 'Homelessness', 'Wellbeing', 'Finance and Audit',
].map((p) => `${p} Scrutiny Panel`);

/**
 * Copy k is 1 + (k - 1) % YEARS_BACK years earlier: a committee whose name holds no place (a "General
 * Meeting", an "Audit Committee") still meets on other days in each of 40 copies, and the years stay
 * within those the parser reads (19xx and 20xx: the papers are from 2020 on).
 */
const YEARS_BACK = 40;

const SYLLABLES = 'al bren cor dan el fen gar hal is jor kel lin mor nes or pel quin ros sal tor ul ven wyn yar zel'.split(' ');

/** A small seeded generator, so a size always makes the same corpus and runs compare. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

function capitalise(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

function inventName(next: () => number): string {
  const n = 2 + Math.floor(next() * 2);
  return capitalise(Array.from({ length: n }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]!).join(''));
}

/** Copy k's place: k written in syllables, so no two copies share one ("Brenal", "Corbren"...). */
function placeName(k: number): string {
  const parts: string[] = [];
  for (let n = k; parts.length === 0 || n > 0; n = Math.floor(n / SYLLABLES.length)) parts.push(SYLLABLES[n % SYLLABLES.length]!);
  return `${capitalise(parts.join(''))}ford`;
}

/** "Cllr Rita Potter", "Councillor Dr Michael Hardacre", "Mrs Jane Smith": the first and last names the copies replace. */
const PERSON = /\b(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.? (?:Dr )?([A-Z][a-z]+) ([A-Z][a-zA-Z'-]+)/gu;

/** Every spelling of the sample panel's name, longest first so a longer name is replaced whole. */
const PANEL_NAMES = (committeeData as { committees: { names: string[] }[] }).committees
  .flatMap((c) => c.names)
  .sort((a, b) => b.length - a.length);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** One paper of the originals: text (any format but PDF) or a PDF's text items, page by page. */
interface Original {
  /** Where it came from: "samples" or the shared council's folder name (which is also its place name). */
  readonly council: string;
  readonly file: string;
  readonly text?: string;
  readonly pages?: readonly (readonly PdfTextItem[])[];
  /** Bytes of text a copy adds to the corpus: the file's, or for a PDF the text it holds. */
  readonly textBytes: number;
}

/** The originals' people, and the place names the copies change (the shared councils' folder names). */
interface Vocabulary {
  readonly names: readonly string[];
  readonly places: readonly string[];
}

/** What copy k changes, the same in all its papers: its place and panel, its years, its people. */
interface CopyVariation {
  readonly k: number;
  readonly place: string;
  readonly panel: string;
  readonly shift: number;
  readonly renamed: ReadonlyMap<string, string>;
}

/** Every spelling of the sample panel's name in one pattern (longest first, so a longer name is replaced whole). */
const PANEL_PATTERN = new RegExp(PANEL_NAMES.map(escape).join('|'), 'giu');

function copyVariation(k: number, vocabulary: Vocabulary): CopyVariation {
  const next = random(k * 7919);
  const place = placeName(k);
  return {
    k,
    place,
    panel: `${place} ${PANELS[(k - 1 + PANELS.length) % PANELS.length]!}`,
    shift: -(1 + ((k - 1 + YEARS_BACK) % YEARS_BACK)),
    renamed: new Map(vocabulary.names.map((n) => [n, inventName(next)] as const)),
  };
}

/** Copy k of a text (k > 0): another place and panel, years earlier, other people, other figures (`seed`: the paper's). */
export function varyText(text: string, v: CopyVariation, places: RegExp | null, seed: number): string {
  const next = random(v.k * 7919 + seed);
  let out = text.replace(PANEL_PATTERN, v.panel);
  if (places) out = out.replace(places, (w) => (w === w.toUpperCase() ? v.place.toUpperCase() : w === w.toLowerCase() ? v.place.toLowerCase() : v.place));
  // Four-digit years in the papers' range; "17/18" style years are left, as a real archive's drift would.
  out = out.replace(/\b(19[89]\d|20[0-3]\d)\b/gu, (y) => String(Number(y) + v.shift));
  out = out.replace(/\b[A-Z][a-zA-Z'-]+\b/gu, (w) => v.renamed.get(w) ?? w);
  // Amounts and percentages change; item numbers, times and dates stay, so the papers still parse.
  out = out.replace(/£(\d[\d,]*(?:\.\d+)?)/gu, (_, n: string) => `£${(Number(n.replace(/,/gu, '')) * (0.5 + next())).toFixed(n.includes('.') ? 2 : 0)}`);
  out = out.replace(/\b(\d{1,3}(?:\.\d)?)%/gu, () => `${(next() * 100).toFixed(1)}%`);
  return out;
}

/** Joins a PDF's runs for varyText and splits them after: a control character no paper holds, and no word character. */
const RUN_SEPARATOR = '\u0001';

/** windows-1252's characters at 0x80-0x9F, as a PDF's WinAnsiEncoding places them. */
const WIN_ANSI_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/** A PDF string literal in WinAnsiEncoding: characters it lacks become '?'. */
function pdfString(text: string): Buffer {
  const bytes = [...text].map((c) => {
    const code = c.codePointAt(0)!;
    const high = WIN_ANSI_HIGH.indexOf(c);
    return high >= 0 ? 0x80 + high : code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : 0x3f;
  });
  const escaped = bytes.flatMap((b) => (b === 0x28 || b === 0x29 || b === 0x5c ? [0x5c, b] : [b]));
  return Buffer.from([0x28, ...escaped, 0x29]);
}

/**
 * A PDF holding each run of text where the original had it (page, position, size), in Helvetica: a
 * copy's PDF, whose text has been changed, so it cannot keep the original's embedded fonts.
 */
export function writeTextPdf(pages: readonly (readonly PdfTextItem[])[]): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string): number => objects.push(Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'));
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // the page tree, written once the pages' numbers are known
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const items of pages) {
    const f = (n: number): string => (Number.isFinite(n) ? n.toFixed(2) : '0');
    const width = Math.max(595, ...items.map((i) => i.x + i.width + 36));
    const height = Math.max(842, ...items.map((i) => i.y + 36));
    const content = Buffer.concat(items.flatMap((i) => [Buffer.from(`BT /F1 ${f(i.height > 0 ? i.height : 10)} Tf 1 0 0 1 ${f(i.x)} ${f(i.y)} Tm `, 'latin1'), pdfString(i.str), Buffer.from(' Tj ET\n', 'latin1')]));
    const stream = add(Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`, 'latin1'), content, Buffer.from('\nendstream', 'latin1')]));
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${f(width)} ${f(height)}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1');
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, k) => {
    const obj = Buffer.concat([Buffer.from(`${k + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(at);
    parts.push(obj);
    at += obj.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** Papers of one folder, as originals. PDFs are read with pdf.js once, here, so that copies can change their text. */
async function readOriginals(council: string, dir: string): Promise<Original[]> {
  const originals: Original[] = [];
  for (const file of readdirSync(dir).sort()) {
    const ext = extname(file).toLowerCase();
    if (file.startsWith('.') || !PAPER_EXTENSIONS.has(ext)) continue;
    const bytes = readFileSync(join(dir, file));
    if (ext !== '.pdf') {
      originals.push({ council, file, text: bytes.toString('utf8'), textBytes: bytes.length });
      continue;
    }
    const read = await readPdfText(new Uint8Array(bytes));
    if (!read.ok) throw new Error(`benchCorpus: cannot read ${join(dir, file)} (${read.message})`);
    originals.push({ council, file, pages: read.pages, textBytes: read.pages.flat().reduce((sum, i) => sum + Buffer.byteLength(i.str) + 1, 0) });
  }
  return originals;
}

type Originals = Promise<{ originals: Original[]; vocabulary: Vocabulary; bytes: Map<string, Buffer> }>;
const loaded = new Map<string, Originals>();

/** Every original once per process (the bench makes several sizes), the same file in two folders once. */
function loadOriginals(shared: string, log: (line: string) => void): Originals {
  const known = loaded.get(shared);
  if (known) return known;
  const loading = (async () => {
    const folders: [string, string][] = [['samples', SAMPLES]];
    const councils = join(shared, 'councils');
    if (existsSync(councils)) for (const c of readdirSync(councils).sort()) if (existsSync(join(councils, c, 'papers'))) folders.push([c, join(councils, c, 'papers')]);
    if (existsSync(join(shared, 'papers'))) folders.push(['shared', join(shared, 'papers')]);
    if (folders.length === 1) log(`bench corpus: ${shared} is absent, so the corpus is copies of the sample papers (${SAMPLES}) alone`);
    const seen = new Set<string>();
    const originals: Original[] = [];
    const bytes = new Map<string, Buffer>();
    for (const [council, dir] of folders) {
      for (const original of await readOriginals(council, dir)) {
        const content = readFileSync(join(dir, original.file));
        const hash = createHash('sha256').update(content).digest('hex');
        if (seen.has(hash)) continue;
        seen.add(hash);
        originals.push(original);
        bytes.set(`${council}/${original.file}`, content);
      }
    }
    const texts = originals.map((o) => o.text ?? o.pages!.flat().map((i) => i.str).join(' '));
    // A word also written in lower case ("Scrutiny" after "Councillor ... of") is vocabulary, not a name.
    const words = new Set(texts.flatMap((t) => t.match(/\b[a-z][a-z'-]+\b/gu) ?? []));
    const names = [...new Set(texts.flatMap((t) => [...t.matchAll(PERSON)].flatMap((m) => [m[1]!, m[2]!])))].filter((n) => !words.has(n.toLowerCase()));
    const places = folders.map(([c]) => c).filter((c) => c !== 'samples' && c !== 'shared');
    const kinds = new Map<string, number>();
    for (const o of originals) kinds.set(extname(o.file).toLowerCase(), (kinds.get(extname(o.file).toLowerCase()) ?? 0) + 1);
    log(`bench corpus: ${originals.length} originals from ${folders.map(([c]) => c).join(', ')} (${[...kinds].map(([e, n]) => `${n} ${e}`).join(', ')})`);
    return { originals, vocabulary: { names, places }, bytes };
  })();
  loaded.set(shared, loading);
  return loading;
}

/**
 * Writes about `sizeMB` megabytes of text as papers into `dir` (emptied first) and returns the bytes
 * of text written (a PDF counts the text it holds, not its file size). Copies are whole sets of the
 * originals, so every meeting's agenda, minutes and reports stay together.
 */
export async function writeSyntheticCorpus(dir: string, sizeMB: number, log: (line: string) => void = () => {}, shared = SHARED): Promise<number> {
  const { originals, vocabulary, bytes: originalBytes } = await loadOriginals(shared, log);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const places = vocabulary.places.length > 0 ? new RegExp(`\\b(?:${vocabulary.places.map(escape).join('|')})\\b`, 'giu') : null;
  let bytes = 0;
  for (let k = 0; bytes < sizeMB * 1e6; k++) {
    const v = copyVariation(k, vocabulary);
    for (const [seed, o] of originals.entries()) {
      const name = `${String(k).padStart(4, '0')}_${o.council}_${k === 0 ? o.file : varyText(o.file, v, places, seed)}`;
      if (k === 0) writeFileSync(join(dir, name), originalBytes.get(`${o.council}/${o.file}`)!);
      else if (o.text !== undefined) writeFileSync(join(dir, name), varyText(o.text, v, places, seed));
      else writeFileSync(join(dir, name), writeTextPdf(varyPdf(o.pages!, v, places, seed)));
      bytes += o.textBytes;
    }
  }
  return bytes;
}

/** A PDF's runs with their text varied as one text, so a paper's figures and names change as a text's do. */
function varyPdf(pages: readonly (readonly PdfTextItem[])[], v: CopyVariation, places: RegExp | null, seed: number): PdfTextItem[][] {
  const runs = varyText(pages.flat().map((i) => i.str.replaceAll(RUN_SEPARATOR, ' ')).join(RUN_SEPARATOR), v, places, seed).split(RUN_SEPARATOR);
  let at = 0;
  return pages.map((items) => items.map((i) => ({ ...i, str: runs[at++] ?? '' })));
}

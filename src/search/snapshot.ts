import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { ParsedFile } from '../parse';
import type { FrequentTermsData } from './frequentTerms';
import type { PaperFile, PaperIndex } from './PaperIndex';
import { PaperText, SnapshotTextFile } from './paperText';
import { SnapshotReader } from './snapshotReader';
import { saveSearchDocuments, type SearchTerms } from './searchDocuments';
import type { PassageSpan } from './toPassages';
import { probePaperIndex, type IndexProbe } from './snapshotCheck';

/**
 * A saved PaperIndex, so the bot starts in seconds instead of re-reading every paper.
 *
 * The file is JSON Lines: a header, one line per paper file (parser records, passages as columns;
 * its text and line offsets follow as raw sections), minisearch's saved index in chunks, the papers'
 * word counts, the frequent terms (their typed arrays as raw sections), then an end line with the CRC-32 of every
 * byte before it. A line may announce `bytes`: that many raw bytes follow it (a file's text, a typed
 * array), so the bulk of the index is copied on load, never decoded. Lines, not one JSON string: V8
 * caps a string near 512 MiB, which one JSON string of a large council's index passes. A missing end
 * line means the file was cut short; a wrong checksum means it was damaged. (CRC-32, not SHA-256:
 * it finds damage as well and checks 300 MB in a tenth of the time; nothing here needs a secure hash.)
 */

/** Bump when the layout of the lines changes; an older file is then rebuilt, never misread. */
export const SNAPSHOT_VERSION = 3;
export const SNAPSHOT_FILE = 'papers-index.jsonl';
const FORMAT = 'panel-papers-index';

/** minisearch terms per line: keeps every line a few MB at most. */
const TERMS_PER_LINE = 5_000;
/** Lines are written in batches of about this many bytes, so a write is neither tiny nor huge. */
const WRITE_BATCH_BYTES = 8_000_000;

/** One paper file as saved: what ingest read (its lines as PaperText), what the parser found, its passages. */
export interface SnapshotFile {
  readonly document: PaperFile;
  readonly text: PaperText;
  readonly parsed: ParsedFile;
  readonly spans: readonly PassageSpan[];
}

export interface Snapshot {
  /** In the order they were indexed (passage ids follow this order). */
  readonly files: readonly SnapshotFile[];
  /** minisearch's saved terms; its per-document tables are `searchDocuments` (see saveSearchDocuments). */
  readonly search: SearchTerms;
  readonly searchDocuments: Int32Array;
  readonly frequent: FrequentTermsData;
  readonly words: ReadonlyMap<string, number>;
  /** Searches and their scores when saved, to check the loaded index against (see checkPaperIndex). */
  readonly probes: readonly IndexProbe[];
}

/** A snapshot, or why it cannot be used; `missing` when there is none yet (not a problem). */
export type SnapshotRead =
  | { readonly ok: true; readonly snapshot: Snapshot; readonly problem?: never }
  | { readonly ok: false; readonly snapshot?: never; readonly problem: string | 'missing' };

/** The typed arrays of FrequentTermsData, saved as raw bytes. */
const ARRAYS = { offsets: Int32Array, ids: Int32Array, freqs: Uint8Array, fieldLengths: Uint16Array } as const;
type ArrayName = keyof typeof ARRAYS;

/**
 * Writes the index atomically: to a temporary file, fsync'd, then renamed over the old snapshot, so a
 * crash mid-write leaves the old snapshot (or none), never half a file under the real name.
 */
export function writeSnapshot(dir: string, index: PaperIndex): void {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, SNAPSHOT_FILE);
  const temp = `${target}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  let checksum = 0;
  let batch: Buffer[] = [];
  let batchBytes = 0;
  let lines = 0;
  const flush = (): void => {
    const bytes = Buffer.concat(batch);
    checksum = crc32(bytes, checksum);
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
    batch = [];
    batchBytes = 0;
  };
  const push = (bytes: Buffer): void => {
    batch.push(bytes);
    batchBytes += bytes.length;
    if (batchBytes >= WRITE_BATCH_BYTES) flush();
  };
  const line = (value: unknown): void => {
    push(Buffer.from(`${JSON.stringify(value)}\n`, 'utf8'));
    lines++;
  };
  /** A JSON line saying how many raw bytes follow it, then the bytes and a newline: no base64, no decoding. */
  const raw = (value: object, bytes: Buffer): void => {
    line({ ...value, bytes: bytes.length });
    push(bytes);
    push(NEWLINE);
  };
  try {
    const parts = index.toParts();
    const { index: terms, documentIds: _ids, fieldLength: _lengths, storedFields: _stored, ...searchRest } = parts.search;
    const documents = saveSearchDocuments(parts.search);
    line({ format: FORMAT, version: SNAPSHOT_VERSION, code: codeFingerprint(), probes: probePaperIndex(index) });
    parts.corpus.files.forEach((parsed, k) => {
      const { pages, ...rest } = parts.corpus.documents[k]!;
      const text = parts.texts[k]!;
      raw(
        {
          t: 'file',
          document: { ...rest, pages: pages && toRuns(pages) },
          parsed: { ...parsed, pages: toRuns(parsed.pages) },
        },
        text.toBytes(),
      );
      const starts = text.lineStarts();
      raw({ t: 'starts' }, Buffer.from(starts.buffer, starts.byteOffset, starts.byteLength));
      const { columns, items } = toColumns(parts.spans[k]!);
      raw({ t: 'spans', items }, Buffer.from(columns.buffer, columns.byteOffset, columns.byteLength));
    });
    line({ t: 'minisearch', ...searchRest });
    raw({ t: 'documents' }, Buffer.from(documents.buffer, documents.byteOffset, documents.byteLength));
    for (let k = 0; k < terms.length; k += TERMS_PER_LINE) line({ t: 'terms', entries: terms.slice(k, k + TERMS_PER_LINE) });
    line({ t: 'words', words: [...parts.words.keys()], counts: [...parts.words.values()] });
    const { passageCount, terms: frequentTerms, averageFieldLength } = parts.frequent;
    line({ t: 'frequent', passageCount, terms: frequentTerms, averageFieldLength });
    for (const name of Object.keys(ARRAYS) as ArrayName[]) {
      const array = parts.frequent[name];
      raw({ t: 'array', name }, Buffer.from(array.buffer, array.byteOffset, array.byteLength));
    }
    flush();
    writeSync(fd, `${JSON.stringify({ t: 'end', crc32: checksum, lines })}\n`);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw new Error(`snapshot: cannot write ${target}: ${(error as Error).message}`, { cause: error });
  }
  closeSync(fd);
  renameSync(temp, target);
  syncDirectory(dir);
}

/** Reads and checks a snapshot: version, code, checksum, completeness. Never throws on a bad file. */
export function readSnapshot(dir: string): SnapshotRead {
  const path = join(dir, SNAPSHOT_FILE);
  if (!existsSync(path)) return { ok: false, problem: 'missing' };
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const read = parseSnapshot(fd, path);
    // A good snapshot's file stays open: the papers' texts are read from it (see PaperText).
    if (read.ok) fd = undefined;
    return read;
  } catch (error) {
    return { ok: false, problem: `snapshot: ${path} is unreadable (${(error as Error).message})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The end line is short; this much of the file's tail always holds it. */
const TAIL_BYTES = 4096;

function parseSnapshot(fd: number, path: string): SnapshotRead {
  const fail = (why: string): SnapshotRead => ({ ok: false, problem: `snapshot: ${path} ${why}` });
  const size = fstatSync(fd).size;
  const tail = Buffer.alloc(Math.min(size, TAIL_BYTES));
  readSync(fd, tail, 0, tail.length, size - tail.length);
  if (tail.length === 0 || tail[tail.length - 1] !== 0x0a) return fail('is cut short (no end line)');
  const endInTail = tail.lastIndexOf(0x0a, tail.length - 2) + 1;
  const end = parseLine(tail.subarray(endInTail, tail.length - 1)) as { t?: string; crc32?: number } | undefined;
  if (end?.t !== 'end') return fail('is cut short (no end line)');
  const reader = new SnapshotReader(fd, size - tail.length + endInTail);
  const headerLine = reader.line();
  const header = (headerLine && parseLine(headerLine)) as { format?: string; version?: number; code?: string; probes?: IndexProbe[] } | undefined;
  if (header?.format !== FORMAT) return fail('is not a Panel Papers index snapshot');
  if (header.version !== SNAPSHOT_VERSION) return fail(`is format version ${String(header.version)}, this version reads ${SNAPSHOT_VERSION}`);
  if (header.code !== codeFingerprint()) return fail('was made by a different version of the parser or index');
  const textFile = new SnapshotTextFile(fd);
  const files: SnapshotFile[] = [];
  let search: Omit<SearchTerms, 'index'> | undefined;
  let searchDocuments: Int32Array | undefined;
  let frequent: Omit<FrequentTermsData, ArrayName> | undefined;
  const terms: SearchTerms['index'] = [];
  const arrays: Partial<Pick<FrequentTermsData, ArrayName>> = {};
  let text: { readonly line: FileLine; readonly offset: number; starts?: Uint32Array } | undefined;
  let words: Map<string, number> | undefined;
  while (!reader.done) {
    const bytes = reader.line();
    const value = bytes && (parseLine(bytes) as SnapshotLine | undefined);
    if (!value) return fail(bytes ? 'has a line that is not JSON' : 'is cut short');
    let section = true;
    if (value.t === 'file') {
      // The text stays in the file: only its place is kept, and its bytes checksummed.
      text = { line: value, offset: reader.position };
      section = reader.section(value.bytes);
    } else if (value.t === 'starts') {
      const starts = new Uint32Array(value.bytes / 4);
      section = text !== undefined && reader.section(value.bytes, new Uint8Array(starts.buffer));
      if (text) text.starts = starts;
    } else if (value.t === 'spans') {
      const columns = new Int32Array(value.bytes / 4);
      section = text?.starts !== undefined && reader.section(value.bytes, new Uint8Array(columns.buffer));
      if (text?.starts) files.push(fromFileLine(text.line, PaperText.inFile(textFile, text.offset, text.starts), fromColumns(columns, value.items)));
      text = undefined;
    } else if (value.t === 'array') {
      const array = new ARRAYS[value.name](value.bytes / ARRAYS[value.name].BYTES_PER_ELEMENT);
      section = reader.section(value.bytes, new Uint8Array(array.buffer));
      Object.assign(arrays, { [value.name]: array });
    } else if (value.t === 'documents') {
      searchDocuments = new Int32Array(value.bytes / 4);
      section = reader.section(value.bytes, new Uint8Array(searchDocuments.buffer));
    } else if (value.t === 'minisearch') search = value;
    else if (value.t === 'terms') for (const entry of value.entries) terms.push(entry);
    else if (value.t === 'frequent') frequent = value;
    else if (value.t === 'words') words = new Map(value.words.map((w, k) => [w, value.counts[k]!]));
    if (!section) return fail('has a section of the wrong length');
  }
  if (reader.crc !== end.crc32) return fail('fails its checksum (damaged)');
  // A file's text and line starts without its passages after them: written by other code.
  if (text) return fail('has a section of the wrong length');
  if (!search || !searchDocuments || !frequent || !words || (Object.keys(ARRAYS) as ArrayName[]).some((name) => !arrays[name])) return fail('has no search index');
  return { ok: true, snapshot: { files, search: { ...search, index: terms }, searchDocuments, frequent: { ...frequent, ...(arrays as Pick<FrequentTermsData, ArrayName>) }, words, probes: header.probes ?? [] } };
}

const NEWLINE = Buffer.from('\n');
interface FileLine {
  readonly t: 'file';
  readonly document: Omit<PaperFile, 'pages'> & { readonly pages: Runs | null };
  /** The lines' UTF-8 bytes follow the line, each line ending in a newline; then a 'starts' line. */
  readonly bytes: number;
  readonly parsed: Omit<ParsedFile, 'pages'> & { readonly pages: Runs };
}

type SnapshotLine =
  | FileLine
  | ({ readonly t: 'minisearch' } & Omit<SearchTerms, 'index'>)
  | { readonly t: 'documents'; readonly bytes: number }
  | { readonly t: 'terms'; readonly entries: SearchTerms['index'] }
  | ({ readonly t: 'frequent' } & Omit<FrequentTermsData, ArrayName>)
  | { readonly t: 'starts'; readonly bytes: number }
  /** A file's passages as SPAN_COLUMNS numbers each (raw Int32Array), with each distinct item label once in `items`. */
  | { readonly t: 'spans'; readonly bytes: number; readonly items: readonly string[] }
  | { readonly t: 'words'; readonly words: readonly string[]; readonly counts: readonly number[] }
  | { readonly t: 'array'; readonly name: ArrayName; readonly bytes: number };

function fromFileLine(line: FileLine, text: PaperText, spans: PassageSpan[]): SnapshotFile {
  const { pages, ...document } = line.document;
  return {
    document: { ...document, pages: pages && fromRuns(pages) },
    text,
    parsed: { ...line.parsed, pages: fromRuns(line.parsed.pages) },
    spans,
  };
}

/** A page per line, saved as the lines where the page changes: a file has thousands of lines, dozens of pages. */
interface Runs {
  readonly length: number;
  /** [first line, page] for each run of lines on one page. */
  readonly runs: readonly (readonly [number, number | null])[];
}

function toRuns(pages: readonly (number | null)[]): Runs {
  const runs: [number, number | null][] = [];
  pages.forEach((p, k) => {
    if (k === 0 || p !== pages[k - 1]) runs.push([k, p]);
  });
  return { length: pages.length, runs };
}

function fromRuns({ length, runs }: Runs): (number | null)[] {
  const pages = new Array<number | null>(length).fill(null);
  runs.forEach(([from, page], k) => pages.fill(page, from, runs[k + 1]?.[0] ?? length));
  return pages;
}

/**
 * Passages saved as numbers, SPAN_COLUMNS a passage: line start, line end, page (-1 for none), paper,
 * item (an index into `items`, -1 for none). Raw bytes, copied on load: as JSON they were a fifth of
 * the records a cold start parsed.
 */
const SPAN_COLUMNS = 5;

function toColumns(spans: readonly PassageSpan[]): { columns: Int32Array; items: string[] } {
  const items = [...new Set(spans.flatMap((s) => (s.item === null ? [] : [s.item])))];
  const itemAt = new Map(items.map((label, k) => [label, k]));
  const columns = new Int32Array(spans.length * SPAN_COLUMNS);
  spans.forEach((s, k) => columns.set([s.lineStart, s.lineEnd, s.page ?? -1, s.paper, s.item === null ? -1 : itemAt.get(s.item)!], k * SPAN_COLUMNS));
  return { columns, items };
}

function fromColumns(c: Int32Array, items: readonly string[]): PassageSpan[] {
  const spans: PassageSpan[] = [];
  for (let k = 0; k < c.length; k += SPAN_COLUMNS) {
    const page = c[k + 2]!;
    const item = c[k + 4]!;
    spans.push({ lineStart: c[k]!, lineEnd: c[k + 1]!, page: page < 0 ? null : page, paper: c[k + 3]!, item: item < 0 ? null : items[item]! });
  }
  return spans;
}

function parseLine(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    // A line that does not parse is what a damaged file looks like; the caller reports it.
    return undefined;
  }
}

let fingerprint: string | undefined;

/**
 * A hash of the code that decides what a snapshot holds (ingest, parse, search, the committee names).
 * When any of it changes, saved parser records may be stale, so the snapshot is rebuilt.
 */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  const code = (name: string): boolean => /\.(ts|js|mjs|cjs)$/u.test(name);
  for (const dir of ['ingest', 'parse', 'search'].map((d) => join(__dirname, '..', d))) hashFiles(hash, dir, code, true);
  // The vocabulary the readers use (committee names, headings, decision words) is data, and decides records too.
  const data = join(__dirname, '..', '..', 'data');
  if (existsSync(data)) hashFiles(hash, data, (name) => name.endsWith('.json'), false);
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/** Hashes the names and bytes of a folder's files that `want`, in name order, and its subfolders' when `deep`. */
function hashFiles(hash: ReturnType<typeof createHash>, dir: string, want: (name: string) => boolean, deep: boolean): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (deep) hashFiles(hash, path, want, deep);
    } else if (want(entry.name)) hash.update(entry.name).update(readFileSync(path));
  }
}

/** fsync the folder too, so the rename itself survives a power cut. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open or fsync a directory; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { AsPlainObject } from 'minisearch';
import type { SourceDocument } from '../ingest';
import type { ParsedFile } from '../parse';
import { SEARCH_FIELDS, type CommonTermPostings, type SearchField } from './commonTerms';
import type { PaperIndex } from './PaperIndex';
import type { Passage } from './passage';
import { probePaperIndex, type IndexProbe } from './snapshotCheck';

/**
 * A saved PaperIndex, so the bot starts in seconds instead of re-reading every paper.
 *
 * The file is JSON Lines: a header, one line per paper file (its document, parser records and
 * passages), minisearch's saved index in chunks, the common terms, then an end line with the
 * SHA-256 of every line before it. Lines, not one JSON string: V8 caps a string near 512 MiB,
 * which one JSON string of a large council's index passes. A missing end line means the file was
 * cut short; a wrong checksum means it was damaged.
 */

/** Bump when the layout of the lines changes; an older file is then rebuilt, never misread. */
export const SNAPSHOT_VERSION = 1;
export const SNAPSHOT_FILE = 'papers-index.jsonl';
const FORMAT = 'panel-papers-index';

/** minisearch terms per line: keeps every line a few MB at most. */
const TERMS_PER_LINE = 5_000;
/** Lines are written in batches of about this many characters, so a write is neither tiny nor huge. */
const WRITE_BATCH_CHARS = 8_000_000;

/** One paper file as saved: what ingest read, what the parser found, and its passages. */
export interface SnapshotFile {
  readonly document: SourceDocument;
  readonly parsed: ParsedFile;
  readonly passages: readonly Passage[];
}

export interface Snapshot {
  /** In the order they were indexed (passage ids follow this order). */
  readonly files: readonly SnapshotFile[];
  readonly search: AsPlainObject;
  readonly commonTerms: CommonTermPostings;
  /** Searches and their scores when saved, to check the loaded index against (see checkPaperIndex). */
  readonly probes: readonly IndexProbe[];
}

/** A snapshot, or why it cannot be used; `missing` when there is none yet (not a problem). */
export type SnapshotRead =
  | { readonly ok: true; readonly snapshot: Snapshot; readonly problem?: never }
  | { readonly ok: false; readonly snapshot?: never; readonly problem: string | 'missing' };

/**
 * Writes the index atomically: to a temporary file, fsync'd, then renamed over the old snapshot, so a
 * crash mid-write leaves the old snapshot (or none), never half a file under the real name.
 */
export function writeSnapshot(dir: string, index: PaperIndex): void {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, SNAPSHOT_FILE);
  const temp = `${target}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  const hash = createHash('sha256');
  let batch: string[] = [];
  let batchChars = 0;
  let lines = 0;
  const flush = (): void => {
    const bytes = Buffer.from(batch.join(''), 'utf8');
    hash.update(bytes);
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
    batch = [];
    batchChars = 0;
  };
  const line = (value: unknown): void => {
    const text = `${JSON.stringify(value)}\n`;
    batch.push(text);
    batchChars += text.length;
    lines++;
    if (batchChars >= WRITE_BATCH_CHARS) flush();
  };
  try {
    const parts = index.toParts();
    const { index: terms, ...searchRest } = parts.search;
    line({ format: FORMAT, version: SNAPSHOT_VERSION, code: codeFingerprint(), probes: probePaperIndex(index) });
    const passagesByFile = new Map<string, Passage[]>();
    for (const p of parts.passages) {
      const list = passagesByFile.get(p.source.file);
      if (list) list.push(p);
      else passagesByFile.set(p.source.file, [p]);
    }
    parts.corpus.files.forEach((parsed, k) => {
      line({ t: 'file', document: parts.corpus.documents[k], parsed, passages: passagesByFile.get(parsed.file) ?? [] });
    });
    line({ t: 'minisearch', ...searchRest });
    for (let k = 0; k < terms.length; k += TERMS_PER_LINE) line({ t: 'terms', entries: terms.slice(k, k + TERMS_PER_LINE) });
    for (const [term, lists] of parts.commonTerms) {
      line({ t: 'common', term, ...Object.fromEntries(SEARCH_FIELDS.map((f) => [f, Buffer.from(lists[f].buffer, lists[f].byteOffset, lists[f].byteLength).toString('base64')])) });
    }
    flush();
    writeSync(fd, `${JSON.stringify({ t: 'end', sha256: hash.digest('hex'), lines })}\n`);
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
  try {
    return parseSnapshot(readFileSync(path), path);
  } catch (error) {
    return { ok: false, problem: `snapshot: ${path} is unreadable (${(error as Error).message})` };
  }
}

function parseSnapshot(bytes: Buffer, path: string): SnapshotRead {
  const fail = (why: string): SnapshotRead => ({ ok: false, problem: `snapshot: ${path} ${why}` });
  if (bytes.length === 0 || bytes[bytes.length - 1] !== 0x0a) return fail('is cut short (no end line)');
  const endStart = bytes.lastIndexOf(0x0a, bytes.length - 2) + 1;
  const end = parseLine(bytes, endStart, bytes.length - 1) as { t?: string; sha256?: string } | undefined;
  if (end?.t !== 'end') return fail('is cut short (no end line)');
  const headerEnd = bytes.indexOf(0x0a);
  const header = parseLine(bytes, 0, headerEnd) as { format?: string; version?: number; code?: string; probes?: IndexProbe[] } | undefined;
  if (header?.format !== FORMAT) return fail('is not a Panel Papers index snapshot');
  if (header.version !== SNAPSHOT_VERSION) return fail(`is format version ${String(header.version)}, this version reads ${SNAPSHOT_VERSION}`);
  if (createHash('sha256').update(bytes.subarray(0, endStart)).digest('hex') !== end.sha256) return fail('fails its checksum (damaged)');
  if (header.code !== codeFingerprint()) return fail('was made by a different version of the parser or index');
  const files: SnapshotFile[] = [];
  let search: Omit<AsPlainObject, 'index'> | undefined;
  const terms: AsPlainObject['index'] = [];
  const commonTerms = new Map<string, Record<SearchField, Int32Array>>();
  for (let start = headerEnd + 1; start < endStart; ) {
    const stop = bytes.indexOf(0x0a, start);
    const value = parseLine(bytes, start, stop) as SnapshotLine | undefined;
    start = stop + 1;
    if (!value) return fail('has a line that is not JSON');
    if (value.t === 'file') files.push(value);
    else if (value.t === 'minisearch') search = value;
    else if (value.t === 'terms') for (const entry of value.entries) terms.push(entry);
    else if (value.t === 'common') commonTerms.set(value.term, fromBase64Lists(value));
  }
  if (!search) return fail('has no search index');
  return { ok: true, snapshot: { files, search: { ...search, index: terms }, commonTerms, probes: header.probes ?? [] } };
}

type SnapshotLine =
  | ({ readonly t: 'file' } & SnapshotFile)
  | ({ readonly t: 'minisearch' } & Omit<AsPlainObject, 'index'>)
  | { readonly t: 'terms'; readonly entries: AsPlainObject['index'] }
  | ({ readonly t: 'common'; readonly term: string } & Record<SearchField, string>);

function parseLine(bytes: Buffer, start: number, end: number): unknown {
  try {
    return JSON.parse(bytes.toString('utf8', start, end));
  } catch {
    // A line that does not parse is what a damaged file looks like; the caller reports it.
    return undefined;
  }
}

function fromBase64Lists(value: Record<SearchField, string>): Record<SearchField, Int32Array> {
  const list = (b64: string): Int32Array => {
    const bytes = Buffer.from(b64, 'base64');
    // Copy into a fresh buffer: Int32Array needs 4-byte alignment, which Buffer's pool does not promise.
    return new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  };
  return { text: list(value.text), title: list(value.title), item: list(value.item) };
}

let fingerprint: string | undefined;

/**
 * A hash of the code that decides what a snapshot holds (ingest, parse, search, the committee names).
 * When any of it changes, saved parser records may be stale, so the snapshot is rebuilt.
 */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  for (const dir of ['ingest', 'parse', 'search'].map((d) => join(__dirname, '..', d))) {
    for (const name of readdirSync(dir).sort()) {
      if (/\.(ts|js|mjs|cjs)$/u.test(name)) hash.update(name).update(readFileSync(join(dir, name)));
    }
  }
  const committees = join(__dirname, '..', '..', 'data', 'committees.json');
  if (existsSync(committees)) hash.update(readFileSync(committees));
  fingerprint = hash.digest('hex');
  return fingerprint;
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

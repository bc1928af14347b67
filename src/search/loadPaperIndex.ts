import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readPaperFile, readPaperFolder, readPaperFolderAsync, type ReadPaperFolderOptions, type SourceDocument } from '../ingest';
import { listPaperFiles } from '../ingest/readPaperFolder';
import type { ParseIssue } from '../model';
import { combineParsedFiles, parsePaperFile, parsePapers, type ParsedFile } from '../parse';
import { PaperIndex } from './PaperIndex';
import { readSnapshot, writeSnapshot, type SnapshotFile } from './snapshot';
import { checkPaperIndex } from './snapshotCheck';

export interface LoadPaperIndexOptions {
  /**
   * Where the index snapshot lives (e.g. `${DATA_DIR}/index`). When set, an unchanged folder loads
   * from it, only changed, added or removed files are re-parsed, and a fresh snapshot is saved.
   */
  readonly snapshotDir?: string | undefined;
}

export interface LoadedPaperIndex {
  readonly index: PaperIndex;
  readonly issues: readonly ParseIssue[];
  /** True when saved parser records were used (all files, or all but those in `reparsed`). */
  readonly fromSnapshot: boolean;
  /** Files parsed on this load: all of them without a usable snapshot, else the changed and added ones. */
  readonly reparsed: readonly string[];
  /**
   * Why the snapshot could not be used or saved, in a sentence for the log: damaged, cut short, an
   * old version, failed its self-check, could not be written. The papers were indexed anyway.
   */
  readonly snapshotProblem?: string;
}

/**
 * Reads, parses and indexes a papers folder of text and HTML papers (no PDFs). Files that fail are in
 * `issues`; the rest serve. With `snapshotDir`, see LoadPaperIndexOptions: the papers folder is always
 * the truth, and a snapshot that is damaged, old or wrong is reported and rebuilt, never trusted.
 */
export function loadPaperIndex(dir: string, options: LoadPaperIndexOptions = {}): LoadedPaperIndex {
  if (options.snapshotDir === undefined) {
    const folder = readPaperFolder(dir);
    const corpus = parsePapers(folder.documents, folder.issues);
    return { index: PaperIndex.build(corpus), issues: corpus.issues, fromSnapshot: false, reparsed: corpus.documents.map((d) => d.file) };
  }
  return loadWithSnapshot(dir, options.snapshotDir);
}

/**
 * Reads, parses and indexes a papers folder, PDFs included (cited by PDF page), with the same snapshot
 * behaviour as loadPaperIndex. What the bot calls at startup and on every change to the folder.
 */
export async function loadPaperIndexAsync(dir: string, options: LoadPaperIndexOptions & ReadPaperFolderOptions = {}): Promise<LoadedPaperIndex> {
  if (options.snapshotDir === undefined) {
    const folder = await readPaperFolderAsync(dir, options);
    const corpus = parsePapers(folder.documents, folder.issues);
    return { index: PaperIndex.build(corpus), issues: corpus.issues, fromSnapshot: false, reparsed: corpus.documents.map((d) => d.file) };
  }
  const read = readSnapshot(options.snapshotDir);
  const { files, issues } = listPaperFiles(dir);
  const changed = new Set(files.filter((f) => !reusable(read, f)).map((f) => f.name));
  // Only the files that changed are read again; a PDF needs the async reader, the rest do not.
  const fresh = await readPaperFolderAsync(dir, { ...options, only: changed });
  return finish(options.snapshotDir, read, files, [...issues, ...fresh.issues], (name) => fresh.documents.find((d) => d.file === name));
}

function loadWithSnapshot(dir: string, snapshotDir: string): LoadedPaperIndex {
  const read = readSnapshot(snapshotDir);
  const { files, issues } = listPaperFiles(dir);
  const readNow = new Map<string, SourceDocument>();
  for (const file of files) {
    if (reusable(read, file)) continue;
    const result = readPaperFile(file.path, file.name);
    if (result.issue) issues.push(result.issue);
    else readNow.set(file.name, result.document);
  }
  return finish(snapshotDir, read, files, issues, (name) => readNow.get(name));
}

type SnapshotRead = ReturnType<typeof readSnapshot>;

/** Whether a file's saved records can be used: the snapshot holds it with the same bytes. */
function reusable(read: SnapshotRead, file: { path: string; name: string }): boolean {
  const keep = read.ok ? read.snapshot.files.find((f) => f.document.file === file.name) : undefined;
  // Hash the bytes first: reading and splitting a file into lines costs more than hashing it.
  return keep !== undefined && keep.document.contentHash === hashFile(file.path);
}

/** Combines saved and freshly read files, loads or rebuilds the search index, and saves a snapshot. */
function finish(
  snapshotDir: string,
  read: SnapshotRead,
  files: readonly { path: string; name: string }[],
  issues: ParseIssue[],
  readNow: (name: string) => SourceDocument | undefined,
): LoadedPaperIndex {
  const problems: string[] = read.ok || read.problem === 'missing' ? [] : [`${read.problem}; rebuilt from the papers`];
  const saved = new Map<string, SnapshotFile>((read.ok ? read.snapshot.files : []).map((f) => [f.document.file, f]));
  const documents: SourceDocument[] = [];
  const parsed: ParsedFile[] = [];
  const reparsed: string[] = [];
  for (const { name } of files) {
    const document = readNow(name);
    const keep = saved.get(name);
    if (document) {
      documents.push(document);
      parsed.push(parsePaperFile(document));
      reparsed.push(name);
    } else if (keep && !issues.some((i) => i.file === name)) {
      documents.push(keep.document);
      parsed.push(keep.parsed);
    }
  }
  const corpus = combineParsedFiles(documents, parsed, issues);
  const unchanged = read.ok && reparsed.length === 0 && documents.length === read.snapshot.files.length;
  let index: PaperIndex | undefined;
  if (unchanged) {
    try {
      index = PaperIndex.fromParts({ corpus, passages: read.snapshot.files.flatMap((f) => f.passages), search: read.snapshot.search, commonTerms: read.snapshot.commonTerms });
      const failed = checkPaperIndex(index, read.snapshot.probes);
      if (failed) {
        problems.push(`snapshot: ${failed}; rebuilt the search index from the saved records`);
        index = undefined;
      }
    } catch (error) {
      problems.push(`snapshot: minisearch could not load the saved index (${(error as Error).message}); rebuilt it`);
      index = undefined;
    }
  }
  if (!index) {
    index = PaperIndex.build(corpus);
    try {
      writeSnapshot(snapshotDir, index);
    } catch (error) {
      // A full disk or a read-only folder must not stop the bot: it serves, and starts slower next time.
      problems.push(`${(error as Error).message}; the bot runs without a snapshot`);
    }
  }
  return {
    index,
    issues: corpus.issues,
    fromSnapshot: read.ok,
    reparsed,
    ...(problems.length > 0 ? { snapshotProblem: problems.join('. ') } : {}),
  };
}

function hashFile(path: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    // An unreadable file is re-read by readPaperFile below, which reports why.
    return undefined;
  }
}

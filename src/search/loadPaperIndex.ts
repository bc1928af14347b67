import { exemptIssue, findExemptMarking, readPaperFile, readPaperFolder, readPaperFolderWith, workerScript, type ExemptOptions, type ReadPaperFolderOptions, type SourceDocument } from '../ingest';
import { listPaperFiles } from '../ingest/readPaperFolder';
import type { ParseIssue } from '../model';
import { combineParsedFiles, parsePaperFile, parsePapers, type ParsedFile } from '../parse';
import { FileHashes } from './fileHashes';
import { PaperIndex } from './PaperIndex';
import { readSnapshot, writeSnapshot, type SnapshotFile } from './snapshot';
import { checkPaperIndex } from './snapshotCheck';

export interface LoadPaperIndexOptions extends ExemptOptions {
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
 * Reads, parses and indexes a papers folder of text and HTML papers (no PDFs). Files that fail, and
 * exempt papers (src/ingest/exempt.ts), are in `issues`; the rest serve. With `snapshotDir`, see LoadPaperIndexOptions: the papers folder is always
 * the truth, and a snapshot that is damaged, old or wrong is reported and rebuilt, never trusted.
 */
export function loadPaperIndex(dir: string, options: LoadPaperIndexOptions = {}): LoadedPaperIndex {
  if (options.snapshotDir === undefined) {
    const folder = readPaperFolder(dir, options);
    const corpus = parsePapers(folder.documents, folder.issues);
    return { index: PaperIndex.build(corpus), issues: corpus.issues, fromSnapshot: false, reparsed: corpus.documents.map((d) => d.file) };
  }
  return loadWithSnapshot(dir, options.snapshotDir, options.exemptFiles ?? NONE);
}

/** Reads and parses each paper in a worker with a time and memory budget (src/ingest/PaperWorker.ts). */
const PARSE_SCRIPT = workerScript(__dirname, 'parsePaperInWorker');

/**
 * Reads, parses and indexes a papers folder, PDFs included (cited by PDF page), with the same snapshot
 * behaviour as loadPaperIndex. What the bot calls at startup and on every change to the folder. Each
 * paper is read and parsed in a worker within its budget (`limits`); one over it is reported and skipped.
 */
export async function loadPaperIndexAsync(dir: string, options: LoadPaperIndexOptions & ReadPaperFolderOptions = {}): Promise<LoadedPaperIndex> {
  if (options.snapshotDir === undefined) {
    const folder = await readPaperFolderWith<ParsedFile>(dir, PARSE_SCRIPT, options);
    const parsed = folder.documents.map((d) => folder.extras.get(d.file) ?? parsePaperFile(d));
    const corpus = combineParsedFiles(folder.documents, parsed, folder.issues);
    return { index: PaperIndex.build(corpus), issues: corpus.issues, fromSnapshot: false, reparsed: corpus.documents.map((d) => d.file) };
  }
  const read = readSnapshot(options.snapshotDir);
  const { files, issues } = listPaperFiles(dir);
  const hashes = FileHashes.read(options.snapshotDir);
  const changed = new Set(files.filter((f) => !reusable(read, f, hashes)).map((f) => f.name));
  hashes.save();
  // Only the files that changed are read again.
  const fresh = await readPaperFolderWith<ParsedFile>(dir, PARSE_SCRIPT, { ...options, only: changed });
  const byName = new Map(fresh.documents.map((d) => [d.file, d]));
  return finish(options.snapshotDir, read, files, [...issues, ...fresh.issues], (name) => byName.get(name), options.exemptFiles ?? NONE, (name) => fresh.extras.get(name));
}

const NONE: ReadonlySet<string> = new Set();

function loadWithSnapshot(dir: string, snapshotDir: string, exemptFiles: ReadonlySet<string>): LoadedPaperIndex {
  const read = readSnapshot(snapshotDir);
  const { files, issues } = listPaperFiles(dir);
  const hashes = FileHashes.read(snapshotDir);
  const readNow = new Map<string, SourceDocument>();
  for (const file of files) {
    if (reusable(read, file, hashes)) continue;
    const result = readPaperFile(file.path, file.name);
    const marking = result.document ? findExemptMarking(file.name, result.document.lines, result.document.pages, exemptFiles) : null;
    if (result.issue) issues.push(result.issue);
    else if (marking) issues.push(exemptIssue(file.name, marking));
    else readNow.set(file.name, result.document);
  }
  hashes.save();
  return finish(snapshotDir, read, files, issues, (name) => readNow.get(name), exemptFiles);
}

type SnapshotRead = ReturnType<typeof readSnapshot>;

/** Whether a file's saved records can be used: the snapshot holds it with the same bytes. */
function reusable(read: SnapshotRead, file: { path: string; name: string }, hashes: FileHashes): boolean {
  const keep = read.ok ? read.snapshot.files.find((f) => f.document.file === file.name) : undefined;
  // Hash the bytes first: reading and splitting a file into lines costs more than hashing it.
  return keep !== undefined && keep.document.contentHash === hashes.hash(file.path, file.name);
}

/** Combines saved and freshly read files, loads or rebuilds the search index, and saves a snapshot. */
function finish(
  snapshotDir: string,
  read: SnapshotRead,
  files: readonly { path: string; name: string }[],
  issues: ParseIssue[],
  readNow: (name: string) => SourceDocument | undefined,
  exemptFiles: ReadonlySet<string>,
  parsedNow: (name: string) => ParsedFile | undefined = () => undefined,
): LoadedPaperIndex {
  const problems: string[] = read.ok || read.problem === 'missing' ? [] : [`${read.problem}; rebuilt from the papers`];
  const saved = new Map<string, SnapshotFile>((read.ok ? read.snapshot.files : []).map((f) => [f.document.file, f]));
  // In folder order: each file freshly read and parsed, or kept from the snapshot with its records.
  const entries: { readonly fresh?: SourceDocument; readonly kept?: SnapshotFile; readonly parsed: ParsedFile }[] = [];
  const reparsed: string[] = [];
  for (const { name } of files) {
    const document = readNow(name);
    const keep = saved.get(name);
    if (document) {
      entries.push({ fresh: document, parsed: parsedNow(name) ?? parsePaperFile(document) });
      reparsed.push(name);
    } else if (keep && exemptFiles.has(name)) {
      // Markings were checked when the file was saved, by the same code and data/exempt-markers.json
      // (both in the snapshot's code fingerprint); EXEMPT_PAPERS may have changed since.
      issues.push(exemptIssue(name, { by: 'listed' }));
    } else if (keep && !issues.some((i) => i.file === name)) {
      entries.push({ kept: keep, parsed: keep.parsed });
    }
  }
  const kept = entries.flatMap((e) => (e.kept ? [e.kept] : []));
  const parsed = entries.map((e) => e.parsed);
  const unchanged = read.ok && reparsed.length === 0 && kept.length === read.snapshot.files.length;
  let index: PaperIndex | undefined;
  let corpusIssues: readonly ParseIssue[] = issues;
  if (unchanged) {
    const snapshot = read.snapshot;
    try {
      const corpus = combineParsedFiles(kept.map((f) => f.document), parsed, issues);
      corpusIssues = corpus.issues;
      index = PaperIndex.fromParts({ corpus, texts: kept.map((f) => f.text), spans: kept.map((f) => f.spans), search: { ...snapshot.search, documentIds: {}, fieldLength: {}, storedFields: {} }, searchDocuments: snapshot.searchDocuments, frequent: snapshot.frequent, words: snapshot.words });
      const failed = checkPaperIndex(index, snapshot.probes);
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
    // Saved files keep their parser records; only the search index is built again, over all files.
    const documents = entries.map((e) => e.fresh ?? { ...e.kept!.document, lines: e.kept!.text.slice() });
    const corpus = combineParsedFiles(documents, parsed, issues);
    corpusIssues = corpus.issues;
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
    issues: corpusIssues,
    fromSnapshot: read.ok,
    reparsed,
    ...(problems.length > 0 ? { snapshotProblem: problems.join('. ') } : {}),
  };
}

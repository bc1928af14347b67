import { DEFAULT_PAPER_LIMITS, PaperWorker, readPaperFolderWith, workerScript, type PaperLimits, type ReadPaperFolderOptions, type SourceDocument } from '../ingest';
import type { ParseIssue } from '../model';
import { combineParsedFiles, parsePaperFile, type ParsedFile } from '../parse';
import { withoutLines, type PaperFile, type PaperIndex } from './PaperIndex';
import { writeSnapshot } from './snapshot';

export interface UpdatedPaperIndex {
  readonly index: PaperIndex;
  /** Every file's issues, as a full load of the folder would give them. */
  readonly issues: readonly ParseIssue[];
}

const PARSE_SCRIPT = workerScript(__dirname, 'parsePaperInWorker');

/** A worker that reads and parses papers for updatePaperIndex, kept between updates (idle, it holds nothing up). */
export function paperParser(limits: PaperLimits = DEFAULT_PAPER_LIMITS): PaperWorker<ParsedFile> {
  return new PaperWorker<ParsedFile>(PARSE_SCRIPT, limits);
}

/**
 * The index after `changed` files of `dir` were added, replaced or removed, without reading or
 * indexing the others again (PaperIndex.withChanges). Each changed file is read and parsed in a
 * worker within its budget, as at start-up; one that now fails is dropped, as a full load would.
 * The parser's records of every file are combined again (meetings merge across files), which costs
 * milliseconds at 10 MB of papers against seconds for reading and indexing them.
 */
export async function updatePaperIndex(
  index: PaperIndex,
  dir: string,
  changed: ReadonlySet<string>,
  options: ReadPaperFolderOptions = {},
  parser?: PaperWorker<ParsedFile>,
): Promise<UpdatedPaperIndex> {
  const fresh = await readPaperFolderWith<ParsedFile>(dir, PARSE_SCRIPT, { ...options, only: changed }, parser);
  const freshDocs = new Map(fresh.documents.map((d) => [d.file, d]));
  const old = new Map(index.corpus.documents.map((d, k) => [d.file, { document: d, parsed: index.corpus.files[k]! }]));
  // The ingest issues (not the parser's) of files left as they were, kept as a full load would report them.
  const parserIssues = new Set(index.corpus.files.flatMap((f) => f.issues));
  const keptIssues = index.corpus.issues.filter((i) => !parserIssues.has(i) && !changed.has(i.file));
  // Folder order (listPaperFiles' name order), without listing the folder: the index knows the rest.
  const names = [...[...old.keys()].filter((name) => !changed.has(name)), ...freshDocs.keys()].sort();
  const documents: (PaperFile | SourceDocument)[] = [];
  const parsed: ParsedFile[] = [];
  for (const name of names) {
    const document = freshDocs.get(name);
    if (document) {
      documents.push(document);
      parsed.push(fresh.extras.get(name) ?? parsePaperFile(document));
    } else {
      documents.push(old.get(name)!.document);
      parsed.push(old.get(name)!.parsed);
    }
  }
  const corpus = combineParsedFiles(documents, parsed, [...keptIssues, ...fresh.issues]);
  const next = { ...corpus, documents: documents.map(withoutLines) };
  return { index: await index.withChanges(next, freshDocs), issues: corpus.issues };
}

/**
 * Saves a snapshot of an index changed in place: compacted first (renumbered as a build would), which
 * loads a new minisearch from its saved form. It holds the event loop for that and for the write
 * (seconds at 100 MB): the watcher calls it after a quiet time, never per change.
 */
export function saveChangedIndex(snapshotDir: string, index: PaperIndex): void {
  writeSnapshot(snapshotDir, index.compacted());
}

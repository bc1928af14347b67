import { availableParallelism } from 'node:os';
import type { ParseIssue } from '../model';
import { setAsideExempt } from './exempt';
import { DEFAULT_PAPER_LIMITS, type PaperLimits } from './paperLimits';
import { PaperWorker, workerScript } from './PaperWorker';
import { listPaperFiles, type ExemptOptions, type PaperFolder } from './readPaperFolder';
import { statOf, type SkippedPapers } from './SkippedPapers';
import type { SourceDocument } from './sourceDocument';

/** How far a folder read has got: `done` of `total` files, the last being `file`. */
export interface IngestProgress {
  readonly done: number;
  readonly total: number;
  readonly file: string;
}

export interface ReadPaperFolderOptions extends ExemptOptions {
  /** Called after each file, e.g. with `progressBar(process.stderr)`. */
  readonly onProgress?: ((progress: IngestProgress) => void) | undefined;
  /** Read only these files (by name), e.g. those an index snapshot does not already hold. */
  readonly only?: ReadonlySet<string> | undefined;
  /** Each paper's size, text, line, time and memory limits (settings: see paperLimits.ts). */
  readonly limits?: PaperLimits | undefined;
  /** Papers skipped for size or budget by an earlier read, not read again until they change. */
  readonly skipped?: SkippedPapers | undefined;
  /**
   * How many papers are read at once, each in its own worker with its own budget, at most one per core
   * (os.availableParallelism()): reading a PDF is CPU-bound. By default one worker per PAPERS_PER_READER
   * papers. 1 reads one paper at a time, leaving the other cores to whatever else runs (a bot
   * answering while it re-reads its folder).
   */
  readonly readers?: number | undefined;
}

/** A folder read, with what the worker script added for each paper read (by file name). */
export interface PaperFolderWith<E> extends PaperFolder {
  readonly extras: ReadonlyMap<string, E>;
}

/**
 * A worker costs about 1.5 CPU seconds before it reads at full speed (loading pdf.js and compiling its
 * hot paths), so a second one pays only on a folder of many papers: measured on the shared councils'
 * PDFs (scripts/benchPdf.ts), 33 PDFs read in 3.9 s by one worker and 5.3 s by two, 198 in 12.1 s by
 * one and 10.2 s by two.
 */
const PAPERS_PER_READER = 40;

const READ_ONLY_SCRIPT = workerScript(__dirname, 'readPaperInWorker');

/**
 * Reads every paper in a folder: text, HTML and PDF (with each line's PDF page). A file that can't
 * be read, including a corrupt, encrypted or image-only PDF, one over a limit or its budget, or an
 * exempt paper, is reported and skipped; the rest load. Each paper is read in a worker (PaperWorker),
 * several at once on a folder of many papers (`readers`).
 */
export function readPaperFolderAsync(dir: string, options: ReadPaperFolderOptions = {}): Promise<PaperFolder> {
  return readPaperFolderWith<never>(dir, READ_ONLY_SCRIPT, options);
}

/**
 * readPaperFolderAsync with another worker script: one that also parses each paper it reads (the
 * search stage's), so that parsing too runs within the paper's budget, off the main thread. With
 * `reader`, that worker (of that script) reads, and is left running for the next call: starting a
 * worker costs more than reading one new paper.
 */
export async function readPaperFolderWith<E>(dir: string, script: string, options: ReadPaperFolderOptions = {}, reader?: PaperWorker<E>): Promise<PaperFolderWith<E>> {
  const listed = listPaperFiles(dir, options.only);
  const files = options.only ? listed.files.filter((f) => options.only?.has(f.name)) : listed.files;
  const issues = options.only ? listed.issues.filter((i) => options.only?.has(i.file)) : listed.issues;
  // One slot per file, filled by whichever worker reads it, so the result is in name order however the reads interleave.
  const read: ({ readonly document?: SourceDocument; readonly issue?: ParseIssue; readonly extra?: E } | undefined)[] = new Array(files.length);
  const limits = options.limits ?? DEFAULT_PAPER_LIMITS;
  const readers = Math.max(1, Math.min(options.readers ?? Math.ceil(files.length / PAPERS_PER_READER), availableParallelism(), files.length));
  let next = 0;
  let done = 0;
  /** One worker's loop: it takes the next file not yet taken until none is left. */
  const readInTurn = async (worker: PaperWorker<E>): Promise<void> => {
    for (let k = next++; k < files.length; k = next++) {
      const { path, name } = files[k]!;
      const known = options.skipped?.recall(path, name);
      if (known) read[k] = { issue: known };
      else {
        const before = statOf(path);
        const { result, extra } = await worker.read(path, name);
        options.skipped?.remember(name, before, result.issue);
        read[k] = { ...result, ...(extra !== undefined ? { extra } : {}) };
      }
      options.onProgress?.({ done: ++done, total: files.length, file: name });
    }
  };
  const workers = reader ? [reader] : Array.from({ length: readers }, () => new PaperWorker<E>(script, limits));
  try {
    await Promise.all(workers.map(readInTurn));
  } finally {
    // A reader lent by the caller is left running for its next call.
    if (!reader) await Promise.all(workers.map((w) => w.close()));
  }
  const documents: SourceDocument[] = [];
  const extras = new Map<string, E>();
  files.forEach(({ name }, k) => {
    const paper = read[k]!;
    if (paper.issue) issues.push(paper.issue);
    else if (paper.document) documents.push(paper.document);
    if (paper.extra !== undefined) extras.set(name, paper.extra);
  });
  const served = setAsideExempt(documents, options.exemptFiles ?? new Set());
  return { documents: served.documents, issues: [...issues, ...served.issues], extras };
}

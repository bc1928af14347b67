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
}

/** A folder read, with what the worker script added for each paper read (by file name). */
export interface PaperFolderWith<E> extends PaperFolder {
  readonly extras: ReadonlyMap<string, E>;
}

const READ_ONLY_SCRIPT = workerScript(__dirname, 'readPaperInWorker');

/**
 * Reads every paper in a folder: text, HTML and PDF (with each line's PDF page). A file that can't
 * be read, including a corrupt, encrypted or image-only PDF, one over a limit or its budget, or an
 * exempt paper, is reported and skipped; the rest load. Each paper is read in a worker (PaperWorker).
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
  const documents: SourceDocument[] = [];
  const extras = new Map<string, E>();
  const worker = reader ?? new PaperWorker<E>(script, options.limits ?? DEFAULT_PAPER_LIMITS);
  try {
    for (const [index, { path, name }] of files.entries()) {
      const known = options.skipped?.recall(path, name);
      if (known) issues.push(known);
      else {
        const before = statOf(path);
        const { result, extra } = await worker.read(path, name);
        options.skipped?.remember(name, before, result.issue);
        if (result.issue) issues.push(result.issue);
        else documents.push(result.document);
        if (extra !== undefined) extras.set(name, extra);
      }
      options.onProgress?.({ done: index + 1, total: files.length, file: name });
    }
  } finally {
    if (!reader) await worker.close();
  }
  const served = setAsideExempt(documents, options.exemptFiles ?? new Set());
  return { documents: served.documents, issues: [...issues, ...served.issues], extras };
}

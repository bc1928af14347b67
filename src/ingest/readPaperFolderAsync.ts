import { extname } from 'node:path';
import { PdfWorker } from './PdfWorker';
import { readPaperFile } from './readPaperFile';
import { setAsideExempt } from './exempt';
import { listPaperFiles, type ExemptOptions, type PaperFolder } from './readPaperFolder';
import { readPdfFile } from './readPdfFile';
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
}

/**
 * Reads every paper in a folder: text, HTML and PDF (with each line's PDF page). A file that can't
 * be read, including a corrupt, encrypted or image-only PDF, or an exempt paper, is reported and
 * skipped; the rest load.
 */
export async function readPaperFolderAsync(dir: string, options: ReadPaperFolderOptions = {}): Promise<PaperFolder> {
  const listed = listPaperFiles(dir);
  const files = options.only ? listed.files.filter((f) => options.only?.has(f.name)) : listed.files;
  const issues = options.only ? listed.issues.filter((i) => options.only?.has(i.file)) : listed.issues;
  const documents: SourceDocument[] = [];
  const pdf = new PdfWorker();
  try {
    for (const [index, { path, name }] of files.entries()) {
      const result = extname(name).toLowerCase() === '.pdf' ? await readPdfFile(path, name, pdf) : readPaperFile(path, name);
      if (result.issue) issues.push(result.issue);
      else documents.push(result.document);
      options.onProgress?.({ done: index + 1, total: files.length, file: name });
    }
  } finally {
    await pdf.close();
  }
  const served = setAsideExempt(documents, options.exemptFiles ?? new Set());
  return { documents: served.documents, issues: [...issues, ...served.issues] };
}

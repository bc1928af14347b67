import { readFile } from 'node:fs/promises';
import { pdfToLines } from './pdfToLines';
import type { PdfWorker } from './PdfWorker';
import { contentHash, fileIssue, type PaperFileResult } from './readPaperFile';

/**
 * Reads one PDF paper: its lines, and each line's PDF page (1-based) for citations. A PDF that is
 * corrupt, password-protected or has no text layer comes back as an issue, never an exception.
 */
export async function readPdfFile(path: string, file: string, worker: PdfWorker): Promise<PaperFileResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return fileIssue(file, 'unreadable_file', `ingest: cannot read ${file}: ${(error as Error).message}`);
  }
  const text = await worker.read(bytes);
  if (!text.ok) {
    // pdf.js names its exceptions: PasswordException when a user password is needed to open the file.
    if (text.name === 'PasswordException') {
      return fileIssue(file, 'encrypted_pdf', `ingest: ${file} is a password-protected PDF; skipped (publish or save a copy without a password)`);
    }
    return fileIssue(file, 'corrupt_pdf', `ingest: ${file} is not a readable PDF (${text.message}); skipped`);
  }
  if (text.pages.length === 0) return fileIssue(file, 'empty_file', `ingest: ${file} is a PDF with no pages; skipped`);
  const { lines, pages } = pdfToLines(text.pages);
  if (lines.length === 0) {
    const count = `${text.pages.length} page${text.pages.length === 1 ? '' : 's'}`;
    return fileIssue(file, 'image_only_pdf', `ingest: ${file} has no text layer (${count} of images or scans; it needs OCR); skipped`);
  }
  return { document: { file, lines, pages, contentHash: contentHash(bytes) } };
}

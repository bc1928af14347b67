import type { PaperLimits } from './paperLimits';
import { linesOverLimits } from './paperLimits';
import { readPdfText } from './readPdfText';
import { pdfToLines } from './pdfToLines';
import { contentHash, fileIssue, oversized, readRegularFile, type PaperFileResult } from './readPaperFile';

/**
 * Reads one PDF paper: its lines, and each line's PDF page (1-based) for citations. A PDF that is
 * corrupt, password-protected or has no text layer comes back as an issue, never an exception.
 * Runs pdf.js, so only inside the paper worker (see readPdfText.ts).
 */
export async function readPdfFile(path: string, file: string, limits: PaperLimits): Promise<PaperFileResult> {
  const read = readRegularFile(path, file, limits);
  if (read.issue) return read;
  const { bytes } = read;
  // pdf.js takes the buffer over; the hash is taken first.
  const hash = contentHash(bytes);
  const text = await readPdfText(new Uint8Array(bytes));
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
  const over = linesOverLimits(lines, limits);
  if (over) return oversized(file, over);
  return { document: { file, lines, pages, contentHash: hash } };
}

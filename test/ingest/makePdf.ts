import PDFDocument from 'pdfkit';

export interface MakePdfOptions {
  /** Source lines (blank ones included) per PDF page; the generator adds a real page break after each run. */
  readonly linesPerPage?: number;
  /** Encrypts the PDF so that it opens only with this password. */
  readonly userPassword?: string;
}

const FONT_SIZE_PT = 10;
const LINE_STEP_PT = 14;
const MARGIN_PT = 50;
/** Tab-separated cells are drawn as columns this far apart, so the reader must find the gap. */
const COLUMN_STEP_PT = 220;

/**
 * Writes text lines into a real PDF with pdfkit: one text run per line (one per tab-separated cell),
 * a blank line as vertical space, and a page break every `linesPerPage` lines. With no lines, the
 * pages carry only a drawn rectangle: a PDF with no text layer, as a scan would be.
 */
export function makePdf(lines: readonly string[], options: MakePdfOptions = {}): Promise<Buffer> {
  const linesPerPage = options.linesPerPage ?? 40;
  const doc = new PDFDocument({
    // Wider than A4 so that the longest sample line (about 150 characters) fits on one PDF line.
    size: [1000, 842],
    margin: MARGIN_PT,
    // Fixed dates keep the bytes the same from run to run.
    info: { CreationDate: new Date(0), ModDate: new Date(0) },
    ...(options.userPassword ? { userPassword: options.userPassword, pdfVersion: '1.7' as const } : {}),
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica').fontSize(FONT_SIZE_PT);
  if (lines.length === 0) doc.rect(100, 100, 200, 300).fill('#888888');
  lines.forEach((line, i) => {
    if (i > 0 && i % linesPerPage === 0) doc.addPage();
    const y = MARGIN_PT + (i % linesPerPage) * LINE_STEP_PT;
    line.split('\t').forEach((cell, column) => {
      if (cell.trim() !== '') doc.text(cell.trim(), MARGIN_PT + column * COLUMN_STEP_PT, y, { lineBreak: false });
    });
  });
  doc.end();
  return done;
}

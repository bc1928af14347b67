/**
 * Hostile papers, made at test time: what a papers folder nobody vets can hold. Each maker returns
 * the bytes (or makes the file) so a test can drop it into a temporary copy of the sample folder.
 */

/** An HTML page of `depth` nested divs around one sentence: overflowed a recursive renderer. */
export function nestedHtml(depth: number, sentence: string): string {
  return `<html><body>${'<div>'.repeat(depth)}${sentence}${'</div>'.repeat(depth)}</body></html>`;
}

/** About `bytes` of inline tags never closed (each nests in the one before): froze the renderer for minutes. */
export function unclosedInlineHtml(bytes: number): string {
  const unit = '<b><i><span>x ';
  return `<html><body><p>${unit.repeat(Math.ceil(bytes / unit.length))}</p></body></html>`;
}

/**
 * A one-page PDF of `count` text runs, `columns` to a row, written by hand (no PDF library makes
 * 200,000 runs quickly): a page this size overflowed the stack when spread into Math.min.
 */
export function pdfWithRuns(count: number, columns: number): Buffer {
  const ops = ['BT /F1 4 Tf'];
  for (let i = 0; i < count; i += 1) ops.push(`1 0 0 1 ${20 + (i % columns) * 12} ${20 + Math.floor(i / columns) * 8} Tm (r${i % 10}) Tj`);
  ops.push('ET');
  const content = ops.join('\n');
  const rows = Math.ceil(count / columns);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${40 + columns * 12} ${40 + rows * 8}] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A text paper whose first line is `chars` characters: a run of closing punctuation that is not at the line's end. */
export function longLineText(chars: number): string {
  return `NOT FOR PUBLICATION ${'.'.repeat(chars)}x\nThe panel noted the report.\n`;
}

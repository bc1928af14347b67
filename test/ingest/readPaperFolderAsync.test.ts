import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPaperFolder, readPaperFolderAsync, type PaperFolder, type SourceDocument } from '../../src/ingest';
import { parsePapers } from '../../src/parse';
import { PaperIndex } from '../../src/search';
import { makePdf } from './makePdf';

const SAMPLE = join(__dirname, '..', '..', 'data', 'papers', '000_73aa9faf505450da.txt');
const HTML_FIXTURE = join(__dirname, '..', 'fixtures', 'papers', 'html', 'minutes-moderngov.html');
const SOURCE_LINES = readFileSync(SAMPLE, 'utf8').split('\n').slice(0, 150);
const LINES_PER_PAGE = 40;

/**
 * What reading the generated PDF should give for each page's run of source lines: lines trimmed,
 * cells joined by one tab, runs of blank lines as one blank line, none at a page's top or bottom.
 */
function expectedLines(source: readonly string[], perPage: number): { lines: string[]; pages: number[] } {
  const lines: string[] = [];
  const pages: number[] = [];
  for (let start = 0; start < source.length; start += perPage) {
    const page = start / perPage + 1;
    const text = source.slice(start, start + perPage).map((l) => l.split('\t').map((c) => c.trim()).filter(Boolean).join('\t'));
    text.forEach((line, i) => {
      const keep = line !== '' || (i > 0 && text[i - 1] !== '' && text.slice(i).some((l) => l !== '') && text.slice(0, i).some((l) => l !== ''));
      if (keep) {
        lines.push(line);
        pages.push(page);
      }
    });
  }
  return { lines, pages };
}

let dir: string;
let folder: PaperFolder;
let pdfDoc: SourceDocument;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'panel-papers-ingest-'));
  writeFileSync(join(dir, 'agenda-pack.pdf'), await makePdf(SOURCE_LINES, { linesPerPage: LINES_PER_PAGE }));
  // A PDF header and then noise: what a truncated download or a mislabelled file looks like.
  writeFileSync(join(dir, 'corrupt.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256))]));
  writeFileSync(join(dir, 'encrypted.pdf'), await makePdf(SOURCE_LINES.slice(0, 20), { userPassword: 'secret' }));
  writeFileSync(join(dir, 'scanned.pdf'), await makePdf([]));
  copyFileSync(HTML_FIXTURE, join(dir, 'minutes.html'));
  writeFileSync(join(dir, 'notes.txt'), 'Children and Young People Scrutiny Panel\n');
  folder = await readPaperFolderAsync(dir);
  pdfDoc = folder.documents.find((d) => d.file === 'agenda-pack.pdf')!;
  // Papers are read in a worker thread, which starts (compiling TypeScript under jest) before the first paper.
}, 30_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readPaperFolderAsync', () => {
  it('reads a PDF pack line by line, in order, with the PDF page of each line', () => {
    const expected = expectedLines(SOURCE_LINES, LINES_PER_PAGE);
    expect(pdfDoc.lines).toStrictEqual(expected.lines);
    expect(pdfDoc.pages).toStrictEqual(expected.pages);
    expect(new Set(pdfDoc.pages)).toStrictEqual(new Set([1, 2, 3, 4]));
  });

  it('keeps table columns apart with a tab', () => {
    const at = pdfDoc.lines.indexOf('Jameel Mullan\tInclusion and Attendance Service Manager');
    expect(pdfDoc.pages?.[at]).toBe(4);
  });

  it('gives a PDF pack to the parser, which finds its meeting', () => {
    const corpus = parsePapers([pdfDoc]);
    expect(corpus.meetings.map((m) => [m.committee, m.date])).toContainEqual(['Children and Young People Scrutiny Panel', '2023-07-27']);
  });

  it('cites the PDF page of a search hit', () => {
    const index = PaperIndex.build(parsePapers([pdfDoc]));
    const hit = index.searchPassages('no declarations of interest recorded', 1, undefined, 'AND')[0];
    expect(hit?.passage.source).toMatchObject({ file: 'agenda-pack.pdf', page: 4 });
  });

  it('reports a corrupt PDF as corrupt_pdf and skips it', () => {
    const issue = folder.issues.find((i) => i.file === 'corrupt.pdf');
    expect(issue).toMatchObject({ code: 'corrupt_pdf', file: 'corrupt.pdf', line: null });
    expect(issue?.message).toMatch(/^ingest: corrupt\.pdf is not a readable PDF \(.+\); skipped$/u);
  });

  it('reports a password-protected PDF as encrypted_pdf and skips it', () => {
    expect(folder.issues.find((i) => i.file === 'encrypted.pdf')).toStrictEqual({
      code: 'encrypted_pdf',
      message: 'ingest: encrypted.pdf is a password-protected PDF; skipped (publish or save a copy without a password)',
      file: 'encrypted.pdf',
      line: null,
    });
  });

  it('reports a PDF with no text layer as image_only_pdf and skips it', () => {
    expect(folder.issues.find((i) => i.file === 'scanned.pdf')).toStrictEqual({
      code: 'image_only_pdf',
      message: 'ingest: scanned.pdf has no text layer (1 page of images or scans; it needs OCR); skipped',
      file: 'scanned.pdf',
      line: null,
    });
  });

  it('loads the good PDF, HTML and text papers beside the bad ones', () => {
    expect(folder.documents.map((d) => d.file)).toStrictEqual(['agenda-pack.pdf', 'minutes.html', 'notes.txt']);
    expect(folder.issues.map((i) => i.code).sort()).toStrictEqual(['corrupt_pdf', 'encrypted_pdf', 'image_only_pdf']);
    expect(folder.documents.find((d) => d.file === 'minutes.html')?.pages).toBeNull();
  });

  it('reports progress after each file', async () => {
    const seen: string[] = [];
    await readPaperFolderAsync(dir, { readers: 1, onProgress: ({ done, total, file }) => seen.push(`${done}/${total} ${file}`) });
    expect(seen).toStrictEqual(['1/6 agenda-pack.pdf', '2/6 corrupt.pdf', '3/6 encrypted.pdf', '4/6 minutes.html', '5/6 notes.txt', '6/6 scanned.pdf']);
  }, 30_000);

  it('reads several papers at once into the same folder, in name order, as one at a time', async () => {
    const seen: string[] = [];
    const parallel = await readPaperFolderAsync(dir, { readers: 3, onProgress: ({ done, file }) => seen.push(`${done} ${file}`) });
    expect(parallel).toStrictEqual(await readPaperFolderAsync(dir, { readers: 1 }));
    // Papers finish in any order; the count still goes up by one a paper.
    expect(seen.map((s) => s.split(' ')[0])).toStrictEqual(['1', '2', '3', '4', '5', '6']);
    expect(seen.map((s) => s.split(' ')[1]).sort()).toStrictEqual(['agenda-pack.pdf', 'corrupt.pdf', 'encrypted.pdf', 'minutes.html', 'notes.txt', 'scanned.pdf']);
  }, 60_000);
});

describe('readPaperFolder', () => {
  it('reads text and HTML papers and reports PDFs as needing readPaperFolderAsync', () => {
    const sync = readPaperFolder(dir);
    expect(sync.documents.map((d) => d.file)).toStrictEqual(['minutes.html', 'notes.txt']);
    expect(sync.issues.find((i) => i.file === 'agenda-pack.pdf')).toStrictEqual({
      code: 'unsupported_file',
      message: 'ingest: agenda-pack.pdf is a PDF, which only readPaperFolderAsync reads; skipped',
      file: 'agenda-pack.pdf',
      line: null,
    });
  });
});

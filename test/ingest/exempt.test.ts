import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findExemptMarking, readPaperFolder, readPaperFolderAsync } from '../../src/ingest';
import { councilPapers, SAMPLE_PAPERS_DIR } from '../helpers/sampleIndex';
import { makePdf } from './makePdf';

const NONE: ReadonlySet<string> = new Set();
const FIXTURES = path.join(__dirname, '..', 'fixtures');
const EXEMPT_FIXTURES = path.join(FIXTURES, 'papers', 'exempt');

/** The marking found in these lines of a text paper, or null. */
const markingOf = (lines: readonly string[]) => findExemptMarking('paper.txt', lines, null, NONE);

describe('findExemptMarking', () => {
  it.each([
    ['NOT FOR PUBLICATION', 'NOT FOR PUBLICATION'],
    ['**Not for publication:** by virtue of paragraph 3', 'NOT FOR PUBLICATION'],
    ['Exempt information under paragraph 3 of Schedule 12A of the Local Government Act 1972', 'exempt information (Schedule 12A paragraph)'],
    ['PART II', 'Part II (confidential part of the agenda)'],
    ['Part 2 - Confidential', 'Part II (confidential part of the agenda)'],
    ['# Agenda Part 2 (exempt)', 'Part II (confidential part of the agenda)'],
    ['CONFIDENTIAL', 'CONFIDENTIAL'],
    ['Strictly Confidential', 'CONFIDENTIAL'],
  ])('finds "%s" at the top of a paper', (marking, marker) => {
    expect(markingOf(['Agenda Item 7', '', marking, 'Children, Young People and Families Scrutiny Panel'])).toStrictEqual({ by: 'marking', marker, line: 3, text: marking });
  });

  it.each([
    'To resolve that the press and public be excluded from the meeting for the following item as it involves the likely disclosure of exempt information falling within paragraph 3 of Part 1 of Schedule 12A',
    'Exclusion of the press and public: exempt information under paragraph 3 of Schedule 12A',
    'Appendix 2 to this report is not for publication by virtue of paragraph 3',
    'Some items are discussed in private because of their confidential or commercial nature.',
    '(e)\tExempt Information?',
    'Part exempt – paragraph 3',
    'Appendix E – Exempt Information\tNO',
    'Confidential: No',
    'Confidential reporting policy',
    'Part 2 – items not open to the press and public',
  ])('does not take "%s" for a marking', (line) => {
    expect(markingOf(['Children, Young People and Families Scrutiny Panel', line])).toBeNull();
  });

  it("reads nothing after an agenda's Part 1 heading: that is a public agenda listing its Part 2 items", () => {
    expect(markingOf(['Scrutiny Panel', 'Agenda', 'Part 1 – items open to the press and public', 'PART 2 - EXEMPT ITEMS', 'NOT FOR PUBLICATION'])).toBeNull();
  });

  it('does not take a wrapped "Part 1 of Schedule 12A" for the agenda\'s Part 1 heading', () => {
    expect(markingOf(['By virtue of paragraph 3 of', 'Part 1 of Schedule 12A of the Local Government Act 1972', 'NOT FOR PUBLICATION'])).toMatchObject({ by: 'marking', line: 3 });
  });

  it('reads only the top of a text paper', () => {
    const body = Array.from({ length: 8 }, (_, i) => `Line ${i + 1} of the report`);
    expect(markingOf([...body, 'CONFIDENTIAL'])).toBeNull();
    expect(markingOf(['', '', ...body.slice(1), 'CONFIDENTIAL'])).toMatchObject({ line: 10 });
  });

  it('reads the top of every PDF page', () => {
    const body = Array.from({ length: 10 }, (_, i) => `Line ${i + 1} of the public report`);
    const lines = [...body, 'NOT FOR PUBLICATION', 'Appendix C'];
    expect(findExemptMarking('pack.pdf', lines, [...body.map(() => 1), 2, 2], NONE)).toMatchObject({ by: 'marking', line: 11 });
    // The same line in the middle of page 1 is text, not a marking.
    expect(findExemptMarking('pack.pdf', lines, lines.map(() => 1), NONE)).toBeNull();
    const afterPart1 = ['Agenda', 'Part 1 - open items', 'Item 1', 'PART II - CONFIDENTIAL'];
    expect(findExemptMarking('pack.pdf', afterPart1, [1, 1, 1, 2], NONE)).toBeNull();
  });

  it('takes a paper listed in EXEMPT_PAPERS whatever it says', () => {
    expect(findExemptMarking('appendix.pdf', ['A public-looking paper'], null, new Set(['appendix.pdf']))).toStrictEqual({ by: 'listed' });
  });
});

describe('findExemptMarking on hostile text', () => {
  it.each([
    ['a zero-width space between words', 'NOT\u200bFOR PUBLICATION'],
    ['a soft hyphen inside a word', 'NOT FOR PUB\u00adLICATION'],
    ['a word joiner and a byte-order mark', '\ufeffNOT FOR\u2060 PUBLICATION'],
    ['full-width letters', 'ＮＯＴ ＦＯＲ ＰＵＢＬＩＣＡＴＩＯＮ'],
  ])('reads a marking written with %s as it shows', (_how, marking) => {
    expect(markingOf([marking, 'The report.'])).toMatchObject({ by: 'marking', marker: 'NOT FOR PUBLICATION', line: 1 });
  });

  it('reads a 100 kB line of punctuation in milliseconds (the closing-punctuation regex took 16.7 s)', () => {
    const line = `NOT FOR PUBLICATION ${'.'.repeat(100_000)}x`;
    const started = Date.now();
    expect(markingOf([line, `${line.slice(0, -1)}`, ':;,'.repeat(30_000), 'NOT FOR PUBLICATION'])).toMatchObject({ line: 4 });
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('exempt papers in a papers folder', () => {
  it('sets aside the marked fixtures with a clear issue each, and keeps the public agenda that mentions Part 2', () => {
    const folder = readPaperFolder(EXEMPT_FIXTURES);
    expect(folder.documents.map((d) => d.file)).toStrictEqual(['public-agenda-with-part-2-item.txt']);
    expect(folder.issues).toStrictEqual([
      { code: 'exempt_paper', file: 'agenda-part-ii.md', line: 1, message: 'ingest: agenda-part-ii.md is marked Part II (confidential part of the agenda) ("# PART II – CONFIDENTIAL", line 1); not indexed or served' },
      { code: 'exempt_paper', file: 'report-not-for-publication.txt', line: 1, message: 'ingest: report-not-for-publication.txt is marked NOT FOR PUBLICATION ("NOT FOR PUBLICATION", line 1); not indexed or served' },
    ]);
  });

  it('sets aside a paper named in EXEMPT_PAPERS', () => {
    const folder = readPaperFolder(EXEMPT_FIXTURES, { exemptFiles: new Set(['public-agenda-with-part-2-item.txt']) });
    expect(folder.documents).toStrictEqual([]);
    expect(folder.issues.find((i) => i.file === 'public-agenda-with-part-2-item.txt')?.message).toBe(
      'ingest: public-agenda-with-part-2-item.txt is listed in EXEMPT_PAPERS; not indexed or served',
    );
  });

  it('sets aside a PDF whose second page is marked', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'exempt-pdf-'));
    try {
      const body = Array.from({ length: 12 }, (_, i) => `Paragraph ${i + 1} of the public report on placements`);
      writeFileSync(path.join(dir, 'pack.pdf'), await makePdf([...body, 'NOT FOR PUBLICATION', 'Appendix C: bid prices'], { linesPerPage: 12 }));
      const folder = await readPaperFolderAsync(dir);
      expect(folder.documents).toStrictEqual([]);
      expect(folder.issues).toMatchObject([{ code: 'exempt_paper', file: 'pack.pdf', message: expect.stringContaining('is marked NOT FOR PUBLICATION') }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Papers are read in a worker thread, which starts (compiling TypeScript under jest) before the first paper.
  }, 20_000);
});

describe('the real sample papers', () => {
  // Public papers that speak of exempt items, private sessions, "Exempt Information?" and Part 1 agendas.
  it.each([SAMPLE_PAPERS_DIR, councilPapers('bristol'), councilPapers('kingston'), path.join(FIXTURES, 'papers', 'moderngov'), path.join(FIXTURES, 'papers', 'html'), path.join(FIXTURES, 'pdf-layouts')])(
    'are none of them taken for exempt: %s',
    async (dir) => {
      const folder = await readPaperFolderAsync(dir);
      expect(folder.issues.filter((i) => i.code === 'exempt_paper')).toStrictEqual([]);
      expect(folder.documents.length).toBeGreaterThan(0);
    },
    // Reading fourteen PDFs takes seconds on a busy machine.
    60_000,
  );
});

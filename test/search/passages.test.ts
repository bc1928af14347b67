import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPaperIndex } from '../../src/search';

/** A report with a table of contents (page numbers running up) and a table of figures (not). */
const REPORT = [
  'Report to the Scrutiny Panel',
  '',
  'Contents',
  'Introduction\t3',
  'Cohort\t5',
  'Attendance\t9',
  '',
  '3.0 Cohort Information',
  '',
  '• Total pupils\t394',
  '• Placed out of area\t195',
  '• Primary phase\t147',
  '• Secondary phase\t247',
  '',
].join('\n');

describe('passages of a paper', () => {
  const dir = mkdtempSync(join(tmpdir(), 'passages-'));
  writeFileSync(join(dir, 'report.txt'), REPORT);
  const { index } = loadPaperIndex(dir);
  const texts = index.passages.map((p) => p.text);

  it('keeps a table of figures, though its rows end in tabbed numbers as contents lines do', () => {
    expect(texts.some((t) => t.includes('Total pupils\t394') && t.includes('Secondary phase\t247'))).toBe(true);
  });

  it('leaves out a table of contents, whose numbers run up as page numbers', () => {
    expect(texts.some((t) => t.includes('Attendance\t9'))).toBe(false);
  });
});

/** A post whose front matter is not minutes: read by the fallback reader, whose paper starts at line 1. */
const POST = ['---', 'title: Spring litter pick', 'date: 2026-04-11', '---', '', 'Volunteers met at the green and filled forty bags.', '---', 'Next pick in May.', ''].join('\n');

describe('passages of a Markdown post', () => {
  const dir = mkdtempSync(join(tmpdir(), 'passages-md-'));
  writeFileSync(join(dir, 'post.md'), POST);
  const { index } = loadPaperIndex(dir);

  it('never makes a passage of the front matter or a rule, so no citation quotes a "---" line', () => {
    expect(index.passages.map((p) => [p.text, p.source.lineStart])).toEqual([
      ['Volunteers met at the green and filled forty bags.', 6],
      ['Next pick in May.', 8],
    ]);
  });
});

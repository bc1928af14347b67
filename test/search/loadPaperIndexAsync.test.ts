import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerQuestion } from '../../src/answer';
import { loadPaperIndexAsync } from '../../src/search';
import { makePdf } from '../ingest/makePdf';
import { SAMPLE_PAPERS_DIR } from '../helpers/sampleIndex';

/** The 27 July 2023 pack's first 520 lines (front sheet, agenda, the 15 March minutes), as a PDF of 40-line pages. */
const PACK_LINES = readFileSync(join(SAMPLE_PAPERS_DIR, '000_73aa9faf505450da.txt'), 'utf8').split('\n').slice(0, 520);
const LINES_PER_PAGE = 40;

describe('loadPaperIndexAsync with a snapshot', () => {
  it('answers from a PDF pack with its PDF page, then reuses the snapshot without reading the PDF again', async () => {
    const papers = mkdtempSync(join(tmpdir(), 'papers-'));
    const snapshotDir = join(mkdtempSync(join(tmpdir(), 'data-')), 'index');
    writeFileSync(join(papers, 'pack.pdf'), await makePdf(PACK_LINES, { linesPerPage: LINES_PER_PAGE }));
    writeFileSync(join(papers, 'plan.txt'), readFileSync(join(SAMPLE_PAPERS_DIR, '001_6d94e5e1e00dee56.txt')));

    const first = await loadPaperIndexAsync(papers, { snapshotDir });
    expect(first).toMatchObject({ fromSnapshot: false, reparsed: ['pack.pdf', 'plan.txt'] });
    const answer = answerQuestion(first.index, { text: 'what did the panel resolve on exclusions', asOf: '2023-07-20' });
    expect(answer.kind).toBe('resolution');
    // "3. The Deputy Director of Education to share ..." is line 500 of the text: page 13 of 40-line pages.
    expect(answer.citations[0]).toMatchObject({ file: 'pack.pdf', page: 13, meetingDate: '2023-03-15' });
    expect(answer.citations[0]?.quote).toContain('The Deputy Director of Education to share a final draft');

    const second = await loadPaperIndexAsync(papers, { snapshotDir });
    expect(second).toMatchObject({ fromSnapshot: true, reparsed: [] });
    expect(answerQuestion(second.index, { text: 'what did the panel resolve on exclusions', asOf: '2023-07-20' })).toEqual(answer);
    // Two folder reads, each starting a worker that reads and parses (compiling TypeScript from source under jest).
  }, 30_000);
});

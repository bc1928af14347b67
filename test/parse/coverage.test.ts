import { readPaperFolderAsync, type SourceDocument } from '../../src/ingest';
import { coverageOf, parsePapers } from '../../src/parse';
import { coverageSummary } from '../../src/cli/coverageSummary';
import { councilPapers } from '../helpers/sampleIndex';

/** Invented papers: printed minutes the readers understand, a Markdown post they do not, a note. */
function doc(file: string, lines: readonly string[]): SourceDocument {
  return { file, lines, pages: null, contentHash: file };
}

const MINUTES = doc('parks.txt', [
  'Minutes of the Parks Committee held on Tuesday 4 March 2025',
  '',
  'Present: Councillors A Smith (Chair), B Jones',
  '',
  '1. Apologies',
  'Apologies were received from Councillor C Brown.',
  '',
  '2. Tree planting',
  'RESOLVED: That the plan be approved.',
]);
const POST = doc('post.md', ['---', 'title: Minutes for meeting held Tuesday 1 April 2025', 'type: minutes', '---', '', '## Hall', '', 'It was AGREED that the hall be let on Saturdays.']);
const NOTE = doc('note.txt', ['Some thoughts about the library.', 'Nothing more.']);

describe('the coverage report', () => {
  const coverage = coverageOf(parsePapers([MINUTES, POST, NOTE]));

  it('counts the files identified, and names those that are not', () => {
    expect(coverage).toMatchObject({ files: 3, identified: 2, withCommittee: 2, withDate: 2, unidentified: ['note.txt'] });
  });

  it('counts what the minutes were read for', () => {
    expect(coverage.minutes).toStrictEqual({ total: 1, withAttendance: 1, withApologies: 1, withDeclarations: 0, withDecisions: 1 });
  });

  it('points at decision lines no decision record holds, and at files read as plain text only', () => {
    expect(coverage.decisionLinesOutside).toStrictEqual({ count: 1, examples: [{ file: 'post.md', line: 8, text: 'It was AGREED that the hall be let on Saturdays.' }] });
    expect(coverage.plainTextOnly).toStrictEqual(['post.md', 'note.txt']);
  });

  it('says all of it in the summary that ends npm run papers', () => {
    const text = coverageSummary(coverage);
    expect(text).toContain('files with an identity (committee and meeting date): 2/3 (67%)');
    expect(text).toContain('not identified: note.txt');
    expect(text).toContain('minutes: 1; attendance found in 1, apologies in 1, declarations in 0, decisions in 1');
    expect(text).toContain('left outside any decision record: 1\n    post.md:8: It was AGREED that the hall be let on Saturdays.');
    expect(text).toContain('files read by no layout, as plain text only: 2: post.md, note.txt');
  });
});

describe('the coverage report of a real committee\'s papers (minutes, decision notices, reports, forward plans)', () => {
  let coverage: ReturnType<typeof coverageOf>;
  beforeAll(async () => {
    const folder = await readPaperFolderAsync(councilPapers('bristol'));
    coverage = coverageOf(parsePapers(folder.documents, folder.issues));
  }, 60_000);

  it('identifies every file and reads every printed minutes\' attendance, apologies, declarations and decisions', () => {
    expect(coverage).toMatchObject({ files: 14, identified: 14, unidentified: [], plainTextOnly: [], disagreements: [] });
    expect(coverage.minutes).toStrictEqual({ total: 4, withAttendance: 4, withApologies: 4, withDeclarations: 4, withDecisions: 4 });
    expect(coverage.committees).toHaveLength(1);
    expect(coverage.committees[0]).toMatchObject({ meetings: 9, withPapers: 4, status: { held: 4, scheduled: 5, cancelled: 0, postponed: 0 } });
  });
});

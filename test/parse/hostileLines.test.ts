import { parsePaperFile } from '../../src/parse';
import { meetingHeader } from '../../src/parse/readers/meetingPage';
import { labelKey, parseContact } from '../../src/parse/readers/moderngov';

/**
 * Lines as long as a paper may have (PAPER_MAX_LINE_CHARS, 20,000 by default) made of the runs that
 * make a backtracking regular expression slow: spaces, closing punctuation, commas, colons, word
 * characters before an "@", opening brackets. Parsing a paper of them takes time in proportion to it.
 */
const N = 19_000;
const HOSTILE: Record<string, string> = {
  spaces: `Item 1 ${' '.repeat(N)}x`,
  dots: `Minutes${'.'.repeat(N)}x`,
  commas: `Lead${', '.repeat(N / 2)}x`,
  colons: `Meeting:${': '.repeat(N / 2)}x`,
  'word characters': `${'a'.repeat(N)} x`,
  'e-mail-like': `Contact: ${'a.'.repeat(N / 2)}x`,
  brackets: `Present: ${'A (B, '.repeat(N / 6)}x`,
  tabs: `Item\t${'\t'.repeat(N)}x`,
  'election words': `${'elect the officers A B nominated and C seconded that '.repeat(N / 54)}D E be elected Chair`,
  'elected verbs': `${'be elected Chair '.repeat(N / 17)}x`,
};

describe('parsing lines built to make regular expressions backtrack', () => {
  it.each(Object.entries(HOSTILE))('parses lines of %s in well under a second', (kind, line) => {
    const lines = ['Children and Young People Scrutiny Panel', 'Minutes - 20 July 2023', '', line, line, 'Resolved:', line, 'Attendance', line, 'Page 1'];
    const started = Date.now();
    parsePaperFile({ file: `${kind}.txt`, lines, pages: null, contentHash: 'hostile' });
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});

describe('reading page fields built to make regular expressions backtrack', () => {
  const run = ', '.repeat(N / 2);
  it.each<[string, () => unknown]>([
    ['a meeting header with a long run of commas before its weekday', () => meetingHeader(`Harbourside Scrutiny Committee${run}x - Tuesday 10 March 2026 6:00 pm`)],
    ['a label ending in a long run of spaces and colons', () => labelKey(`Venue${' :'.repeat(N / 2)}x`)],
    ['a contact with a long run of punctuation after the name', () => parseContact(`Sam Porter${' .,;'.repeat(N / 4)}x`)],
    ['a contact with a long run of word characters and no "@"', () => parseContact(`Email: ${'a'.repeat(N)}`)],
  ])('reads %s in well under a second', (_what, read) => {
    const started = Date.now();
    read();
    expect(Date.now() - started).toBeLessThan(500);
  });
});

import type { Passage } from '../../src/search';
import { sampleIndex } from '../helpers/sampleIndex';

const index = sampleIndex();

describe('PaperIndex.searchAmong', () => {
  it('returns what searchPassages returns when filtered to the same passages', () => {
    for (const item of index.corpus.minutes.flatMap((m) => m.items)) {
      const { file, lineStart, lineEnd } = item.source;
      const among = index.passagesIn(file, lineStart, lineEnd);
      const inItem = (p: { source: { file: string; lineStart: number; lineEnd: number } }): boolean =>
        p.source.file === file && p.source.lineStart >= lineStart && p.source.lineEnd <= lineEnd;
      for (const query of ['school exclusions', 'social work health check', 'budget']) {
        expect(index.searchAmong(query, among, 3)).toStrictEqual(index.searchPassages(query, 3, inItem));
      }
    }
  });
});

describe('PaperIndex.passagesIn', () => {
  it('lists the passages of a file lying wholly within the lines, in order', () => {
    const file = index.passages[0]!.source.file;
    const expected = index.passages.filter((p) => p.source.file === file && p.source.lineStart >= 1 && p.source.lineEnd <= 40);
    expect(index.passagesIn(file, 1, 40)).toStrictEqual(expected);
  });
});

describe('PaperIndex.searchPassages with a filter', () => {
  /** The same ranking read the long way: every match, best first, then the filter. */
  function reference(query: string, limit: number, filter: (p: Passage) => boolean): unknown[] {
    return index.searchPassages(query, index.passages.length).filter((h) => filter(h.passage)).slice(0, limit);
  }
  const filters: [string, (p: Passage) => boolean][] = [
    ['most pass', (p) => p.id % 5 !== 0],
    ['a quarter pass', (p) => p.id % 4 === 0],
    ['few pass', (p) => p.id % 61 === 0],
    ['minutes only', (p) => p.paperKind === 'minutes'],
    ['none pass', () => false],
  ];
  it.each(filters)('returns the best matches that pass, in order, when %s', (_name, filter) => {
    for (const query of ['school exclusions', 'social work health check', 'budget', 'the panel', 'children']) {
      for (const limit of [1, 3, 10, 60]) expect(index.searchPassages(query, limit, filter)).toStrictEqual(reference(query, limit, filter));
    }
  });
});

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

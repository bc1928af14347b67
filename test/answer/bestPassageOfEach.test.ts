import { bestPassageOfEach } from '../../src/answer/kinds/timeline';
import { sampleIndex } from '../helpers/sampleIndex';

const index = sampleIndex();

describe('bestPassageOfEach', () => {
  it("gives each minute item the passage one searchAmong over that item's passages ranks first", () => {
    const items = index.corpus.minutes.flatMap((m) => m.items);
    for (const query of ['school exclusions exclusion excluded', 'social work health check']) {
      const expected = items.map((i) => index.searchAmong(query, index.passagesIn(i.source.file, i.source.lineStart, i.source.lineEnd), 1)[0]?.passage);
      expect(expected.filter(Boolean).length).toBeGreaterThan(1);
      expect(bestPassageOfEach(index, query, items)).toStrictEqual(expected);
    }
    expect(bestPassageOfEach(index, 'zzzz', items).filter(Boolean)).toStrictEqual([]);
  });
});

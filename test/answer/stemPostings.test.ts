import { expandTerms } from '../../src/answer/glossary';
import { topicMatch } from '../../src/answer/match';
import { StemPostings } from '../../src/answer/stemPostings';
import { sampleIndex } from '../helpers/sampleIndex';

const index = sampleIndex();
const bodies = index.corpus.minutes.flatMap((m) => m.items.map((i) => i.body));

describe('StemPostings.match', () => {
  it('gives what topicMatch gives for every record that shares a stem, and nothing for the rest', () => {
    const postings = new StemPostings(bodies);
    for (const typed of [['exclusions'], ['wsoa', 'monitoring'], ['send', 'update'], ['social', 'work', 'health', 'check'], ['parking']]) {
      const topic = expandTerms(typed);
      const matches = postings.match(topic, typed);
      bodies.forEach((body, id) => {
        const expected = topicMatch(topic, typed, body);
        expect(matches.get(id) ?? { hits: 0, coverage: 0 }).toStrictEqual(expected);
      });
    }
  });

  it('lists the matching records in their own order', () => {
    const ids = [...new StemPostings(bodies).match(['children'], ['children']).keys()];
    expect(ids).toStrictEqual([...ids].sort((a, b) => a - b));
  });
});

import { expandTerms } from '../../src/answer/glossary';
import { MAX_MASK_STEMS, topicMatch, TopicQuery } from '../../src/answer/match';
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

  it('matches a question with more stems than a mask holds (a pasted paragraph) as topicMatch does', () => {
    const postings = new StemPostings(bodies);
    const typed = [...new Set(bodies.flatMap((b) => b.toLowerCase().match(/[a-z]{5,}/gu) ?? []))].slice(0, 40);
    const topic = expandTerms(typed);
    expect(new TopicQuery(topic, typed).stems.length).toBeGreaterThan(MAX_MASK_STEMS);
    const matches = postings.match(topic, typed);
    expect(matches.size).toBeGreaterThan(0);
    bodies.forEach((body, id) => expect(matches.get(id) ?? { hits: 0, coverage: 0 }).toStrictEqual(topicMatch(topic, typed, body)));
  });

  it('gives a repeated text the same stems as its first copy', () => {
    const texts = ['School exclusions rose.', 'Children in care.', 'School exclusions rose.'];
    expect([...new StemPostings(texts).match(['exclusions'], ['exclusions'])]).toStrictEqual([
      [0, { hits: 1, coverage: 1 }],
      [2, { hits: 1, coverage: 1 }],
    ]);
  });

  it('lists the matching records in their own order', () => {
    const ids = [...new StemPostings(bodies).match(['children'], ['children']).keys()];
    expect(ids).toStrictEqual([...ids].sort((a, b) => a - b));
  });

  it('finds a number glued to its unit by the spaced words, and the spaced words by the glued one, as topicMatch does', () => {
    const texts = ['The 20 mph Review', 'A 20mph limit on main roads', 'A 30 mph limit', 'KS 2 results', 'Results at ks2'];
    const postings = new StemPostings(texts);
    expect([...postings.match(['20mph'], ['20mph'])].filter(([, m]) => m.coverage === 1).map(([id]) => id)).toStrictEqual([0, 1]);
    expect([...postings.match(['20', 'mph'], ['20', 'mph'])].filter(([, m]) => m.coverage === 1).map(([id]) => id)).toStrictEqual([0, 1]);
    expect([...postings.match(['ks2'], ['ks2'])].filter(([, m]) => m.coverage === 1).map(([id]) => id)).toStrictEqual([3, 4]);
    for (const [id, m] of postings.match(['20mph'], ['20mph'])) expect(m).toStrictEqual(topicMatch(['20mph'], ['20mph'], texts[id]!));
  });
});

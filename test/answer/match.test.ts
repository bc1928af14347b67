import { expandTerms } from '../../src/answer/glossary';
import { MAX_MASK_STEMS, stem, stemsOf, TopicQuery, type TopicMatch } from '../../src/answer/match';
import { sampleIndex } from '../helpers/sampleIndex';

/** `topicMatchStems` as it was first written (one stem per term per text), the reference TopicQuery must agree with. */
function referenceMatch(topic: readonly string[], typed: readonly string[], have: ReadonlySet<string>): TopicMatch {
  const hit = (t: string): boolean => have.has(stem(t));
  const expandedHit = (typedTerm: string): boolean => {
    const at = topic.indexOf(typedTerm);
    if (at < 0) return false;
    for (let i = at + 1; i < topic.length; i++) {
      const t = topic[i]!;
      if (typed.includes(t)) return false;
      if (t.length > 3 && hit(t)) return true;
    }
    return false;
  };
  const hits = topic.filter(hit).length;
  const covered = typed.filter((t) => hit(t) || expandedHit(t)).length;
  return { hits, coverage: typed.length === 0 ? 0 : covered / typed.length };
}

const QUESTIONS: readonly (readonly string[])[] = [
  [],
  ['exclusions'],
  ['wsoa', 'monitoring'],
  ['lac', 'placements', 'ifa'],
  ['send', 'update'],
  ['social', 'work', 'health', 'check'],
  ['neet', 'rate', 'service', 'plan'],
  ['children', 'children', 'care'],
];

const index = sampleIndex();
const texts = [...index.corpus.resolutions.map((r) => `${r.itemTitle} ${r.text}`), ...index.passages.slice(0, 300).map((p) => p.text)];

describe('TopicQuery.matchHeld', () => {
  it('matches every text as the first topicMatchStems did', () => {
    for (const typed of QUESTIONS) {
      const topic = expandTerms(typed);
      const query = new TopicQuery(topic, typed);
      for (const text of texts) expect(query.matchHeld(stemsOf(text))).toStrictEqual(referenceMatch(topic, typed, stemsOf(text)));
    }
  });
});

describe('TopicQuery.matchMask', () => {
  it('gives for a mask of held stems what matchHeld gives for the same stems', () => {
    for (const typed of QUESTIONS) {
      const topic = expandTerms(typed);
      const query = new TopicQuery(topic, typed);
      expect(query.stems.length).toBeLessThanOrEqual(MAX_MASK_STEMS);
      for (const text of texts) {
        const have = stemsOf(text);
        const mask = query.stems.reduce((m, s, k) => (have.has(s) ? m | (1 << k) : m), 0);
        expect(query.matchMask(mask)).toStrictEqual(query.matchHeld(have));
      }
    }
  });

  it('numbers the distinct stems of the topic and typed words', () => {
    const query = new TopicQuery(['exclusions', 'exclusion', 'excluded', 'school'], ['school', 'exclusions']);
    expect(query.stems).toStrictEqual([...new Set(['exclusions', 'exclusion', 'excluded', 'school'].map(stem))]);
  });
});

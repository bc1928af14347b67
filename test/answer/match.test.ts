import { expandTerms } from '../../src/answer/glossary';
import { gluedParts, MAX_MASK_STEMS, stem, stemsOf, TopicQuery, topicMatch, type TopicMatch } from '../../src/answer/match';
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

describe('stem', () => {
  it('gives the forms of one verb and its noun one stem', () => {
    for (const forms of [
      ['approve', 'approved', 'approves', 'approving', 'approval'],
      ['decide', 'decided', 'decides', 'deciding', 'decision', 'decisions'],
      ['exclude', 'excluded', 'exclusion', 'exclusions'],
      ['propose', 'proposed', 'proposal', 'proposals'],
      ['policy', 'policies'],
      ['meeting', 'meetings'],
      ['scheme', 'schemes'],
      ['bus', 'buses'],
      ['access', 'accesses'],
      ['match', 'matches', 'matched'],
    ]) {
      expect(new Set(forms.map(stem))).toStrictEqual(new Set([stem(forms[0]!)]));
    }
  });

  it('keeps apart words that only share an ending', () => {
    expect(stem('general')).not.toBe(stem('gene'));
    expect(stem('local')).not.toBe(stem('loc'));
    expect(stem('note')).not.toBe(stem('not'));
    expect(stem('rate')).not.toBe(stem('rat'));
    expect(stem('use')).not.toBe(stem('us'));
  });
});

describe('a number glued to a unit or code', () => {
  it('splits where letters meet digits, and leaves other words whole', () => {
    expect(gluedParts('20mph')).toStrictEqual(['20', 'mph']);
    expect(gluedParts('ks2')).toStrictEqual(['ks', '2']);
    expect(gluedParts('q3')).toStrictEqual(['q', '3']);
    expect(gluedParts('2024')).toStrictEqual([]);
    expect(gluedParts('roads')).toStrictEqual([]);
  });

  it('matches a text that spaces it, and a glued text matches a question that spaces it', () => {
    expect(topicMatch(['20mph'], ['20mph'], 'The 20 mph Review was noted.').coverage).toBe(1);
    expect(topicMatch(['ks2'], ['ks2'], 'Results at KS 2 improved.').coverage).toBe(1);
    expect(topicMatch(['20', 'mph'], ['20', 'mph'], 'A 20mph limit on all roads.').coverage).toBe(1);
    expect(topicMatch(['q3'], ['q3'], 'Quarter three figures').coverage).toBe(0);
    expect(topicMatch(['20mph'], ['20mph'], 'A 30 mph limit').coverage).toBe(0);
  });

  it('keeps a glossary shorthand written glued covered by its meaning', () => {
    const typed = ['att8'];
    expect(expandTerms(typed).length).toBeGreaterThan(1);
    expect(topicMatch(expandTerms(typed), typed, 'Attainment 8 scores rose this year').coverage).toBe(1);
    expect(topicMatch(expandTerms(typed), typed, 'ATT 8 rose').coverage).toBe(1);
  });
});

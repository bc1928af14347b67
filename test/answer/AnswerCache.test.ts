import { AnswerCache, answerQuestion } from '../../src/answer';
import { loadPaperIndex } from '../../src/search';
import { SAMPLE_PAPERS_DIR, sampleIndex } from '../helpers/sampleIndex';

const QUESTION = { text: 'who chairs the panel', asOf: '2023-08-01' };

describe('AnswerCache.answer', () => {
  it('answers as answerQuestion does', () => {
    const index = sampleIndex();
    expect(new AnswerCache().answer(index, QUESTION)).toEqual(answerQuestion(index, QUESTION));
  });

  it('answers a question asked again from the cache', () => {
    const cache = new AnswerCache();
    const first = cache.answer(sampleIndex(), QUESTION);
    expect(cache.answer(sampleIndex(), { ...QUESTION })).toBe(first);
    expect(cache.stats).toEqual({ hits: 1, misses: 1 });
  });

  it('works out afresh a question asked on another day, in other words or after another answer', () => {
    const cache = new AnswerCache();
    const index = sampleIndex();
    const first = cache.answer(index, QUESTION);
    cache.answer(index, { ...QUESTION, asOf: '2021-01-06' });
    cache.answer(index, { ...QUESTION, text: 'Who chairs the panel?' });
    cache.answer(index, { ...QUESTION, previous: first.context! });
    expect(cache.stats).toEqual({ hits: 0, misses: 4 });
  });

  it('never answers from another index: a re-indexed corpus starts empty', () => {
    const cache = new AnswerCache();
    cache.answer(sampleIndex(), QUESTION);
    const reindexed = loadPaperIndex(SAMPLE_PAPERS_DIR).index;
    expect(cache.answer(reindexed, QUESTION)).toEqual(answerQuestion(reindexed, QUESTION));
    expect(cache.stats).toEqual({ hits: 0, misses: 2 });
  });

  it('forgets the least recently asked question past its size', () => {
    const cache = new AnswerCache(2);
    const index = sampleIndex();
    const ask = (text: string): void => void cache.answer(index, { text, asOf: QUESTION.asOf });
    ask('who chairs the panel');
    ask('quorum for the panel?');
    ask('who chairs the panel');
    ask('next panel meeting?');
    ask('who chairs the panel');
    expect(cache.stats).toEqual({ hits: 2, misses: 3 });
    ask('quorum for the panel?');
    expect(cache.stats).toEqual({ hits: 2, misses: 4 });
  });

  it('with size 0 answers every question afresh', () => {
    const cache = new AnswerCache(0);
    const first = cache.answer(sampleIndex(), QUESTION);
    expect(cache.answer(sampleIndex(), QUESTION)).not.toBe(first);
  });
});

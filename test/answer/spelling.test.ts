import { correctSpelling, vocabulary } from '../../src/answer/spelling';
import type { PaperIndex, Passage } from '../../src/search';
import { countWords } from '../../src/search/wordCounts';
import { sampleIndex } from '../helpers/sampleIndex';

/** The papers' word counts as first written: every run of letters in every passage, then new title words once. */
function referenceCounts(passages: readonly Passage[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const p of passages) for (const w of p.text.toLowerCase().match(/[a-z]+/gu) ?? []) count.set(w, (count.get(w) ?? 0) + 1);
  for (const p of passages) for (const w of p.title.toLowerCase().match(/[a-z]+/gu) ?? []) if (!count.has(w)) count.set(w, 1);
  return count;
}

/**
 * A vocabulary's words from the papers, in order with their counts, beside the reference's. Question
 * words, which outrank any count, are left out of both.
 */
function papersPart(index: PaperIndex, reference: ReadonlyMap<string, number>): { counted: [string, number][]; expected: [string, number][] } {
  const count = vocabulary(index).count;
  const fromPapers = ([w]: [string, number]): boolean => reference.has(w) && count.get(w) !== Number.MAX_SAFE_INTEGER;
  return { counted: [...count].filter(fromPapers), expected: [...reference].filter(fromPapers) };
}

describe('vocabulary', () => {
  it('counts every word of the papers in the order first seen, as reading each passage with a regex did', () => {
    const index = sampleIndex();
    const { counted, expected } = papersPart(index, referenceCounts(index.passages));
    expect(expected.length).toBeGreaterThan(1_000);
    expect(counted).toStrictEqual(expected);
  });

  it('counts each copy of a repeated passage', () => {
    const passage = (id: number, text: string, title: string): Passage =>
      ({ id, text, title, paperKind: 'minutes', meetingDate: null, item: null, source: { file: 'f.txt', lineStart: id + 1, lineEnd: id + 1, page: null } }) as Passage;
    const passages = [passage(0, 'Fostering placements rose.', 'Minutes'), passage(1, 'Respite placements', 'Annual review'), passage(2, 'Fostering placements rose.', 'Minutes')];
    const index = { passages, words: countWords(passages) } as unknown as PaperIndex;
    const { counted, expected } = papersPart(index, referenceCounts(passages));
    expect(counted).toStrictEqual(expected);
    expect(vocabulary(index).count.get('placements')).toBe(3);
    expect(vocabulary(index).count.get('annual')).toBe(1);
  });
});

describe('correctSpelling', () => {
  it('mends a misspelt word to the word the papers use, and leaves known words as typed', () => {
    const index = sampleIndex();
    expect(correctSpelling(index, 'school exlusions in Hartlepool')).toBe('school exclusions in Hartlepool');
  });
});

import { expandTerms, words } from '../../src/answer/glossary';
import { stem } from '../../src/answer/match';
import { QuestionWords } from '../../src/answer/questionWords';
import { sampleIndex } from '../helpers/sampleIndex';

const index = sampleIndex();

describe('QuestionWords.read', () => {
  it("finds the question's stems and whole words that a text's words hold, as words() and stem() read them", () => {
    const questions = [['exclusions', '2021'], ['pp+', 'attainment'], ['lac', 'placements'], ['a', 'is', 'social', 'work'], ["children's", 'homes', 'cost']];
    const texts = [...index.passages.slice(0, 400).map((p) => p.text), "The children's homes cost £2m in 2021; PP+ and att8 rose.", ''];
    for (const typed of questions) {
      const stemsOf = expandTerms(typed);
      const reader = new QuestionWords(stemsOf, typed);
      const wantedStems = new Set(stemsOf.map(stem));
      for (const text of texts) {
        const ws = words(text);
        const held = reader.read(text);
        expect(held.stems).toStrictEqual(new Set(ws.map(stem).filter((s) => wantedStems.has(s))));
        expect(held.words).toStrictEqual(new Set(ws.filter((w) => typed.includes(w))));
      }
    }
  });
});

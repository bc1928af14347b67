import { answerQuestion } from '../../src/answer';
import type { Answer } from '../../src/model';
import { loadPaperIndexAsync, type PaperIndex } from '../../src/search';
import { expectFaithful } from '../helpers/expectFaithful';
import { councilPapers, sampleIndex } from '../helpers/sampleIndex';


/** The printed minutes' index, read once for both groups of questions on them. */
let printed: Promise<PaperIndex> | undefined;
const printedMinutes = (): Promise<PaperIndex> => (printed ??= loadPaperIndexAsync(councilPapers('bristol')).then((r) => r.index));

describe('a number glued to its unit, on printed minutes that space it', () => {
  let index: PaperIndex;
  const ask = (text: string): Answer => answerQuestion(index, { text, asOf: '2026-04-01' });
  beforeAll(async () => {
    index = await printedMinutes();
  }, 120_000);

  it.each(['what did they decide on 20mph', 'was the 20mph review approved?', 'what was decided about the 20 mph review'])('finds the "20 mph Review" decision for "%s"', (question) => {
    const a = ask(question);
    expect(a.kind).toBe('resolution');
    expect(a.text).toContain('20 mph Review');
    expect(a.text).toContain('19 March 2026');
    expectFaithful(index, a);
  });
});

describe('word forms, on printed minutes', () => {
  let index: PaperIndex;
  const ask = (text: string): Answer => answerQuestion(index, { text, asOf: '2026-04-01' });
  beforeAll(async () => {
    index = await printedMinutes();
  }, 120_000);

  it.each([
    ['what was decided about the resident parking schemes', 'Resident Parking Scheme Expansion Programme'],
  ])('"%s" finds the decision on "%s"', (question, title) => {
    const a = ask(question);
    expect(a.kind).toBe('resolution');
    expect(a.text.split('\n')[0]).toContain(title);
    expectFaithful(index, a);
  });
});

describe('word forms, on agenda packs', () => {
  const index = sampleIndex();
  const ask = (text: string): Answer => answerQuestion(index, { text, asOf: '2024-01-01' });

  it('finds a decision titled "Exclusion" for a question saying "excluded"', () => {
    const a = ask('what did the panel resolve about pupils being excluded from school');
    expect(a.kind).toBe('resolution');
    expect(a.text).toContain('School Exclusion and Suspensions');
    expectFaithful(index, a);
  });
});

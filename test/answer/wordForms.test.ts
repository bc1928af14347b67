import { join } from 'node:path';
import { answerQuestion } from '../../src/answer';
import type { Answer } from '../../src/model';
import { loadPaperIndexAsync, type PaperIndex } from '../../src/search';
import { sampleIndex } from '../helpers/sampleIndex';

const COUNCILS = join(__dirname, '..', '..', '..', 'shared', 'councils');
const flat = (s: string): string => s.replace(/\s+/gu, ' ');

/** Every quote fragment (split at ellipses) is in the cited lines. */
function expectFaithful(index: PaperIndex, answer: Answer): void {
  for (const c of answer.citations) {
    const cited = flat((index.lines(c.file) ?? []).slice(c.lineStart - 1, c.lineEnd).join(' '));
    for (const fragment of c.quote.split('…').map((f) => flat(f).trim()).filter((f) => f.length > 0)) expect(cited).toContain(fragment);
  }
}

describe('a number glued to its unit, on printed minutes that space it', () => {
  let index: PaperIndex;
  const ask = (text: string): Answer => answerQuestion(index, { text, asOf: '2026-04-01' });
  beforeAll(async () => {
    index = (await loadPaperIndexAsync(join(COUNCILS, 'bristol', 'papers'))).index;
  }, 120_000);

  it.each(['what did they decide on 20mph', 'was the 20mph review approved?', 'what was decided about the 20 mph review'])('finds the "20 mph Review" decision for "%s"', (question) => {
    const a = ask(question);
    expect(a.kind).toBe('resolution');
    expect(a.text).toContain('20 mph Review');
    expect(a.text).toContain('19 March 2026');
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

import { answerQuestion } from '../../src/answer';
import type { Answer } from '../../src/model';
import type { PaperIndex } from '../../src/search';
import { sharedCouncil } from '../helpers/sharedCouncilIndex';
import { expectFaithful, flat } from '../helpers/expectFaithful';
import { councilIndex, sampleIndex } from '../helpers/sampleIndex';

/**
 * "How many X": the passage with a figure of the thing counted answers, not the one that names the thing
 * beside other figures (a procedure's "3 minutes", a date). Asked on three councils' layouts.
 */
const ask = (index: PaperIndex, text: string, asOf: string): Answer => answerQuestion(index, { text, asOf });

describe('a count question is answered by the figure of the thing counted', () => {
  it('quotes the consultation response count from printed minutes, not the item sentence beside it', () => {
    const index = sampleIndex();
    const a = ask(index, 'how many responses did the school places consultation get?', '2021-02-01');
    expect(flat(a.citations[0]?.quote ?? '')).toContain('The consultation received 52 responses');
    expectFaithful(index, a);
  });

  it('quotes a minuted total of public forum questions from a council minutes PDF', async () => {
    const index = await councilIndex('bristol');
    const a = ask(index, 'how many public forum questions came in for the 19 march meeting', '2026-04-01');
    expect(flat(a.citations[0]?.quote ?? '')).toContain('A total of 80 questions were received');
    expectFaithful(index, a);
  }, 60_000);

  const weca = sharedCouncil('weca');
  weca.itOn('quotes each count asked ("qs" and statements) from the minutes, over the standing procedure on the same page', async () => {
    const index = await weca.index();
    const a = ask(index, 'how many public qs and statements came in for the 27 march joint meeting', '2026-06-10');
    expect(flat(a.citations[0]?.quote ?? '')).toContain('94 questions had been received');
    expect(flat(a.text)).toContain('64 statements had been received');
    expectFaithful(index, a);
  }, 120_000);

  weca.itOn('follows the count of one thing asked with the count of the other, each from its own minuted paragraph', async () => {
    const index = await weca.index();
    const a = ask(index, 'how many questions and statements did the overview and scrutiny committee receive on 23 march 2026?', '2026-06-10');
    const said = flat(a.text);
    expect(said).toContain('16 valid statements had been received');
    expect(said).toContain('27 valid questions had been submitted');
    expect(said).not.toContain('PDF 485 KB');
    expectFaithful(index, a);
  }, 120_000);
});

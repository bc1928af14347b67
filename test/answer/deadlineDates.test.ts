import { answerQuestion } from '../../src/answer';
import type { Answer } from '../../src/model';
import type { PaperIndex } from '../../src/search';
import { sharedCouncil } from '../helpers/sharedCouncilIndex';
import { expectFaithful, flat } from '../helpers/expectFaithful';
import { councilIndex } from '../helpers/sampleIndex';

/**
 * "deadline for X?" wants a date: the sentence giving a date of its own, not a line that only repeats the
 * date of the meeting asked of; a deadline stated as a year still answers.
 */
const ask = (index: PaperIndex, text: string, asOf: string): Answer => answerQuestion(index, { text, asOf });

describe('a deadline question is answered with the deadline date', () => {
  it('keeps a deadline given only as a year in printed minutes', async () => {
    const index = await councilIndex('bristol');
    const a = ask(index, 'what is the deadline for CRSTS funding?', '2026-04-01');
    expect(flat(a.citations[0]?.quote ?? '')).toContain('to meet the 2027 deadline for CRSTS funding');
    expectFaithful(index, a);
  }, 60_000);

  const weca = sharedCouncil('weca');
  weca.itOn('quotes the dated deadline from an agenda page, over a link line carrying only the meeting date', async () => {
    const index = await weca.index();
    const a = ask(index, 'deadline for public qs / statements for the 1 june o&s?', '2026-05-20');
    expect(flat(a.citations[0]?.quote ?? '')).toContain('the deadline for statements is 12 noon on Friday 29 May 2026');
    expectFaithful(index, a);
  }, 120_000);
});

import { MAX_QUESTION_CHARS, MAX_QUESTION_TERMS, toQuestion } from '../../src/bot';
import { channelMention, teamsMessage } from '../helpers/teamsActivity';

const AS_OF = '2023-07-20';

describe('toQuestion', () => {
  it('trims the text and carries the day', () => {
    expect(toQuestion(teamsMessage('  When is the next meeting?  '), AS_OF)).toEqual({
      kind: 'question',
      question: { text: 'When is the next meeting?', asOf: AS_OF },
    });
  });

  it('strips the bot @mention in a channel message', () => {
    const result = toQuestion(channelMention('what did the panel resolve on exclusions'), AS_OF);
    expect(result).toEqual({ kind: 'question', question: { text: 'what did the panel resolve on exclusions', asOf: AS_OF } });
  });

  it("keeps the name from someone else's mention", () => {
    const result = toQuestion(channelMention('what did <at>Earl Piggott-Smith</at> report'), AS_OF);
    expect(result).toMatchObject({ question: { text: 'what did Earl Piggott-Smith report' } });
  });

  it('refuses empty text, including a bare mention', () => {
    expect(toQuestion(teamsMessage('   '), AS_OF)).toMatchObject({ kind: 'refused', reason: 'empty' });
    expect(toQuestion(channelMention(''), AS_OF)).toMatchObject({ kind: 'refused', reason: 'empty' });
  });

  it('recognises help', () => {
    expect(toQuestion(teamsMessage('Help'), AS_OF)).toEqual({ kind: 'help' });
  });

  it(`refuses more than ${MAX_QUESTION_CHARS} characters politely`, () => {
    const result = toQuestion(teamsMessage('a'.repeat(MAX_QUESTION_CHARS + 1)), AS_OF);
    expect(result).toMatchObject({ kind: 'refused', reason: 'too_long' });
    expect(result.kind === 'refused' && result.reply).toMatch(/^Sorry, that question is too long/u);
  });

  it(`refuses more than ${MAX_QUESTION_TERMS} distinct terms`, () => {
    const words = Array.from({ length: MAX_QUESTION_TERMS + 1 }, (_, i) => `w${i}`).join(' ');
    expect(toQuestion(teamsMessage(words), AS_OF)).toMatchObject({ kind: 'refused', reason: 'too_many_terms' });
  });

  it('counts repeated words once', () => {
    expect(toQuestion(teamsMessage('exclusions '.repeat(45)), AS_OF)).toMatchObject({ kind: 'question' });
  });
});

import path from 'node:path';
import { answerQuestion } from '../../src/answer';
import { loadPaperIndex } from '../../src/search';
import { expectFaithful, flat } from '../helpers/expectFaithful';

const index = loadPaperIndex(path.resolve(__dirname, '..', 'fixtures', 'moderngov-calendar')).index;

describe('meetings a web-service list shows (invented council)', () => {
  it('when none asked about went ahead, names the next that does (past the postponed one) and quotes its line', () => {
    const answer = answerQuestion(index, { text: 'was the planning committee in december 2025 cancelled?', asOf: '2025-12-10' });
    expectFaithful(index, answer);
    expect(answer.text).toContain('went ahead');
    expect(answer.text).toMatch(/next meeting listed: \w+ 15 January 2026/u);
    const quote = flat(answer.citations[0]?.quote ?? '');
    expect(quote).toContain('meetingstatus: Cancelled');
    expect(quote).toContain('meetingdate: 15/01/2026 meetingstatus: Confirmed');
  });

  it('names no next meeting when one asked about went ahead', () => {
    const answer = answerQuestion(index, { text: 'was the planning committee in january 2026 cancelled?', asOf: '2026-01-20' });
    expect(answer.text).not.toContain('next meeting listed');
  });
});

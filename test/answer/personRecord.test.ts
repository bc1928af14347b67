import path from 'node:path';
import { answerQuestion } from '../../src/answer';
import type { Answer } from '../../src/model';
import { loadPaperIndex, loadPaperIndexAsync } from '../../src/search';
import { expectFaithful, flat } from '../helpers/expectFaithful';
import { describeCouncil } from '../parse/readers/readerFixtures';

jest.setTimeout(30_000);

const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'moderngov-people');
const fixture = loadPaperIndex(FIXTURE).index;

/** The answer is the person's record: its text and its first quote, taken from the cited lines, hold every field. */
function expectRecord(answer: Answer, fields: readonly string[]): void {
  expect(answer.kind).toBe('who');
  const quote = flat(answer.citations[0]?.quote ?? '');
  for (const f of fields) expect(quote).toContain(f);
}

describe('a question naming a person answers from their web-service record (invented council)', () => {
  const ask = (text: string): Answer => {
    const answer = answerQuestion(fixture, { text, asOf: '2026-03-20' });
    expectFaithful(fixture, answer);
    return answer;
  };

  it.each([
    ['cllr morwenna tate - whats her role on the standards cttee?', ['Councillor Morwenna Tate', 'roledescription]: Committee Member', 'politicalparty]: IND', 'ward]: Sedgefold']],
    ['which ward is councillor idris ballantyne for?', ['Councillor Idris Ballantyne', 'roledescription]: Chair', 'ward]: Hollin Vale', 'keyposts]: Deputy Leader of the Council']],
    ['who is cllr idris ballantyne', ['Councillor Idris Ballantyne', 'politicalparty]: GRN']],
  ])('%s', (question, fields) => {
    const answer = ask(question);
    expectRecord(answer, fields);
    expect(answer.text).toMatch(/Councillor (?:Morwenna Tate|Idris Ballantyne)/u);
  });

  it('names the details in its own words too', () => {
    expect(ask('which party is cllr idris ballantyne?').text).toContain('party: GRN; ward: Hollin Vale; key posts: Deputy Leader of the Council');
  });

  it('does not answer from a record dated after the day asked', () => {
    const answer = answerQuestion(fixture, { text: 'which ward is councillor idris ballantyne for?', asOf: '2026-01-01' });
    // The text behind may still show the lines; the record's answer is not given.
    expect(answer.text).not.toContain('ward: Hollin Vale');
  });
});

describeCouncil('manchester', (dir) => {
  it('answers a member\'s role on the committee from the record that gives the most about them, as of the day asked', async () => {
    const index = (await loadPaperIndexAsync(dir)).index;
    const answer = answerQuestion(index, { text: 'and cllr basil curley - whats his role on the audit cttee?', asOf: '2026-02-20' });
    expectFaithful(index, answer);
    expectRecord(answer, ['Councillor Basil Curley', 'roledescription]: Committee Member', 'politicalparty]: LAB', 'ward]: Charlestown', 'keyposts]: Chair of Health Scrutiny Committee']);
    expect(answer.text).toContain('Audit Committee');
  });
});

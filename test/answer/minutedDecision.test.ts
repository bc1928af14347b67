import { upTo, voteOutcome, voteWords, withoutHeading } from '../../src/answer/minutedDecision';
import type { MinuteItem, RecordedVote } from '../../src/model';

const source = { file: 'minutes.pdf', lineStart: 10, lineEnd: 20, page: null };
const vote = (over: Partial<RecordedVote>): RecordedVote => ({
  motion: null,
  mover: null,
  seconder: null,
  for: null,
  against: null,
  abstain: null,
  unanimous: false,
  outcome: null,
  text: '',
  source,
  ...over,
});

/** An amendment's text between the motion and its outcome, as printed minutes record a long debate. */
const AMENDMENT = [
  'Councillor Amberley moved an amendment which was seconded by Councillor Pask. The amendment text as',
  'follows:',
  ...Array.from({ length: 6 }, (_, k) => `${k + 1}. Replace the words of paragraph ${k + 2} of the report with a phased approach to the scheme, reviewed each year.`),
  'In response, officers explained the timetable and the resources the scheme would need over two years.',
  'The amendment was withdrawn on the above assurances.',
].join('\n');

describe('voteWords', () => {
  it('quotes a short vote whole, on one line', () => {
    expect(voteWords(vote({ text: 'The motion was moved by Councillor Pask and seconded by\nCouncillor Amberley. It was CARRIED unanimously.', outcome: 'CARRIED' }))).toBe(
      'The motion was moved by Councillor Pask and seconded by Councillor Amberley. It was CARRIED unanimously.',
    );
  });

  it('cuts a long vote to the sentences naming the mover, the seconder and the outcome', () => {
    const said = voteWords(vote({ text: AMENDMENT, mover: 'Amberley', seconder: 'Pask', outcome: 'WITHDRAWN', motion: 'The amendment' }));
    expect(said).toBe('Councillor Amberley moved an amendment which was seconded by Councillor Pask. … The amendment was withdrawn on the above assurances.');
  });

  it('reads a row of a votes table cell by cell', () => {
    expect(voteWords(vote({ text: 'Deferral: Mill Lane crossing\tAmendment\tCarried', motion: 'Deferral: Mill Lane crossing', outcome: 'CARRIED' }))).toBe('Deferral: Mill Lane crossing – Amendment – Carried');
  });

  it('says which point a bare "Voting: unanimous" was under', () => {
    const said = voteWords(vote({ text: 'Voting: unanimous', unanimous: true, motion: '2. the grant of £900 to the Riverside Youth Club be approved.' }));
    expect(said).toBe('2. the grant of £900 to the Riverside Youth Club be approved: Voting: unanimous');
    expect(voteWords(vote({ text: 'Voting: unanimous', unanimous: true, motion: '1. the fund be carried forward; and' }))).toBe('1. the fund be carried forward: Voting: unanimous');
  });
});

describe('voteOutcome', () => {
  it("gives the sentence with the vote's outcome, not the amendment before it", () => {
    const text = `${AMENDMENT}\nOn the recommendation being put to the vote, the recommendation was CARRIED (6\nvoting FOR, 3 against).`;
    expect(voteOutcome(vote({ text, outcome: 'CARRIED', for: 6, against: 3 }))).toBe('On the recommendation being put to the vote, the recommendation was CARRIED (6 voting FOR, 3 against).');
  });
});

describe('withoutHeading and upTo', () => {
  const item = { number: '12', title: 'Cycle Storage Policy' } as MinuteItem;
  it("drops the item's heading a passage starts with", () => {
    expect(withoutHeading('12\tCycle Storage Policy\n\nThe Committee considered a report.', item)).toBe('The Committee considered a report.');
    expect(withoutHeading('The Committee considered a report.', item)).toBe('The Committee considered a report.');
  });
  it('cuts at a word, with an ellipsis, only when too long', () => {
    expect(upTo('a short text', 40)).toBe('a short text');
    expect(upTo('one two three four five', 12)).toBe('one two …');
  });
});

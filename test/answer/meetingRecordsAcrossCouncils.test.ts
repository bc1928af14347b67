import { answerQuestion } from '../../src/answer';
import { spellOut } from '../../src/answer/questionGrammar';
import type { Answer } from '../../src/model';
import { loadPaperIndexAsync, type PaperIndex } from '../../src/search';
import { expectFaithful } from '../helpers/expectFaithful';
import { describeCouncil } from '../parse/readers/readerFixtures';

jest.setTimeout(60_000);

/**
 * What a meeting's own record says, asked of several councils' real papers: who chaired that meeting
 * (not the committee's standing chair), who was there, and when and where the next one is, each quoted
 * from lines that hold every fact the answer states.
 */
function asking(dir: string): (text: string, asOf: string) => Answer {
  let index: PaperIndex | null = null;
  beforeAll(async () => {
    index = (await loadPaperIndexAsync(dir)).index;
  }, 60_000);
  return (text, asOf) => {
    const a = answerQuestion(index!, { text, asOf });
    expectFaithful(index!, a);
    return a;
  };
}

describe('shorthand of the papers’ nouns', () => {
  it('writes "cttee" out as committee, keeping the rest as typed', () => {
    expect(spellOut('next Audit cttee - when and where?')).toBe('next Audit committee - when and where?');
    expect(spellOut('which Cttees meet in May')).toBe('which committees meet in May');
    expect(spellOut('a committee of the whole')).toBe('a committee of the whole');
  });
});

describeCouncil('ayton', (dir) => {
  const ask = asking(dir);

  it('names who chaired a meeting the chair missed, from the line that marks it, and the chair’s apologies', () => {
    const a = ask('who chaired the October 2025 meeting?', '2026-06-20');
    expect(a.kind).toBe('meeting_info');
    expect(a.text).toContain('the chair was Trevor Smith');
    expect(a.citations[0]?.quote).toContain('_TS chaired meeting_');
    expect(a.citations[0]?.quote).toContain('Cllr J Anderson');
    expect(a.text).toMatch(/Apologies \[2\]:\s+> - Alan McFadzean — _Chair_/u);
  });

  it('quotes the heading of a meeting whose papers give no start time or venue: it says how it was held', () => {
    const a = ask('how was the june 2021 meeting held?', '2026-06-20');
    expect(a.kind).toBe('meeting_info');
    expect(a.citations[0]?.quote).toBe('Minutes of a Meeting held on Thursday 3 June 2021 via Zoom');
  });

  it('reads the text when a question read as a meeting kind finds no meeting: the next elections', () => {
    const a = ask('When will the next community council elections be held?', '2026-12-01');
    expect(a.kind).not.toBe('not_found');
    expect(a.citations[0]?.quote).toContain('elections will take place in March 2027');
  });

  it('quotes a short item listing people whole for "who were elected", every role in the quote', () => {
    const a = ask('Who were elected office bearers at the AGM in March 2026?', '2026-06-20');
    expect(a.kind).toBe('who');
    for (const role of ['Chair: Alan McFadzean', 'Vice Chair: Amanda Wright', 'Treasurer: Paul Ingram', 'Secretary: Trevor Smith']) expect(a.citations[0]?.quote).toContain(role);
  });

  it('leads with the named meeting’s figures when its passage needs its section to be read', () => {
    const a = ask('What were the account balances at the June 2026 meeting?', '2026-07-01');
    expect(a.citations[0]?.meetingDate ?? a.citations[0]?.file).toMatch(/2026-06-02/u);
    expect(a.citations[0]?.quote).toContain('£1051.99');
  });

  it('reads "who was there" at a meeting as its attendance', () => {
    const a = ask('who was there at the October 2025 meeting?', '2026-06-20');
    expect(a.kind).toBe('meeting_info');
    expect(a.citations[0]?.quote).toContain('Paul Cliffe');
  });
});

describeCouncil('souldern', (dir) => {
  const ask = asking(dir);

  it('names the acting chair of a meeting as its minutes mark them', () => {
    const a = ask('who chaired the january 2026 meeting?', '2026-06-20');
    expect(a.kind).toBe('meeting_info');
    expect(a.text).toContain('the chair was Heidi Dennison');
    expect(a.citations[0]?.quote).toContain('[Acting Chair]');
  });

  it('cites the minutes for when the council last met, their heading saying where and on what day', () => {
    const a = ask('when did the parish council last meet?', '2026-06-15');
    expect(a.kind).toBe('last_meeting');
    expect(a.citations[0]?.file).toBe('souldern-2026-06-01-annual-meeting-minutes.pdf');
    expect(a.citations[0]?.quote).toContain('ON 1st June 2026');
  });

  it('does not answer a decision on a topic the papers never mention because a decision names the council', () => {
    expect(ask('what did the parish council decide about the new skatepark?', '2026-06-10').kind).toBe('not_found');
  });

  it('quotes the next meeting’s date, time and venue', () => {
    const a = ask('when is the next parish council meeting?', '2026-06-20');
    expect(a.kind).toBe('next_meeting');
    expect(a.citations[0]?.quote).toContain('25th June 2026 at 7.30 pm in the Village Hall');
  });
});

describeCouncil('manchester', (dir) => {
  const ask = asking(dir);

  it('reads "cttee" as the committee and quotes the next meeting’s date, time and venue lines together', () => {
    const a = ask('next audit cttee - when and where?', '2026-01-20');
    expect(a.kind).toBe('next_meeting');
    const quote = a.citations[0]?.quote ?? '';
    for (const line of ['meetingdate: 10/02/2026', 'meetingtime: 10.00 am', 'meetinglocation: Council Antechamber']) expect(quote).toContain(line);
  });

  it('tells whether a meeting still ahead is going ahead, in the future tense', () => {
    const a = ask('is the 13 jan audit meeting still going ahead', '2026-01-05');
    expect(a.kind).toBe('meeting_list');
    expect(a.text).toContain('is cancelled: it will not go ahead');
    expect(a.citations[0]?.quote).toContain('meetingstatus: Cancelled');
  });

  it('reads "last actually meet" as the last meeting', () => {
    const a = ask('when did the audit committee last actually meet?', '2026-02-01');
    expect(a.kind).toBe('last_meeting');
    expect(a.text).toContain('25 November 2025');
  });
});

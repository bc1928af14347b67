import { answerQuestion } from '../../src/answer';
import { readQuestion } from '../../src/answer/read';
import { findDateRefs } from '../../src/answer/dateRefs';
import { panelMeetings } from '../../src/answer/compose/meetings';
import { classify, normalise } from '../../src/answer/questionGrammar';
import type { Answer, Meeting } from '../../src/model';
import { sampleIndex } from '../helpers/sampleIndex';

const index = sampleIndex();
const meetings = panelMeetings(index);
const ask = (text: string, asOf = '2023-07-20'): Answer => answerQuestion(index, { text, asOf });
const read = (text: string, asOf = '2023-07-20') => readQuestion(text, asOf, meetings);
const flat = (s: string): string => s.replace(/\s+/gu, ' ');
const firstQuote = (a: Answer): string => flat(a.citations[0]?.quote ?? '');

/** A meeting on `date` and nothing else: enough for reading dates. */
const meetingOn = (date: string, hasPapers = true): Meeting => ({ date, hasPapers, records: [] }) as unknown as Meeting;

describe('dates as people say them', () => {
  const few = [meetingOn('2021-07-14'), meetingOn('2022-07-13'), meetingOn('2023-07-27'), meetingOn('2023-01-11')];

  it('reads "the july panel" as the July meeting nearest the day asked, even one still to come', () => {
    expect(findDateRefs('where is the july panel', '2023-07-02', few)[0]).toMatchObject({ from: '2023-07-01', to: '2023-07-31' });
    expect(findDateRefs('where is the july panel', '2022-09-01', few)[0]).toMatchObject({ from: '2022-07-01', to: '2022-07-31' });
  });

  it('reads a month and two digits as a month and year unless a meeting fell on that day', () => {
    expect(findDateRefs('figures for oct 22', '2023-05-01', few)[0]).toMatchObject({ from: '2022-10-01', to: '2022-10-31', exactDay: false });
    expect(findDateRefs('the jan 11 mtg', '2023-05-01', few)[0]).toMatchObject({ from: '2023-01-11', exactDay: true });
  });

  it('does not take "since march" or "by june" for a meeting', () => {
    expect(findDateRefs('has it gone down since march', '2023-05-01', few)).toEqual([]);
    expect(findDateRefs('will it be done by june', '2023-05-01', few)).toEqual([]);
  });

  it('tries another year of a month said without one when the nearest does not answer', () => {
    const a = ask('outcome of the welfare rights briefing in jan?', '2023-07-20');
    expect(a.kind).toBe('resolution');
    expect(a.citations[0]?.meetingDate).toBe('2021-01-13');
  });
});

describe('reading the kind of question from data/question-grammar.json', () => {
  it('writes out shorthand question words before reading the kind', () => {
    expect(normalise("whos doin it n when")).toBe("who's doin it and when");
  });

  it.each([
    ['whos presenting the virtual school report?', 'who', 'presenter'],
    ['which pages r the schools performance report on in the agenda pack', 'agenda', 'agenda_item'],
    ['have the minutes from 13 oct 2021 been approved', 'resolution', 'minutes_approval'],
    ['what dates did we meet in 2022', 'meeting_list', null],
    ['when do we meet again', 'next_meeting', null],
    ['what did we decide last time', 'resolution', 'last_meeting'],
    ['who chairs the childrens trust board?', 'who', null],
    ['when will cabinet decide on the new school places', 'fact', null],
  ])('%s', (question, kind, detail) => {
    const u = read(question);
    expect({ kind: u.kind, detail: u.detail }).toEqual({ kind, detail });
  });

  it('falls back to a fact question when no kind fits', () => {
    expect(classify('attendance rates of primary pupils', false)).toEqual({ kind: 'fact', detail: null });
  });
});

describe('answers the new readings give', () => {
  it('quotes the approval of the minutes a date names', () => {
    const a = ask('did the panel sign off the minutes of 14 july 2021?');
    expect(a.kind).toBe('resolution');
    expect(flat(a.text)).toContain('held on 14 July 2021 be approved');
    expect(a.citations[0]).toMatchObject({ file: '004_1bda758d8e7298e7.txt', lineEnd: 147 });
  });

  it('says so when the approval and its heading name different days', () => {
    const a = ask('the 6 feb 2023 minutes - approved?');
    expect(firstQuote(a)).toContain('held on 6 February 2023');
    expect(firstQuote(a)).toContain('held on 8 February 2023 be approved');
    expect(a.text).toContain('the papers disagree');
  });

  it('lists approvals made in a year', () => {
    const a = ask('minutes approved in 2021?', '2022-03-01');
    expect(flat(a.text)).toContain('held on 11 November 2020 be approved');
    expect(flat(a.text)).toContain('held on 14 July 2021 be approved');
  });

  it('gives an agenda item\'s pack pages from its own lines', () => {
    const a = ask('pages for the schools performance report in the pack?');
    expect(a.kind).toBe('agenda');
    expect(firstQuote(a)).toContain("Annual Report on Schools' Education Performance (Pages 83 - 130)");
  });

  it('names the chair from the minutes\' opening when no list gives one', () => {
    const a = ask('who chaired the march 2023 meeting');
    expect(a.text).toContain('Rita Potter');
    expect(firstQuote(a)).toContain('Cllr Rita Potter, Chair');
  });

  it('cites what the last minutes before the day asked said of the next meeting', () => {
    const a = ask('when do we meet again', '2021-02-01');
    expect(a.kind).toBe('next_meeting');
    expect(a.text).toContain('10 March 2021');
    expect(firstQuote(a)).toContain('next meeting on 10 March 2021');
  });

  it('quotes the discussion when the decision does not name the topic', () => {
    const a = ask('13/1/21 meeting - any decision on exclusions?');
    expect(a.kind).toBe('resolution');
    expect(a.text).toContain('Culture of Belonging');
  });

  it('quotes the discussion a decision points back at', () => {
    const a = ask('work programme changes agreed at the jan 13 2021 mtg?');
    expect(a.text).toContain('The discussion it refers to');
    expect(a.text).toContain('digital divide');
  });

  it('answers a "when" fact with the sentence that gives the date', () => {
    const a = ask('when is cabinet due to approve the vision for school organisation', '2021-01-04');
    expect(a.text).toContain('20 January 2021');
  });

  it('does not answer for another quarter than the one asked', () => {
    expect(ask('when is the q4 self evaluation update due at panel', '2023-11-01').kind).toBe('not_found');
  });
});

describe('more ways of asking', () => {
  it.each([
    ['when r we meeting next', 'next_meeting', null],
    ['who presents the self evaluation in july', 'who', 'presenter'],
  ])('%s', (question, kind, detail) => {
    const u = read(question);
    expect({ kind: u.kind, detail: u.detail }).toEqual({ kind, detail });
  });

  it('reads "now", or a figure asked of no date, as the latest papers that say it; a year named, as that year', () => {
    // The latest pack (July 2023) answers; the older pack's November 2021 table answers for 2021.
    expect(ask('schools good or outstanding % now', '2023-11-20').citations[0]?.file).toBe('000_73aa9faf505450da.txt');
    expect(ask('schools good or outstanding %', '2023-11-20').citations[0]?.file).toBe('000_73aa9faf505450da.txt');
    expect(ask('schools good or outstanding % in 2021', '2023-11-20').citations[0]?.file).toBe('004_1bda758d8e7298e7.txt');
  });
});

describe('minutes approvals the papers do not hold', () => {
  it('does not offer another meeting\'s approval made that day', () => {
    expect(ask('have the minutes from 13 oct 2021 been approved', '2023-07-20').kind).toBe('not_found');
  });

  it('reads minutes that say what was agreed on a topic as a decision, not an approval', () => {
    expect(read('what did the minutes say was agreed on exclusions').detail).toBeNull();
  });
});

describe('the last meeting\'s minutes', () => {
  it('answers "apologies last time" from the last minuted meeting before the day asked', () => {
    const a = ask('apologies last time?', '2022-01-20');
    expect(a.kind).toBe('meeting_info');
    expect(a.text).toContain('6 January 2022');
  });

  it('reads "been to panel yet" as the history of a topic', () => {
    expect(read('has the holiday food programme been to panel yet').kind).toBe('timeline');
  });
});

describe('a lead-in and what it leads into', () => {
  it('reads a heading ending in a colon with the list after it, and cites both', () => {
    const a = ask('social care priorities 23/24 for care leavers', '2023-12-01');
    expect(a.text).toContain('a staying close offer for care leavers');
    expect(a.citations[0]).toMatchObject({ file: '003_65cc75b47768e268.txt', lineStart: 83 });
    expect(a.citations[0]!.lineEnd).toBeGreaterThan(83);
  });
});

describe('the type of answer a question wants', () => {
  it.each([
    ['brownfield fund - exact allocation?', 'amount'],
    ['what is the total funding for the bus scheme', 'amount'],
    ['how much money did the depot get', 'amount'],
    ['was the grant approved?', 'text'],
  ])('"%s" wants %s', (text, type) => {
    const reading = readQuestion(text, '2023-07-20', meetings);
    expect(reading.answerType === 'amount' ? 'amount' : 'text').toBe(type);
  });
});

describe('what the reading carries, so no kind reads the wording again', () => {
  it('reads the value wanted: an amount, a figure, a percentage, a date, the thing counted', () => {
    expect(read('how much did the consultation cost').wanted).toMatchObject({ amount: true, figure: false });
    expect(read('what % of schools are good now').wanted).toMatchObject({ figure: true, percent: true, current: true });
    expect(read('what is the deadline for the bid').wanted).toMatchObject({ prefersDate: true, when: false });
    expect(read('how many public qs and statements were received').wanted.countedRun).toMatch(/^public qs and statements\b/u);
    expect(read('who chairs the panel').wanted).toMatchObject({ amount: false, figure: false, when: false, countedRun: null });
  });

  it("keeps the question's words in order, glue words too, for names read among them", () => {
    expect(read('who is Cllr Basil Curley?').words).toEqual(['who', 'is', 'cllr', 'basil', 'curley']);
  });

  it('says the phrases the kinds ask of it once: the next meeting, coming back, the previous minutes', () => {
    expect(read("what's on the agenda for the next meeting").said.has('asksNext')).toBe(true);
    expect(read('is the SEND report coming back').said.has('asksComingBack')).toBe(true);
    expect(read('were the previous minutes agreed on 15 January').said.has('previousMinutes')).toBe(true);
    expect(read('what is on the agenda for 27 july').said.has('asksNext')).toBe(false);
  });
});

import { answerQuestion } from '../../src/answer';
import type { Answer } from '../../src/model';
import { sampleIndex } from '../helpers/sampleIndex';

const index = sampleIndex();
const ask = (text: string, asOf = '2023-07-20'): Answer => answerQuestion(index, { text, asOf });
const flat = (s: string) => s.replace(/\s+/gu, ' ');

/** Every quote fragment (split at ellipses) is in the cited lines: a citation never misquotes. */
function expectFaithful(answer: Answer): void {
  for (const c of answer.citations) {
    const cited = flat((index.lines(c.file) ?? []).slice(c.lineStart - 1, c.lineEnd).join(' '));
    for (const fragment of c.quote.split('…').map((f) => flat(f).trim()).filter((f) => f.length > 0)) {
      expect(cited).toContain(fragment);
    }
  }
  // Every [n] marker points at a citation.
  for (const m of answer.text.matchAll(/\[(\d+)\]/gu)) expect(Number(m[1])).toBeLessThanOrEqual(answer.citations.length);
}

describe('resolutions', () => {
  it('quotes the decision verbatim with meeting and minute, and cites its lines', () => {
    const a = ask('what did the panel resolve on exclusions');
    expect(a.kind).toBe('resolution');
    expect(a.text).toContain('On 15 March 2023 (minute 11, School Exclusion and Suspensions) the panel resolved [1]');
    expect(a.text).toContain('\n3. The Deputy Director of Education to share a final draft');
    expect(a.citations[0]).toMatchObject({ file: '000_73aa9faf505450da.txt', lineStart: 498, lineEnd: 500, meetingDate: '2023-03-15' });
    expectFaithful(a);
  });

  it('understands shorthand from the glossary (WSOA)', () => {
    const a = ask('r we getting progress reports on the WSOA actions?', '2022-02-01');
    expect(a.kind).toBe('resolution');
    expect(a.text).toContain('progress reports on actions detailed in the WSOA');
  });

  it('answers "is it coming back?" with the decision and the date the work programme gives', () => {
    const a = ask('is the youth offer info we asked for coming back to panel', '2023-07-20');
    expect(a.kind).toBe('resolution');
    expect(a.text).toContain('The information requested by the panel to be presented to a future meeting');
    expect(a.text).toContain('"Youth and holiday offer in the City" is on the work programme for the 22 November 2023 meeting');
    expectFaithful(a);
  });

  it('lists every decision of a named meeting, substantive ones first', () => {
    const a = ask('can u list everything resolved at the 13 oct 2021 meeting');
    expect(a.resolutions?.map((r) => r.itemNumber)).toEqual(['6', '7', '8', '9', '5']);
    expect(a.text).toContain('The panel agreed the proposed changes to the draft work programme report.');
  });

  it('names the nearest record when no decision on the topic is in the papers', () => {
    const a = ask('what did the panel resolve on the virtual school head report');
    expect(a.kind).toBe('not_found');
    expect(a.text).toContain('"Virtual School Head Annual Report 2021" was on the 2 February 2022 agenda (item 8); no minutes of that meeting are in the papers.');
  });

  it('does not call a decision "on" a topic for one word of three', () => {
    expect(ask('what did the panel resolve on the virtual school head report').resolutions).toBeUndefined();
  });

  it('says so when the named meeting has no minutes in the papers', () => {
    const a = ask('what did the panel resolve on exclusions at the 2 feb 2022 meeting?', '2022-02-10');
    expect(a.kind).toBe('not_found');
    expect(a.text).toContain('no minutes of the 2 February 2022 meeting');
    expect(a.citations).toEqual([]);
  });
});

describe('typing as people type', () => {
  it.each([
    ['what did the panel resolve on exlusions', 'School Exclusion and Suspensions'],
    ['next meting?', '27 July 2023'],
    ['who chars the panel', 'Cllr Qaiser Azeem'],
    ['apologys at the march meeting', 'Cllr Lynne Moran'],
  ])('mends "%s"', (question, expected) => {
    expect(ask(question, '2023-07-20').text).toContain(expected);
  });
});

describe('next and last meeting, relative to the day asked', () => {
  it.each([
    ['2023-07-26', '27 July 2023'],
    // On the day of a meeting, "next" is the one after it.
    ['2023-07-27', '4 October 2023'],
    ['2023-08-10', '4 October 2023'],
    ['2021-01-06', '13 January 2021'],
  ])('as of %s the next meeting is %s', (asOf, date) => {
    const a = ask('next panel meeting?', asOf);
    expect(a.kind).toBe('next_meeting');
    expect(a.text).toContain(date);
    expectFaithful(a);
  });

  it('says when the only record of the next meeting is a work programme date', () => {
    expect(ask('next panel meeting?', '2023-08-10').text).toContain('The only record of it is a work programme date');
  });

  it('says what the latest meeting is when nothing later is recorded', () => {
    const a = ask('when is the next meeting?', '2024-06-01');
    expect(a.kind).toBe('not_found');
    expect(a.text).toContain('The latest meeting in the papers is 13 March 2024.');
  });

  it('answers "the meeting after the march one" from the March meeting, not from today', () => {
    expect(ask("when's the panel meeting after the march one?", '2021-03-11').text).toContain('14 July 2021');
  });

  it('reads the last meeting and what it considered', () => {
    const a = ask('when did the panel last meet and what was it on?', '2022-01-20');
    expect(a.kind).toBe('last_meeting');
    expect(a.text).toContain('6 January 2022');
    expect(a.text).toContain('Written Statement of Action');
  });
});

describe('meeting details', () => {
  it('chair and vice-chair from the nearest front sheet', () => {
    const a = ask('who chairs the CYP scrutiny panel');
    expect(a.text).toContain('Cllr Qaiser Azeem');
    expect(a.text).toContain('Cllr Stephanie Haynes');
    expectFaithful(a);
  });

  it('apologies of "the march mtg" are those of 15 March 2023', () => {
    const a = ask('apols at march mtg?');
    expect(a.kind).toBe('meeting_info');
    expect(a.text).toContain('Cllr Lynne Moran');
    expect(a.citations[0]?.meetingDate).toBe('2023-03-15');
  });

  it('lists who attended, from the minutes', () => {
    const a = ask('who attended the march 2023 meeting', '2023-07-20');
    expect(a.text).toContain('Cllr Adam Collinge');
    expect(a.text).toContain('Brenda Wile (Deputy Director of Education)');
    expectFaithful(a);
  });

  it('reads bare years said as times ("in 2021, 2022 and 2023"), not years in a title', () => {
    const chairs = ask('who chaired the panel in 2021, 2022 and 2023?');
    expect(chairs.text).toContain('On 27 July 2023 the chair was Cllr Qaiser Azeem');
    expect(chairs.text).toContain('the chair was Cllr Rita Potter');
    expect(ask('how many times did the panel meet in 2021?').text).toContain('Wednesday 13 January 2021');
    expect(ask('what did the panel resolve on the 2022 social work health check').text).toContain('On 15 March 2023 (minute 9');
  });

  it('lists the meetings in a month, or says there were none', () => {
    expect(ask('was there a meeting in january 2021?').text).toContain('Tuesday 5 January 2021');
    expect(ask('was there a meeting in december 2022?').kind).toBe('not_found');
  });

  it('is not found when the papers give no time or venue for the meeting', () => {
    const a = ask('what time/where is the 24 march cypf meeting?', '2022-02-03');
    expect(a.kind).toBe('not_found');
    expect(a.text).toContain('no time or venue for the 24 March 2022 meeting');
  });

  it('lists the agenda of a meeting with pages and presenters', () => {
    const a = ask('whats on the agenda for 27 july');
    expect(a.kind).toBe('agenda');
    expect(a.agendaItems?.length).toBe(9);
    expect(a.text).toContain('Education, Skills and Employment Strategy (pages 21-50) — Laura Collings, Head of Policy & Strategy');
  });

  it('lists what a work programme puts on a meeting that has no agenda in the papers', () => {
    const a = ask('which items are coming to the 22 november meeting', '2023-08-01');
    expect(a.kind).toBe('agenda');
    expect(a.text).toContain('No agenda for 22 November 2023 is in the papers; the work programme lists:');
    expect(a.text).toContain('SEND and Inclusion Strategy');
  });

  it('gives the business of a past meeting with no agenda in the papers from its minutes', () => {
    const a = ask('what did the 13 jan 2021 meeting consider?');
    expect(a.kind).toBe('agenda');
    expect(a.text).toContain('No agenda for 13 January 2021 is in the papers; its minutes record these items:');
    expect(a.text).toContain('9. Welfare Rights Briefing');
  });

  it('answers call-in questions from the agenda note', () => {
    const a = ask('can the ESE strategy be called in once exec decides', '2023-07-20');
    expect(a.text).toContain('will therefore not be available for Call-in');
    expectFaithful(a);
  });
});

describe('schedule, who, timeline and facts', () => {
  it('finds when an item is programmed', () => {
    const a = ask('when is the MASH 24 evaluation coming to scrutiny?', '2022-02-03');
    expect(a.kind).toBe('schedule');
    expect(a.text).toContain('the 24 March 2022 meeting');
  });

  it('says when the papers give only a month for an item', () => {
    const a = ask('when is the pupil premium briefing coming?', '2023-08-01');
    expect(a.text).toContain('is on the work programme for September 2023 (the papers give only a month, no meeting date)');
  });

  it('reads who presented from the minutes', () => {
    const a = ask('who presented exclusions in march');
    expect(a.text).toContain('Brenda Wile, Deputy Director of Education');
  });

  it('reads cabinet members from report covers, one line per meeting asked about', () => {
    const a = ask('who was the cabinet member for children and young people in march 2021, feb 2022 and july 2023?');
    expect(a.text).toContain('John Reynolds');
    expect(a.text).toContain('Beverley Momenabadi');
  });

  it('builds a timeline across meetings', () => {
    const a = ask('when has the panel looked at school exclusions? list the meetings', '2023-08-01');
    expect(a.kind).toBe('timeline');
    expect(a.text).toContain('15 March 2023');
    expect(a.text).toContain('31 January 2024');
  });

  it('quotes a figure from a report', () => {
    const a = ask('PP+ rate per child in care?');
    expect(a.kind).toBe('fact');
    expect(a.citations.some((c) => c.quote.includes('£2345 per pupil, per annum'))).toBe(true);
    expectFaithful(a);
  });

  it('finds a figure in the paragraph after the one that names its subject', () => {
    const a = ask('how many attended the inclusion summit');
    expect(a.citations.some((c) => c.quote.includes('The event was attended by 100 people.'))).toBe(true);
    expectFaithful(a);
  });

  it('answers about the year asked, or not at all', () => {
    expect(ask('what is the family hubs budget for 2025?').kind).toBe('not_found');
    expect(ask('how many foster carers were recruited in 2022?').text).toContain('In 2022/2023, 18 new foster parents were approved');
  });

  it('does not call a decision on "school appeals" one on "school exclusions"', () => {
    const a = ask('what did the panel resolve on school appeals?', '2023-08-01');
    expect(a.kind).toBe('not_found');
    expect(a.text).toContain('"School Appeals" was programmed for 13 March 2024 in a work programme');
  });

  it('will not answer a "how much" question from a passage without an amount', () => {
    expect(ask('how much will the 2 new childrens homes cost to set up and run?').kind).toBe('not_found');
  });

  it('treats a figure left as "xxx" as not in the papers', () => {
    const a = ask('how many kids were in IFA placements in dec 2016?');
    expect(a.kind).toBe('not_found');
    expect(a.text).toContain('leave that figure blank');
  });

  it('says what it searched when the papers do not answer', () => {
    const a = ask('what is the capital of France?');
    expect(a.kind).toBe('not_found');
    expect(a.text).toMatch(/I searched 5 papers .* Meetings with papers run from 5 January 2021 to 27 July 2023\./u);
  });
});

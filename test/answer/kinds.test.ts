import { answerQuestion, readQuestion } from '../../src/answer';
import { panelMeetings } from '../../src/answer/compose/meetings';
import { holdsIdentifiers } from '../../src/answer/compose/identifiers';
import { splitIntents } from '../../src/answer/read/questionsAsked';
import { KIND_NAMES } from '../../src/answer/kinds';
import { GRAMMAR_KINDS } from '../../src/answer/questionGrammar';
import type { Answer } from '../../src/model';
import type { PaperIndex } from '../../src/search';
import { expectFaithful, flat } from '../helpers/expectFaithful';
import { councilIndex, sampleIndex } from '../helpers/sampleIndex';

/** What a user sees first: the answer's text and the first citation's quote. */
const shown = (a: Answer): string => flat(`${a.text} ${a.citations[0]?.quote ?? ''}`);

/** The question is answered as `kind`, shows `fact` where a user sees it, and quotes faithfully. */
function expectAnswers(index: PaperIndex, question: string, asOf: string, kind: string, fact: string): void {
  const a = answerQuestion(index, { text: question, asOf });
  expect(a.kind).toBe(kind);
  expect(shown(a)).toContain(fact);
  expectFaithful(index, a);
}

describe('the registry of question kinds', () => {
  it('has a file for every kind the grammar reads, and the grammar uses every file', () => {
    expect([...GRAMMAR_KINDS].sort()).toEqual([...KIND_NAMES].sort());
  });
});

/**
 * Each kind asked five or more ways (shorthand, typos, lower case, no question mark), on the sample
 * papers, the day asked 20 July 2023. Each case: the answer kind and a fact the answer must show.
 */
describe('every kind, asked in several ways, on the sample papers', () => {
  const index = sampleIndex();
  const cases: Record<string, [question: string, shows: string][]> = {
    next_meeting: [
      ['when do we next meet', '27 July 2023'],
      ['next mtg date?', '27 July 2023'],
      ['whens the panel meeting next', '27 July 2023'],
      ['upcoming meeting?', '27 July 2023'],
      ['date of next scrutiny pannel', '27 July 2023'],
      ['date of the following panel meeting pls', '27 July 2023'],
    ],
    last_meeting: [
      ['when did we last meet', '15 March 2023'],
      ['most recent meeting?', '15 March 2023'],
      ['when did the panel meet last', '15 March 2023'],
      ['previous meeting date', '15 March 2023'],
      ['when was the last panel meeting', '15 March 2023'],
    ],
    meeting_info: [
      ['chair of the panel?', 'Qaiser Azeem'],
      ['where is the july meeting being held', 'Committee Room 3'],
      ['what time does the 27 july meeting start', '6.00 pm'],
      ['who sent apologies in march', 'Lynne Moran'],
      ['members of the panel?', 'Paul Sweet'],
      ['where does the panel meet', 'Committee Room 3'],
      ['who was absent from the october 2021 meeting', 'Clare Simm'],
      ['is the 27 july meeting in person or online', 'Committee Room 3'],
      ['how many people attended the march 2023 meeting', 'Attendance at the 15 March 2023 meeting'],
    ],
    meeting_list: [
      ["list the panel's meetings in 2023", '27 July 2023'],
      ['which meetings are there in 2022', '2 February 2022'],
      ['what meetings took place in 2021', '10 March 2021'],
      ['how many meetings are in the papers', '10 March 2021'],
      ['what dates did the panel meet in 2021', '13 October 2021'],
    ],
    agenda: [
      ['items for the 27 july meeting', 'Welcome and Introductions'],
      ['agenda 27/7?', 'Principal Social Worker Annual Report'],
      ['whats on the agenda for the next meeting', 'Principal Social Worker Annual Report'],
      ["what's being discussed on 27 july", 'Education, Skills and Employment Strategy'],
      ['what is on the 2 feb 2022 agenda', 'Virtual School Head Annual Report'],
    ],
    resolution: [
      ['what was resolved about family hubs', 'opening of Family Hubs at a future meeting'],
      ['decision on the exclusions item in march 2023', 'update provided on'],
      ['what did the panel agree about the YO summer festival', 'note the report'],
      ['outcome of the SEND update in oct 2021', 'detailed findings of the SEND local area inspection'],
      ['who is supposed to send the panel the inclusion framework', 'Deputy Director of Education to share'],
      ['wat did the pannel decide on exclusoins', 'update provided on'],
      ['what actions were agreed on school exclusions', 'agreed to present the findings to a future meeting'],
      ['what follow-up actions came out of the family hubs item', 'receive an update on the progress of the opening of Family Hubs'],
      ['exclusions - actions agreed?', 'Jameel Mullan'],
      ['what did the principal social worker agree to do about the health check survey', "include the question in next year's survey"],
    ],
    schedule: [
      ['when is family hubs coming back', '22 November 2023'],
      ['when will the principal social worker annual report be considered', '27 July 2023'],
      ['when is the SEND strategy due at panel', '22 November 2023'],
      ["when's school exclusions due back", '31 January 2024'],
      ['when is the childcare sufficiency assessment scheduled', '4 October 2023'],
      ['when does the panel next look at school exclusions', '31 January 2024'],
      ['who leads on the childcare sufficiency assessment', 'lead: Phil Leivers'],
    ],
    timeline: [
      ['history of school exclusions at the panel', 'School Exclusion and Suspensions'],
      ['how many times has family hubs been to scrutiny', 'Family Hubs and Start for Life Offer Programme'],
      ['when has the panel considered the SEND inspection', 'SEND Update'],
      ['timeline of the health check at panel', 'Health Check'],
      ['how often has the panel looked at the health check', '2022 Children'],
    ],
    who: [
      ['who presented the family hubs item', 'Alison Hinds'],
      ['who is the scrutiny contact', 'Earl Piggott-Smith'],
      ['who wrote the principal social worker annual report', 'Jenny Rogers'],
      ['who is presenting the self evaluation in july', 'Alison Hinds'],
      ['scrutiny officer phone number', '01902 551251'],
      ['which officer is presenting the residential provision review on 2 february', 'Rachel King, Head of Service'],
    ],
    recommendations: [
      ['what are the recommendations of the residential provision review report', '£35,000 from the Transformation reserve'],
      ['what does the PSW annual report recommend', 'Endorse the work of the Principal Social Worker'],
      ['recommendations in the workforce health check 2020 report', "Note and comment on the findings of the Children's Services Workforce Health Check"],
      ['residential review - what does it recommend?', 'full feasibility business case'],
      ['recomendations of the social work health check 2020', "Children's Social Work Health Check for 2020"],
    ],
    fact: [
      ['what is the social work vacancy rate', '20.4%'],
      ['how many children were in care at end of march 2017', '643'],
      ['how much headstart money', '£9.47m'],
      ['what percentage of schools are rated good or outstanding', "89% of the city's schools"],
      ['how much pupil premium plus per child in care', '£2345 per pupil'],
    ],
  };

  /** The kind an answer reports (the evaluation's contract): a report's recommendations are a fact. */
  const answerKind: Record<string, string> = { recommendations: 'fact' };
  for (const [kind, asked] of Object.entries(cases)) {
    it.each(asked)(`${kind}: %s`, (question, fact) => expectAnswers(index, question, '2023-07-20', answerKind[kind] ?? kind, fact));
  }
});

describe('a question that asks several things', () => {
  const index = sampleIndex();
  const ask = (text: string): Answer => answerQuestion(index, { text, asOf: '2023-07-20' });

  it('splits at a second question word, but not inside one question', () => {
    expect(splitIntents('when is the next meeting and who chairs it?')).toEqual(['when is the next meeting', 'who chairs it?']);
    expect(splitIntents('who chairs the panel? where does it meet?')).toEqual(['who chairs the panel?', 'where does it meet?']);
    expect(splitIntents('what did the panel resolve on children and young people')).toHaveLength(1);
    // "if not ..." leans on the part before: one question.
    expect(splitIntents("is there a meeting in feb? if not when's the next one")).toHaveLength(1);
  });

  it('answers both parts, the second read as a follow-up of the first', () => {
    const a = ask('when is the next meeting and who chairs it?');
    expect(a.text).toContain('27 July 2023');
    expect(a.text).toContain('Qaiser Azeem');
    expectFaithful(index, a);
  });

  it('answers both parts in the order asked, each claim marked with its own citation', () => {
    const a = ask('who chairs the panel and when did we last meet');
    expect(a.text.indexOf('Qaiser Azeem')).toBeGreaterThanOrEqual(0);
    expect(a.text.indexOf('15 March 2023')).toBeGreaterThan(a.text.indexOf('Qaiser Azeem'));
    const markers = [...a.text.matchAll(/\[(\d+)\]/gu)].map((m) => Number(m[1]));
    expect(new Set(markers).size).toBe(a.citations.length);
    expectFaithful(index, a);
  });

  it('answers a decision and when it comes back', () => {
    const a = ask('what did the panel resolve about family hubs and when is it coming back?');
    expect(a.text).toContain('opening of Family Hubs at a future meeting');
    expect(a.text).toContain('22 November 2023');
    expectFaithful(index, a);
  });
});

describe('the same questions on other councils’ papers', () => {
  let kingston: PaperIndex;
  let bristol: PaperIndex;
  beforeAll(async () => {
    [kingston, bristol] = await Promise.all([councilIndex('kingston'), councilIndex('bristol')]);
  }, 180_000);

  it.each([
    ['when do we meet next', 'next_meeting', '3 March 2026'],
    ['when did the committee last meet', 'last_meeting', '29 January 2026'],
    ['who chairs the committee', 'meeting_info', 'Olly Wehring'],
    ['where was the january meeting held', 'meeting_info', 'Guildhall'],
    ['apologies at the 15 jan meeting', 'meeting_info', 'Noel Hadjimichael'],
    ['which meetings were there in 2025', 'meeting_list', '4 Dec 2025'],
    ['what was on the agenda for 15 january', 'agenda', 'Public Question Time'],
    ['what was decided about the zebra crossing', 'resolution', 'deferred'],
    ['who wrote the manorgate road report', 'who', 'Matthew Hill'],
    ['who presented the zebra crossing report', 'who', 'the report is by Matthew Hill'],
    ['when is the next meeting and who chairs it?', 'next_meeting', 'Olly Wehring'],
    ['Were the minutes of the previous meeting agreed on 15 January 2026?', 'resolution', 'held on 18 November 2025'],
    ['was the december meeting cancelled', 'meeting_list', 'CANCELLED'],
    ['When does the committee meet after 3 March 2026?', 'next_meeting', '15 June 2026'],
    ['Which councillor seconded the zebra crossing deferral?', 'who', 'Sadr-Hashemi'],
    ['who attended the 15 january meeting', 'not_found', 'does not list who attended'],
  ])('Kingston: %s', (question, kind, fact) => expectAnswers(kingston, question, '2026-02-01', kind, fact));

  it.each([
    ['when is the next meeting', 'next_meeting', '14 May 2026'],
    ['when did the committee last meet', 'last_meeting', '19 March 2026'],
    ['who is the chair', 'meeting_info', 'Ed Plowden'],
    ['who sent apologies on 23 oct 2025', 'meeting_info', 'Councillor Hucker attended as substitute'],
    ['what was decided on incentive funding', 'resolution', 'CARRIED'],
    ['history of the workplace parking levy', 'timeline', '12 September 2024'],
    ["what's coming up in may", 'agenda', '14 May 2026'],
    ['what time did the march meeting finish', 'meeting_info', 'Meeting ended at 7.30 pm'],
    ['who is on the committee', 'meeting_info', 'Graham Morris (Vice-Chair)'],
    ['when did the committee first discuss the workplace parking levy', 'timeline', '12 September 2024'],
    ['who is the head of city transport', 'who', 'Adam Crowther'],
    ['who attended the march meeting and what did they decide on the 20mph review?', 'meeting_info', 'recommendation 2 was CARRIED unanimously'],
  ])('Bristol: %s', (question, kind, fact) => expectAnswers(bristol, question, '2026-04-01', kind, fact));
});

describe('"now": the newest figure, with older papers as its history', () => {
  const index = sampleIndex();

  it.each(['what is the vacancy rate now', 'current sw vacancy rate?', 'latest social work vacancy rate'])('%s', (question) => {
    const a = answerQuestion(index, { text: question, asOf: '2023-12-01' });
    expect(flat(a.citations[0]!.quote)).toContain('20.4%');
    // The 2021 figure is history, dated, after the newest.
    expect(a.text).toMatch(/Earlier \(13 January 2021\)[^\n]*15\.8 per cent/u);
    expect(a.text.indexOf('15.8 per cent')).toBeGreaterThan(a.text.indexOf('20.4%'));
    expectFaithful(index, a);
  });
});

describe('"not in the papers" when the question is of something the papers do not hold', () => {
  const index = sampleIndex();
  const ask = (text: string): Answer => answerQuestion(index, { text, asOf: '2023-07-20' });

  it.each(['who chairs the health scrutiny panel', 'when is the next adult social care scrutiny panel', 'whats on the agenda for the planning committee'])('another committee: %s', (question) => {
    const a = ask(question);
    expect(a.kind).toBe('not_found');
    expect(a.text).toMatch(/hold nothing of the [\w ]+ (?:panel|committee)/u);
  });

  it.each(['who chairs the cypf panel', 'who chairs the childrens scrutiny panel', "when's the next cyp scrutiny panel?", 'who chairs the july panel', 'date of the following panel meeting'])('the papers’ own panel, however named: %s', (question) => {
    expect(ask(question).kind).not.toBe('not_found');
  });

  it('an amount asked is quoted from the sentence that holds it', () => {
    const a = ask('what is the budget for the virtual school');
    expect(flat(a.text)).toMatch(/"[^"]*£\d[^"]*"/u);
    expectFaithful(index, a);
  });
});

describe('what the papers could know on the day asked', () => {
  const index = sampleIndex();

  it('names who will present from the agenda, not from minutes of a later meeting', () => {
    const a = answerQuestion(index, { text: 'who will present the workforce health check', asOf: '2021-03-01' });
    expect(shown(a)).toContain('Courtney Abbott');
    expect(a.citations[0]?.meetingDate).toBe('2021-03-10');
  });
});

describe('a trend asked of no date: the latest paper that gives it', () => {
  const index = sampleIndex();

  it.each(['has the % of repeat cp plans gone down', 'repeat cp plans - up or down?', '% of repeat CP plans going up?'])('%s', (question) => {
    const a = answerQuestion(index, { text: question, asOf: '2023-11-01' });
    expect(shown(a)).toContain('from 19.2% reported in March 23 to 25.6%');
    expectFaithful(index, a);
  });
});

describe('shorthand for a name of several words names one thing', () => {
  const index = sampleIndex();
  const meetings = panelMeetings(index);

  it('needs the shorthand or its meaning, not the meaning’s words apart', () => {
    const u = readQuestion('what are the wsoa priorities', '2022-02-01', meetings);
    expect(holdsIdentifiers(u, 'Have ownership and control over the statement of purpose; action on priorities')).toBe(false);
    expect(holdsIdentifiers(u, 'The Written Statement of Action priorities')).toBe(true);
    expect(holdsIdentifiers(u, 'WSOA priorities')).toBe(true);
  });
});

import path from 'node:path';
import { answerQuestion } from '../../src/answer';
import { personForRole, presenterOf, roleHolders } from '../../src/answer/people';
import type { Answer } from '../../src/model';
import { loadPaperIndex, loadPaperIndexAsync, type PaperIndex } from '../../src/search';
import { expectFaithful, flat } from '../helpers/expectFaithful';
import { councilPapers, sampleIndex } from '../helpers/sampleIndex';

const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'papers', 'people');
const sample = sampleIndex();
const fixture = loadPaperIndex(FIXTURE).index;
let bristol: PaperIndex;

beforeAll(async () => {
  bristol = (await loadPaperIndexAsync(councilPapers('bristol'))).index;
}, 120_000);

const ask = (index: PaperIndex, text: string, asOf: string): Answer => {
  const answer = answerQuestion(index, { text, asOf });
  expectFaithful(index, answer);
  return answer;
};

/** The answer names the person, and its first citation quotes the lines that name them. */
function expectNames(answer: Answer, name: string): void {
  expect(answer.kind).toBe('who');
  expect(answer.text).toContain(name);
  expect(flat(answer.citations[0]?.quote ?? '')).toContain(name);
}

describe('personForRole', () => {
  it('finds the newest record naming the role, as of the day asked', () => {
    expect(personForRole(sample, ['principal', 'social', 'worker'], '2023-08-01')).toMatchObject({ name: 'Jennifer Rogers', meetingDate: '2023-07-27' });
    expect(personForRole(sample, ['principal', 'social', 'worker'], '2023-04-01')).toMatchObject({ name: 'Jennifer Rogers', meetingDate: '2023-03-15', evidence: 'attendance' });
  });

  it('expands shorthand from the glossary', () => {
    expect(personForRole(sample, ['psw'], '2023-08-01')?.name).toBe('Jennifer Rogers');
    expect(personForRole(fixture, ['hos', 'early', 'help'], '2023-09-20')?.name).toBe('Priya Marsh');
  });

  it('prefers the post asked for to a deputy\'s', () => {
    // The minutes of 15 March 2023 name a Deputy Director of Children's Services; the director is on an earlier cover.
    expect(personForRole(sample, ['director', 'children', 'services'], '2023-08-01')?.name).toBe('Emma Bennett');
  });

  it('finds no one when the role is not in the papers', () => {
    expect(personForRole(sample, ['head', 'service', 'early', 'help'], '2023-08-01')).toBeUndefined();
    expect(roleHolders(sample, ['chief', 'constable'], '2023-08-01')).toStrictEqual([]);
  });
});

describe('presenterOf', () => {
  it('gives the agenda\'s presenter for an agenda item', () => {
    const item = sample.corpus.agendaItems.find((i) => i.meetingDate === '2023-07-27' && i.number === '8')!;
    expect(presenterOf(sample, item)).toMatchObject({ name: 'Jennifer Rogers', role: 'Principal Social Worker' });
  });

  it('gives the minutes\' presenter, and who held the role where the minutes give only the role', () => {
    const item = fixture.corpus.minutes.flatMap((m) => m.items).find((i) => i.title === 'Social Work Practice Report')!;
    expect(presenterOf(fixture, item)).toMatchObject({ name: 'Nadia Quinn', role: 'Principal Social Worker', holder: { name: 'Nadia Quinn', evidence: 'attendance' } });
  });
});

describe('answerQuestion: who holds a role', () => {
  const asOf = '2023-08-01';
  it.each([
    ['who is the principal social worker', 'Jennifer Rogers'],
    ["who's the psw?", 'Jennifer Rogers'],
    ['who is the prinicpal social worker', 'Jennifer Rogers'],
    ['WHO IS THE HEAD OF SCHOOL BUSINESS AND SUPPORT', 'Bill Hague'],
    ['who is jennifer rogers', 'Jennifer Rogers'],
  ])('"%s" names %s', (question, name) => {
    expectNames(ask(sample, question, asOf), name);
  });

  it.each([
    ['who is the head of service for early help', 'Priya Marsh'],
    ['whos the hos for early help', 'Priya Marsh'],
    ['who is the director of childrens services', 'Tomas Reed'],
    ['who is the dcs', 'Tomas Reed'],
  ])('"%s" names %s (fixture)', (question, name) => {
    expectNames(ask(fixture, question, '2023-09-20'), name);
  });

  it('searches the papers when no one in them holds the role', () => {
    const answer = ask(sample, 'who is the head of service for early help', asOf);
    expect(answer.text).not.toMatch(/Head of Service, /u);
  });

  it('names the officer another council\'s minutes give only by role', () => {
    expectNames(ask(bristol, 'who is the head of city transport', '2026-04-01'), 'Adam Crowther');
  });
});

describe('answerQuestion: who presented', () => {
  it('names the presenter of a minuted item where the minutes give only the role', () => {
    const answer = ask(fixture, 'who presented the social work practice report', '2023-09-20');
    expect(answer.text).toContain('Nadia Quinn');
    expect(answer.citations.map((c) => c.lineStart)).toEqual(expect.arrayContaining([61, 45]));
  });

  it('names the presenter from the minutes\' discussion line', () => {
    const answer = ask(sample, 'who presented the spotlight review on safeguarding', '2023-08-01');
    expectNames(answer, 'Alison Hinds');
  });

  it('names the officer behind another council\'s "The Head of City Transport introduced the report"', () => {
    const answer = ask(bristol, 'who presented the 20 mph review', '2026-04-01');
    expect(answer.text).toContain('Adam Crowther');
    expect(flat(answer.citations[0]!.quote)).toContain('Head of City Transport');
  });
});

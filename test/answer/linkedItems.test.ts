import path from 'node:path';
import { answerAgreedActions, answerComingBack, linkItem, sameSubject } from '../../src/answer/linkedItems';
import { linkMeeting } from '../../src/answer/linkedMeetings';
import { panelMeetings } from '../../src/answer/compose/meetings';
import { readQuestion } from '../../src/answer/read';
import { loadPaperIndex, type PaperIndex } from '../../src/search';
import { expectFaithful } from '../helpers/expectFaithful';
import { sampleIndex } from '../helpers/sampleIndex';

const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'papers', 'people');
const sample = sampleIndex();
const fixture = loadPaperIndex(FIXTURE).index;
const read = (index: PaperIndex, text: string, asOf: string) => readQuestion(text, asOf, panelMeetings(index));

describe('sameSubject', () => {
  it('matches titles that share most words, whatever the plural or the year', () => {
    expect(sameSubject('School Exclusion and Suspensions', 'School Exclusion and Suspension')).toBe(true);
    expect(sameSubject('Fostering Sufficiency', 'Fostering Sufficiency Update')).toBe(true);
    expect(sameSubject('Fostering Sufficiency', 'Fostering Recruitment')).toBe(false);
  });
});

describe('linkItem', () => {
  it('links a minute item to its agenda item, report, presenter, resolutions, actions and return', () => {
    const minute = sample.corpus.minutes.flatMap((m) => m.items).find((i) => i.meetingDate === '2023-03-15' && i.number === '11')!;
    const linked = linkItem(sample, minute);
    expect(linked.presenter).toMatchObject({ name: 'Brenda Wile' });
    expect(linked.resolutions.length).toBeGreaterThan(0);
    expect(linked.actions.find((a) => a.who === 'The Inclusion and Attendance Service Manager')?.holder?.name).toBe('Jameel Mullan');
    expect(linked.comesBack[0]).toMatchObject({ kind: 'work_programme', date: '2024-01-31' });
  });

  it('links an agenda item to its report cover', () => {
    const agenda = sample.corpus.agendaItems.find((i) => i.meetingDate === '2023-07-27' && i.number === '8')!;
    expect(linkItem(sample, agenda)).toMatchObject({ report: { title: 'Principal Social Worker Annual Report 2022-2023' }, presenter: { name: 'Jennifer Rogers' } });
  });
});

describe('answerAgreedActions', () => {
  it.each([
    ['what actions were agreed on exclusions', 'Jameel Mullan'],
    ['actions agreed on the social work health check?', 'Jennifer Rogers'],
    ['wat was agreed on young opportunities', 'Alice Vickers'],
  ])('"%s" quotes the actions and names who they fall to (%s)', (question, name) => {
    const answer = answerAgreedActions(sample, read(sample, question, '2023-04-01'))!;
    expect(answer.text).toContain(name);
    expect(answer.text).toMatch(/agreed to|offered to/u);
    expectFaithful(sample, answer);
  });

  it('gives null when the minutes record no action on the item', () => {
    expect(answerAgreedActions(sample, read(sample, 'what actions were agreed on the spotlight review safeguarding', '2021-02-01'))).toBeNull();
  });
});

describe('answerComingBack', () => {
  it('gives the later work programme date and what the minutes agreed', () => {
    const answer = answerComingBack(sample, read(sample, 'when is school exclusions coming back', '2023-04-01'))!;
    expect(answer.text).toContain('31 January 2024');
    expect(answer.text).toContain('agreed to present the findings to a future meeting');
    expectFaithful(sample, answer);
  });

  it('finds the later agenda item on the same subject', () => {
    const answer = answerComingBack(fixture, read(fixture, 'when is fostering sufficiency coming back', '2023-09-01'))!;
    expect(answer.text).toContain('14 September 2023');
    expect(answer.citations[0]!.quote).toContain('Fostering Sufficiency Update');
    expectFaithful(fixture, answer);
  });
});

describe('linkMeeting', () => {
  it('links a meeting to its minutes, their chair and attendance', () => {
    const linked = linkMeeting(sample, sample.corpus.meetings.find((m) => m.date === '2023-03-15')!);
    expect(linked.minutes?.meetingDate).toBe('2023-03-15');
    expect(linked.attendance?.employees.map((e) => e.name)).toContain('Jennifer Rogers');
    expect(linked.attendance?.source).not.toBeNull();
  });

  it('links a meeting to the later decision approving its minutes, by the date the decision names', () => {
    const linked = linkMeeting(sample, sample.corpus.meetings.find((m) => m.date === '2023-01-11')!);
    expect(linked.approval).toMatchObject({ meetingDate: '2023-03-15', text: 'That the minutes of the meeting held on 11 January 2023 be approved as a correct record.' });
  });

  it('has no approval where no later minutes are in the papers', () => {
    expect(linkMeeting(sample, sample.corpus.meetings.find((m) => m.date === '2023-07-27')!).approval).toBeNull();
  });
});

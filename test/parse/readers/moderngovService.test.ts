import { join } from 'node:path';
import { readPaperFile } from '../../../src/ingest';
import { parsePaperFile, parsePapers } from '../../../src/parse';
import { councilDocuments, describeCouncil } from './readerFixtures';

jest.setTimeout(30_000);

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'moderngov');

function read(name: string): ReturnType<typeof parsePaperFile> {
  const result = readPaperFile(join(FIXTURES, name), name);
  if (!result.document) throw new Error(result.issue.message);
  return parsePaperFile(result.document);
}

describe('ModernGov web-service XML (invented council)', () => {
  it('renders each field on its own "name: value" line, so a citation quotes the field', () => {
    const result = readPaperFile(join(FIXTURES, 'GetMeeting-with-minutes.xml'), 'GetMeeting-with-minutes.xml');
    expect(result.document?.lines.slice(0, 3)).toEqual(['meeting:', '  meetingid: 20417', '  meetingdate: 03/03/2026']);
    expect(result.document?.lines).toContain('      attendee[@name]: Councillor Petra Quill');
  });

  it('reads GetCommittees as committees', () => {
    const parsed = read('GetCommittees.xml');
    expect(parsed.layout).toBe('moderngov_web_service');
    expect(parsed.committees.map((c) => c.name)).toContain('Ashvale and North Ashvale Neighbourhood Committee');
  });

  it('reads GetMeetings as a calendar with each meeting\'s status', () => {
    const parsed = read('GetMeetings-711.xml');
    expect(parsed.meetings.map((m) => [m.date, m.status, m.time])).toEqual([
      ['2026-06-15', 'scheduled', '19:30'],
      ['2026-01-15', 'scheduled', '19:30'],
      ['2025-12-04', 'cancelled', '19:30'],
      ['2024-09-05', 'scheduled', '19:30'],
    ]);
  });

  it('reads GetMeeting: venue, attendees with their roles, agenda items, minutes and the earlier meeting it approves', () => {
    const parsed = read('GetMeeting-with-minutes.xml');
    const meeting = parsed.meetings.find((m) => m.date === '2026-03-03')!;
    expect(meeting).toMatchObject({ committee: 'Ashvale Licensing Committee', venue: 'Committee Room 2, Ashvale Guildhall', time: '6.30 pm', chair: 'Councillor Petra Quill' });
    // The meeting's own fields, not its agenda: lines 1 to 7.
    expect(meeting.records[0]?.source).toMatchObject({ lineStart: 1, lineEnd: 7 });
    expect(parsed.committees[0]?.members).toEqual([
      { name: 'Councillor Petra Quill', role: 'Chair' },
      { name: 'Councillor Omar Fenwick', role: 'Committee Member' },
      { name: 'Councillor Lena Brook', role: 'Committee Member' },
    ]);
    // Who attended and who sent apologies, by each attendee's attendance.
    expect(parsed.minutes[0]?.members).toEqual(['Councillor Petra Quill', 'Councillor Omar Fenwick']);
    expect(parsed.minutes[0]?.apologies).toMatchObject({ text: 'attendee[@name]: Councillor Lena Brook', source: { lineStart: 32, lineEnd: 35 } });
    expect(parsed.agendaItems.map((i) => [i.number, i.title])).toEqual([['2', 'Minutes'], ['3', 'Taxi Fares Review']]);
    const minutes = parsed.minutes[0]!;
    expect(minutes.items.map((i) => i.number)).toEqual(['12', '13']);
    // A decision, quoted as the service gives it; a discussion is not a decision.
    expect(minutes.items[0]?.resolutions[0]?.text).toBe('RESOLVED that the minutes of the meeting held on 14 January 2026 be approved as a correct record.');
    expect(minutes.items[1]?.resolutions).toEqual([]);
    expect(parsed.meetings.find((m) => m.date === '2026-01-14')).toMatchObject({ status: 'held', committee: 'Ashvale Licensing Committee' });
  });

  it('gives a meeting that names no committee the one committee the other files give that date', () => {
    const docs = ['GetMeetings-711.xml', 'GetMeeting-10161.xml'].map((n) => readPaperFile(join(FIXTURES, n), n).document!);
    const named = { ...docs[0]!, lines: docs[0]!.lines, markup: docs[0]!.markup!.replace('<meetings>', '<committee><committeetitle>Ashvale Planning Committee</committeetitle><meetings>').replace('</meetings>', '</meetings></committee>') };
    const corpus = parsePapers([named, docs[1]!]);
    expect(corpus.meetings.filter((m) => m.date === '2025-12-04').map((m) => [m.committee, m.status])).toEqual([['Ashvale Planning Committee', 'cancelled']]);
  });
});

describeCouncil('manchester', (dir) => {
  let corpus: ReturnType<typeof parsePapers>;
  beforeAll(async () => {
    corpus = parsePapers(await councilDocuments(dir));
  });

  it('reads every web-service file', () => {
    expect(corpus.files.map((f) => f.layout)).toEqual(Array(corpus.files.length).fill('moderngov_web_service'));
  });

  it('has the calendar: the earlier meeting approved, the cancelled one, the confirmed one', () => {
    expect(corpus.meetings.map((m) => [m.committee, m.date, m.status, m.time])).toEqual([
      ['Audit Committee', '2025-11-25', 'held', null],
      ['Audit Committee', '2026-01-13', 'cancelled', '10.00 am'],
      ['Audit Committee', '2026-02-10', 'scheduled', '10.00 am'],
    ]);
    expect(corpus.meetings[2]?.venue).toBe('Council Antechamber, Level 2, Town Hall Extension');
  });

  it('reads the attendee with the role the service gives', () => {
    const audit = corpus.committees.find((c) => c.name === 'Audit Committee')!;
    expect(audit.members).toContainEqual({ name: 'Councillor Basil Curley', role: 'Committee Member' });
    expect(audit.chair).toBeNull();
  });
});

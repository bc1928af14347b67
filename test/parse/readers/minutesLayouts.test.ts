import { join } from 'node:path';
import { readPaperFile } from '../../../src/ingest';
import { parsePaperFile } from '../../../src/parse';
import { datesAfter } from '../../../src/parse/dates';
import { sentencesIn } from '../../../src/parse/recordedVotes';

/** An invented council's paper of one layout (test/fixtures/layouts), read as the ingest stage reads it. */
function parsed(name: string): ReturnType<typeof parsePaperFile> {
  const result = readPaperFile(join(__dirname, '..', '..', 'fixtures', 'layouts', name), name);
  if (!result.document) throw new Error(result.issue.message);
  return parsePaperFile(result.document);
}

describe('ModernGov printed minutes: "MINUTES of a meeting of the Cabinet held in ... on Thursday, 30 January 2025"', () => {
  const file = parsed('minutes-moderngov-cabinet.txt');
  const minutes = file.minutes[0]!;

  it('names the committee cleanly, cut where the heading says where it met', () => {
    expect(file.layout).toBe('printed_minutes');
    expect(file.meetings.map((m) => [m.committee, m.date, m.status])).toEqual([['Cabinet', '2025-01-30', 'held']]);
  });

  it('reads "PRESENT:" with Chairman and Vice-Chairman marks, and who else attended, but not the section heading after them', () => {
    expect(minutes.members).toEqual(['Mr A Brightwell', 'Mrs P Quill', 'Mr O Fenwick', 'Ms R Dacre']);
    expect([minutes.chair, minutes.viceChair]).toEqual(['Mr A Brightwell', 'Mrs P Quill']);
    expect(minutes.inAttendance).toEqual(['Mr L Orme', 'Mrs H Lowe (Chief Executive)', 'Mr D Pryce (Director of Highways)']);
  });

  it('reads apologies and declarations items', () => {
    expect(minutes.apologies?.text).toBe('Apologies for absence were received from Mr T Harrow.');
    expect(minutes.declarations?.text).toBe('There were no declarations of interest.');
  });

  it('reads "RESOLVED that", "It was RESOLVED that:" with lettered points, and "DECISION:"', () => {
    const decided = minutes.items.map((i) => [i.number, i.resolutions.map((r) => r.points)]);
    expect(decided).toEqual([
      ['1', []],
      ['2', []],
      ['3', [['RESOLVED that the minutes of the meeting held on 5 December 2024 are correctly recorded and that they be signed by the Chairman.']]],
      ['4', [['the draft budget be recommended to County Council; and', 'the Director of Finance be asked to report on reserves in March.']]],
      ['5', [['DECISION: the revised gritting routes in Appendix A be adopted.']]],
    ]);
  });
});

describe('ModernGov printed minutes: committee above "Minutes of the meeting held on ...", items numbered through the year', () => {
  const file = parsed('minutes-moderngov-pack.txt');
  const minutes = file.minutes[0]!;

  it('takes the committee printed above the heading, not the page furniture', () => {
    expect(file.meetings.map((m) => [m.committee, m.date, m.time])).toEqual([['Licensing Sub-Committee', '2025-03-04', '2.00 pm']]);
  });

  it('reads a list that runs onto the next line, officers with their roles, and "Apologies:" before the first item', () => {
    expect(minutes.members).toEqual(['Ada Marsh', 'Ben Tolley', 'Cora Vint']);
    expect(minutes.employees).toEqual([{ name: 'Fay Lund', role: 'Licensing Manager' }]);
    expect(minutes.apologies?.text).toBe('Apologies: Councillor Dev Rao');
  });

  it('starts at a standing item numbered 12, and reads "RESOLVED -" and "AGREED that"', () => {
    expect(minutes.items.map((i) => i.number)).toEqual(['12', '13']);
    expect(minutes.items[1]?.resolutions.map((r) => r.text)).toEqual([
      'RESOLVED - That the licence be granted subject to the conditions in Appendix B.',
      'AGREED that the applicant be thanked for attending.',
    ]);
  });
});

describe('parish council minutes: "196/25" items, "Proposed by ... seconded by", "Resolved:", "Date of next meeting"', () => {
  const file = parsed('minutes-parish-numbered.txt');
  const minutes = file.minutes[0]!;

  it('takes the council named above a heading that names none', () => {
    expect(minutes.committee).toBe('Thornbury Green Parish Council');
  });

  it('reads "Present:" and the clerk', () => {
    expect(minutes.members).toEqual(['Rowan Vane', 'Tess Hale', 'Malik Oduya']);
    expect(minutes.chair).toBe('Rowan Vane');
    expect(minutes.employees).toEqual([{ name: 'Jane Pettifer', role: null }]);
  });

  it('numbers items as the council does, and reads their decisions once each', () => {
    expect(minutes.items.map((i) => i.number)).toEqual(['196/25', '197/25', '198/25', '199/25', '200/25']);
    expect(minutes.apologies?.text).toBe('Apologies were received from Cllr Ivo Dunne.');
    expect(minutes.items[2]?.resolutions.map((r) => r.text)).toEqual([
      'The minutes of the meeting held on 8 December 2025 were approved as a true record. Proposed by Cllr Vane,\nseconded by Cllr Hale.',
    ]);
    expect(minutes.items[3]?.resolutions.map((r) => r.text)).toEqual(['Resolved: to accept the quote of £1,200 from Greenway Play.']);
  });

  it('puts the date of the next meeting in the calendar as a scheduled meeting', () => {
    expect(file.meetings.map((m) => [m.date, m.status, m.time])).toEqual([['2026-01-12', 'held', '7.30pm'], ['2026-02-09', 'scheduled', '7.30pm']]);
  });
});

describe('minutes as a Markdown post with front matter', () => {
  const file = parsed('minutes-markdown-post.md');
  const minutes = file.minutes[0]!;

  it('dates the meeting from the front matter and records it by the title line, never a fence', () => {
    expect(file.meetings[0]).toMatchObject({ date: '2026-02-03', status: 'held', committee: 'Fernhill Community Council' });
    expect(file.meetings[0]?.records[0]?.source).toMatchObject({ lineStart: 2, lineEnd: 2 });
    expect(file.papers[0]?.source.lineStart).toBe(6);
  });

  it('reads the headed attendance and apologies lists, with the chair marked after a dash', () => {
    expect(minutes.members).toEqual(['Orla Brennan', 'Pat Quigley', 'Sam Tierney']);
    expect(minutes.chair).toBe('Orla Brennan');
    expect(minutes.apologies?.text).toBe('- Nuala Byrne\n- Cllr Ed Fallon');
  });

  it('reads headings as items and "It was agreed that ..." as the decision, from where the sentence starts', () => {
    expect(minutes.items.map((i) => i.title)).toEqual(['Apologies for Absence', 'Village Hall Roof', 'Next Meeting']);
    expect(minutes.items[1]?.resolutions.map((r) => r.text)).toEqual(['It was agreed that the Treasurer would accept the lower quote of £3,400.']);
  });

  it('schedules the next meeting', () => {
    expect(file.meetings[1]).toMatchObject({ date: '2026-03-03', status: 'scheduled', time: '7.00 pm' });
  });
});

describe('a Markdown post that reads as minutes, though its title does not say so', () => {
  const file = parsed('minutes-post-untitled.md');
  const minutes = file.minutes[0]!;

  it('is read as minutes, dated from the front matter\'s date and time', () => {
    expect(file.layout).toBe('printed_minutes');
    expect(file.meetings[0]).toMatchObject({ date: '2026-03-09', status: 'held' });
  });

  it('reads bold labels, and items under the post\'s title heading', () => {
    expect(minutes.members).toEqual(['Una Hart', 'Lev Moss']);
    expect(minutes.apologies?.text).toBe('**Apologies:** Cllr Ria Penn');
    expect(minutes.items.map((i) => [i.title, i.resolutions.map((r) => r.text)])).toEqual([['Bus shelter', ['It was agreed to repaint the bus shelter in April.']]]);
  });
});

describe('a Markdown post headed by its council, whose text names another council more often', () => {
  const file = parsed('minutes-post-council-head.md');

  it('is the minutes of the council printed at its head, not of the one it writes to', () => {
    expect(file.meetings[0]).toMatchObject({ committee: 'Ashgrove Community Council', date: '2026-05-04', status: 'held' });
  });

  it('reads where and when it met from the line below the dateline, and records the meeting by those lines', () => {
    expect(file.meetings[0]).toMatchObject({ venue: 'the Pavilion', time: '7 p.m.' });
    expect(file.meetings[0]?.records[0]?.source).toMatchObject({ lineStart: 11, lineEnd: 13 });
  });
});

describe('minutes whose first item is the attendance business', () => {
  it('reads "Attending:" and "Apologies:" inside "1. **Attendance and Apologies**", and items titled in bold', () => {
    const file = parsed('minutes-post-attendance-item.md');
    // Dated by its title: the post's own date (9 April) is when it was published.
    expect(file.meetings[0]).toMatchObject({ committee: 'Ashgrove Community Council', date: '2026-04-06', status: 'held', time: '7pm', venue: 'the Mill Hub, 4 Mill Road, Ashgrove' });
    const minutes = file.minutes[0]!;
    expect(minutes.members).toEqual(['Tam Reid', 'Ailsa Craw', 'Rab Muir (Secretary)']);
    expect([minutes.chair, minutes.viceChair]).toEqual(['Tam Reid', 'Ailsa Craw']);
    expect(minutes.apologies?.text).toBe('Apologies: Cllr Iona Bain, Jo Lees');
    expect(minutes.items.map((i) => i.title)).toEqual(['Attendance and Apologies', 'Approval of Minutes', 'Bins']);
  });

  it('takes an "In Attendance:" list with no "Present:" over it as who attended, and "Apologies Received:"', () => {
    const file = parsed('minutes-in-attendance-only.md');
    const minutes = file.minutes[0]!;
    expect(minutes.members).toEqual(['Tam Reid', 'Ailsa Craw', 'Rab Muir']);
    expect(minutes.chair).toBe('Tam Reid');
    expect(minutes.inAttendance).toEqual([]);
    expect(minutes.apologies?.text).toBe('**Apologies Received**: Jo Lees');
  });
});

describe('an agenda and summons published on its own', () => {
  const file = parsed('agenda-parish-summons.txt');

  it('reads the meeting: council, date, time and venue from the heading', () => {
    expect(file.layout).toBe('agenda_front_sheet');
    expect(file.meetings[0]).toMatchObject({ committee: 'Thornbury Green Parish Council', date: '2026-02-09', time: '7.30 pm', venue: 'the Pavilion', status: 'scheduled' });
    expect(file.meetings[0]?.records[0]?.evidence).toBe('front_sheet');
  });

  it('reads the numbered items and the dates of the next meetings, the year taken from the meeting', () => {
    expect(file.agendaItems.map((i) => i.number)).toEqual(['1', '2', '3', '4']);
    expect(file.meetings.slice(1).map((m) => [m.date, m.status])).toEqual([['2026-03-09', 'scheduled'], ['2026-04-13', 'scheduled']]);
  });
});

describe('a ModernGov "Summons to and AGENDA" front sheet', () => {
  const file = parsed('agenda-summons-moderngov.txt');

  it('reads the committee (not the page furniture above it), date, time and venue', () => {
    expect(file.layout).toBe('agenda_front_sheet');
    expect(file.meetings.map((m) => [m.committee, m.date, m.time, m.venue])).toEqual([['Cabinet', '2025-01-30', '10.00 am', 'the Council Chamber, Wexbury Hall, Ashvale']]);
  });

  it('reads items numbered "1." with their pack pages', () => {
    expect(file.agendaItems.map((i) => [i.number, i.title, i.pages])).toEqual([
      ['1', 'Introduction', null],
      ['2', 'Apologies and Substitutes', null],
      ['3', 'Declarations of Interest', null],
      ['4', 'Draft Budget 2025/26', [5, 40]],
    ]);
  });
});

describe('printed minutes bound into an agenda pack', () => {
  const file = parsed('agenda-pack-printed-minutes.txt');

  it('reads the front sheet\'s meeting and the bound minutes\' meeting', () => {
    expect(file.layout).toBe('agenda_pack');
    expect(file.meetings.map((m) => [m.committee, m.date, m.status])).toEqual([['Planning Committee', '2026-02-03', 'scheduled'], ['Planning Committee', '2026-01-06', 'held']]);
    // The membership marks the chair after the name: "Councillors Ann Lee (Chair), ...".
    expect(file.meetings[0]?.chair).toBe('Ann Lee');
  });

  it('reads the bound minutes as printed minutes, at their own lines', () => {
    const minutes = file.minutes[0]!;
    expect(minutes.members).toEqual(['Ann Lee', 'Bo Moss', 'Cy Nye']);
    expect(minutes.apologies?.text).toBe('Apologies were received from Councillor Di Ore.');
    expect(minutes.items[1]?.resolutions[0]).toMatchObject({ text: 'RESOLVED that the application be refused for the reasons in the report.', source: { lineStart: 35, lineEnd: 35 } });
  });
});

describe('a report\'s cover of labelled fields ("From:", "To:", "Subject:", "Decision no:")', () => {
  const file = parsed('report-cover-moderngov.txt');

  it('reads title, committee and meeting date, author and recommendations', () => {
    expect(file.layout).toBe('report');
    expect(file.reports[0]).toMatchObject({
      title: 'Winter Gritting Routes',
      committee: 'Cabinet',
      meetingDate: '2025-01-30',
      accountableEmployee: 'Ada Marsh, Cabinet Member for Highways Dev Rao, Director of Highways',
      recommendations: ['The Cabinet is asked to adopt the revised gritting routes in Appendix A.'],
    });
  });
});

describe('numbered items in other forms', () => {
  const doc = (lines: string[]): ReturnType<typeof parsePaperFile> => parsePaperFile({ file: 'x.txt', lines, pages: null, contentHash: 'x' });

  it.each([
    ['Item 1 Apologies', 'Item 2 Allotments', ['1', '2']],
    ['1) Apologies', '2) Allotments', ['1', '2']],
    ['01.26.01\tApologies', '01.26.02\tAllotments', ['01.26.01', '01.26.02']],
    ['PC45 Apologies', 'PC46 Allotments', ['PC45', 'PC46']],
  ])('"%s" then "%s"', (first, second, numbers) => {
    const file = doc(['Minutes of the Meeting of Oakridge Town Council held on 5 January 2026', '', 'Present: Cllr Ann Lyle (Chair), Cllr Bo Park', '', first, 'None.', '', second, 'It was agreed to renew the lease.']);
    expect(file.minutes[0]?.items.map((i) => i.number)).toEqual(numbers);
    expect(file.minutes[0]?.committee).toBe('Oakridge Town Council');
    expect(file.minutes[0]?.items[1]?.resolutions[0]?.text).toBe('It was agreed to renew the lease.');
  });
});

describe('attendance and decisions in other words', () => {
  it('reads "Councillors A, B and C." after a semicolon, and "The Committee resolved" and "Resolved –" as decisions', () => {
    const lines = ['Minutes of the Planning Committee held on 5 January 2026', '', 'PRESENT: Councillor Ann Lee (Chair); Councillors Bo Moss, Cy Nye and Di Ore.', '', '1 Apologies for Absence', 'None.', '', '2 Application 25/0001', 'The Committee resolved to approve the application.', '', '3 Other', 'Resolved – that the report be noted.'];
    const minutes = parsePaperFile({ file: 'x.txt', lines, pages: null, contentHash: 'x' }).minutes[0]!;
    expect(minutes.members).toEqual(['Ann Lee', 'Bo Moss', 'Cy Nye', 'Di Ore']);
    expect(minutes.items.map((i) => i.resolutions.map((r) => r.text))).toEqual([[], ['The Committee resolved to approve the application.'], ['Resolved – that the report be noted.']]);
  });
});

describe('a chair named by initials', () => {
  it('is the member whose initials they are ("_TS chaired meeting_")', () => {
    const lines = ['Minutes of the Meeting of Oakridge Town Council held on 5 January 2026', '', 'Present:', '', '- Tom Sayer', '- Una Hart', '', '_TS chaired meeting_', '', '1 Apologies', 'None.'];
    expect(parsePaperFile({ file: 'x.md', lines, pages: null, contentHash: 'x' }).minutes[0]?.chair).toBe('Tom Sayer');
  });
});

describe('sentencesIn', () => {
  it('joins a sentence a blank line cut, but not two paragraphs', () => {
    const lines = ['The minutes were', '', 'checked and agreed.', '', 'Next item.'];
    expect(sentencesIn(lines, 0, lines.length - 1, new Set()).map((s) => [s.text, s.first, s.last])).toEqual([
      ['The minutes were checked and agreed.', 0, 2],
      ['Next item.', 4, 4],
    ]);
  });
});

describe('datesAfter', () => {
  it('gives a date without its year the first year it falls after the meeting, and never the meeting itself', () => {
    expect(datesAfter('26 March, 30 April, 24 Sept and 12 January 2027', '2026-03-26')).toEqual(['2027-01-12', '2026-04-30', '2026-09-24']);
    expect(datesAfter('15 February', '2026-11-26')).toEqual(['2027-02-15']);
  });
});

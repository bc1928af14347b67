import { join } from 'node:path';
import { readPaperFolder, type SourceDocument } from '../../src/ingest';
import { parsePaperFile, parsePapers } from '../../src/parse';

/** A small paper written inline: each test names the mangled shape it exercises. */
function doc(text: string, file = 'fixture.txt'): SourceDocument {
  return { file, lines: text.split('\n'), pages: null, contentHash: 'x' };
}

const FRONT_SHEET = `Children and Young People Scrutiny Panel

4 October 2023

Time 6.00 pm **Public Meeting?** YES
Venue Committee Room 3

Membership

Chair Cllr Ann Example (Lab)
Vice-chair Cllr Bob Sample (Con)

Labour

Cllr Carol One

Quorum for this meeting is four Voting Members.

Agenda

Item No. *Title*

MEETING BUSINESS ITEMS

- 1 **Apologies**
- 2 **Minutes of the previous meeting (13.1.21)** (Pages 3 - 8)
[To approve the minutes of the previous meeting as a correct record]
- 3 **A Strategy** (Pages 9 - 20)
[Dee Person, Head of Things, to present report]`;

describe('front sheet and agenda', () => {
  const parsed = parsePaperFile(doc(FRONT_SHEET));

  it('reads the meeting and its officers', () => {
    expect(parsed.meetings[0]).toMatchObject({ date: '2023-10-04', time: '6.00 pm', venue: 'Committee Room 3', chair: 'Ann Example', viceChair: 'Bob Sample', status: 'scheduled', hasPapers: true });
    expect(parsed.meetings[0]?.members).toEqual([{ party: 'Labour', members: ['Carol One'] }]);
  });

  it('reads items with pages, presenters, sections, and dates written "13.1.21"', () => {
    expect(parsed.agendaItems.map((i) => [i.number, i.title, i.pages, i.section])).toEqual([
      ['1', 'Apologies', null, 'MEETING BUSINESS ITEMS'],
      ['2', 'Minutes of the previous meeting (13.1.21)', [3, 8], 'MEETING BUSINESS ITEMS'],
      ['3', 'A Strategy', [9, 20], 'MEETING BUSINESS ITEMS'],
    ]);
    expect(parsed.agendaItems[2]?.presenter).toBe('Dee Person, Head of Things');
    expect(parsed.meetings.find((m) => m.date === '2021-01-13')?.records[0]?.evidence).toBe('agenda_reference');
  });
});

describe('minutes', () => {
  it('reads a heading mangled into one line, an item number alone on its line, and a block split by a page footer', () => {
    const parsed = parsePaperFile(
      doc(`CITY OF WOLVERHAMPTON COUNCIL

Children, Young People and Families Scrutiny Panedenda Item No: 5 Minutes - 5 January 2021

Attendance

Members of the Children, Young People and Families Scrutiny Panel

Cllr Rita Potter (Chair) Cllr Clare Simm Cllr Sohail Khan (Vice-Chair)

3 Apologies

Councillor Beverley Momenabadi declared a non-pecuniary interest in Agenda 5 as a Governor.

4 **Declarations of interest**

There were no declarations of interest recorded.

5

The Vision for School Organisation

The panel discussed the report.

Resolved:

- 1. The panel agreed that the minutes of the panel meeting be

Page 12

submitted to Cabinet for their consideration.
- 2. The panel agreed to receive a report to a meeting September 2021.`),
    );
    const minutes = parsed.minutes[0]!;
    expect(minutes.meetingDate).toBe('2021-01-05');
    expect(minutes.chair).toBe('Rita Potter');
    expect(minutes.viceChair).toBe('Sohail Khan');
    expect(minutes.items.map((i) => `${i.number} ${i.title}`)).toEqual(['3 Apologies', '4 Declarations of interest', '5 The Vision for School Organisation']);
    // A declaration minuted under "Apologies" is still a declaration.
    expect(minutes.declarations?.text).toContain('declared a non-pecuniary interest');
    const r = minutes.items[2]!.resolutions[0]!;
    expect(r.points).toEqual([
      'The panel agreed that the minutes of the panel meeting be submitted to Cabinet for their consideration.',
      'The panel agreed to receive a report to a meeting September 2021.',
    ]);
    expect(r.text).not.toContain('Page 12');
  });

  it('reads a title and an unlabelled decision on one line', () => {
    const parsed = parsePaperFile(
      doc(`Minutes - 13 January 2021

Attendance

5 **Minutes of the previous meeting (11 November 2020)** That the minutes of the meeting held on 11 November 2020 be approved as a correct record.

6 **Matters arising**

There were no matters arising from the minutes.`),
    );
    const item = parsed.minutes[0]!.items[0]!;
    expect(item.title).toBe('Minutes of the previous meeting (11 November 2020)');
    expect(item.resolutions).toEqual([
      expect.objectContaining({ labelled: false, text: 'That the minutes of the meeting held on 11 November 2020 be approved as a correct record.' }),
    ]);
    expect(parsed.meetings.map((m) => [m.date, m.records[0]?.evidence])).toContainEqual(['2020-11-11', 'minutes_approval']);
  });

  it('dates minutes that lost their heading from the agenda item that lists them (minutes_date_inferred)', () => {
    const parsed = parsePaperFile(doc(`${FRONT_SHEET}\n\nAttendance\n\nMembers of the Children and Young People Scrutiny Panel\n\nCllr Ann Example (Chair)\n\n1 **Apologies**\n\nThere were no apologies.`));
    expect(parsed.minutes[0]?.meetingDate).toBe('2021-01-13');
    expect(parsed.issues.map((i) => i.code)).toEqual(['minutes_date_inferred']);
  });

  it('reports minutes with no readable date and no agenda to date them (minutes_without_date)', () => {
    const parsed = parsePaperFile(doc('Some paper\n\nAttendance\n\n1 **Apologies**\n\nNone.'));
    expect(parsed.minutes).toEqual([]);
    expect(parsed.issues).toEqual([expect.objectContaining({ code: 'minutes_without_date', file: 'fixture.txt', line: 3 })]);
  });
});

describe('work programme', () => {
  it('reads a tab-separated table whose rows wrap, and "October 8 2021" dates', () => {
    const parsed = parsePaperFile(
      doc(`Scrutiny Work Programme

Item\tDescription\tSEB Lead\tOfficer Report/Author Lead\tDate of Meeting\tPublication Date\tStatus
SEND Written Statement of Action\tA verbal update\tEmma Bennett\tBrenda Wile\t4 October 2023\t26 September 2023\tProgrammed

meeting - update\t\t\t\t\t\t
Site visit\tPanel member visit\t\t\tOctober 8 2021\t\t

Future Work Programme

- Youth Justice Plan`),
    );
    expect(parsed.workProgramme.map((r) => [r.item, r.meetingDate, r.status])).toEqual([
      ['SEND Written Statement of Action meeting - update', '2023-10-04', 'Programmed'],
      ['Site visit', '2021-10-08', null],
      ['Youth Justice Plan', null, null],
    ]);
  });
});

describe('problems are data, never crashes', () => {
  it('reports a paper the parser cannot handle (parser_failure) and keeps the others', () => {
    const broken = { file: 'broken.txt', lines: null, pages: null, contentHash: 'x' } as unknown as SourceDocument;
    const corpus = parsePapers([broken, doc(FRONT_SHEET, 'good.txt')]);
    expect(corpus.issues).toEqual([expect.objectContaining({ code: 'parser_failure', file: 'broken.txt' })]);
    expect(corpus.meetings.map((m) => m.date)).toContain('2023-10-04');
  });

  it('reports a front sheet that names no committee (unknown_committee)', () => {
    const parsed = parsePaperFile(doc(FRONT_SHEET.replace('Children and Young People Scrutiny Panel', 'COUNCIL')));
    expect(parsed.issues.map((i) => i.code)).toContain('unknown_committee');
  });

  it('reads a folder: unreadable, undecodable, empty and unsupported files are reported by name and skipped', () => {
    const folder = readPaperFolder(join(__dirname, '..', 'fixtures', 'papers', 'mixed'));
    expect(folder.documents.map((d) => d.file)).toEqual(['good.txt']);
    expect(folder.issues.map((i) => [i.file, i.code]).sort()).toEqual([
      ['broken-link.txt', 'refused_file'], // a link, dangling or not, is refused unread
      ['empty.txt', 'empty_file'],
      ['minutes.docx', 'unsupported_file'],
      ['utf16.txt', 'undecodable_file'],
    ]);
    expect(folder.issues.find((i) => i.file === 'utf16.txt')?.message).toBe('ingest: utf16.txt is not UTF-8 text; skipped');
  });
});

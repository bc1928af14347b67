import { join } from 'node:path';
import { readPaperFolder } from '../../src/ingest';
import { parsePapers } from '../../src/parse';

const corpus = parsePapers(readPaperFolder(join(__dirname, '..', '..', 'data', 'papers')).documents);
const file = (name: string) => corpus.files.find((f) => f.file.startsWith(name))!;
const linesOf = (name: string) => corpus.documents.find((d) => d.file.startsWith(name))!.lines;

describe('the 15 March 2023 minutes in the 27 July 2023 pack', () => {
  const minutes = corpus.minutes.find((m) => m.meetingDate === '2023-03-15')!;
  const resolutions = minutes.items.flatMap((i) => i.resolutions);

  it('finds every minute item, including one whose number sits alone on its line', () => {
    expect(minutes.items.map((i) => `${i.number} ${i.title}`)).toEqual([
      '1 Welcome and Introductions',
      '2 Meeting procedures to be followed',
      '3 Apologies',
      '4 Declarations of interest',
      '5 Minutes of the meeting held on 11 January 2023',
      '6 Minutes of the meeting held on 6 February 2023',
      '7 Cross Party Scrutiny Review Group - Draft Mins 13.12.22',
      '8 Family Hubs and Start for Life Offer Programme',
      "9 2022 Children's Social Work and Workforce Health Check",
      '10 Young Opportunities (YO!)',
      '11 School Exclusion and Suspensions',
    ]);
  });

  it('reads the three unlabelled approvals verbatim', () => {
    expect(resolutions.filter((r) => !r.labelled).map((r) => r.text)).toEqual([
      'That the minutes of the meeting held on 11 January 2023 be approved as a correct record.',
      'That the minutes of the meeting held on 8 February 2023 be approved as a correct record.',
      'That the minutes of the meeting held on 13 December 2022 be approved as a correct record.',
    ]);
  });

  it('reads the four labelled resolution blocks verbatim, with their points and spans', () => {
    const labelled = resolutions.filter((r) => r.labelled);
    expect(labelled.map((r) => r.itemNumber)).toEqual(['8', '9', '10', '11']);
    expect(labelled[1]!.points).toEqual([
      "The panel comments on the findings of the Children and Young People's Service social work and wider workforce health check 2022 to be noted.",
      'The panel support the proposed actions to improve social work practice as detailed in the report.',
      'The Principal Social Worker agreed to include the suggested changes by the panel in the next report.',
    ]);
    expect(labelled[3]!.text.split('\n')[0]).toBe(
      '1. The panel comments on the presentation to be noted and an update provided on specific suggestions of changes to the content to a future meeting.',
    );
    expect(labelled[3]!.points).toHaveLength(3);
    expect(labelled[3]!.points[2]).toBe(
      "The Deputy Director of Education to share a final draft of the City of Wolverhampton's Inclusion Framework and the Quality Assurance Framework for Alternative Provision with the panel when available.",
    );
    // Every block's text is the cited lines, verbatim.
    const lines = linesOf('000');
    for (const r of labelled) {
      const cited = lines.slice(r.source.lineStart - 1, r.source.lineEnd).map((l) => l.trim()).filter(Boolean);
      expect(r.text.split('\n')).toEqual(cited);
    }
    expect(labelled[3]!.source).toMatchObject({ file: '000_73aa9faf505450da.txt', lineStart: 498, lineEnd: 500 });
  });

  it('reads attendance, apologies and declarations', () => {
    expect(minutes.members).toContain('Adam Collinge');
    expect(minutes.viceChair).toBe('Adam Collinge');
    expect(minutes.employees).toContainEqual({ name: 'Brenda Wile', role: 'Deputy Director of Education' });
    expect(minutes.apologies?.text).toContain('Cllr Lynne Moran');
    expect(minutes.apologies?.text).toContain('Emma Bennett, Executive Director of Families');
    expect(minutes.declarations?.text).toBe('There were no declarations of interest recorded.');
  });
});

describe('front sheets', () => {
  const sheet = (date: string) => corpus.meetings.find((m) => m.date === date)!;

  it.each([
    ['2023-07-27', 'Qaiser Azeem', 'Stephanie Haynes', '6.00 pm', 'Committee Room 3 - 3rd Floor - Civic Centre'],
    ['2022-02-02', 'Rita Potter', 'Adam Collinge', '6.00 pm', 'Council Chamber'],
    // 002's front sheet is flattened onto one line, with the vice-chair cell before its label.
    ['2021-03-10', 'Rita Potter', 'Sohail Khan', '6.00 pm', 'Microsoft Teams Meeting'],
  ])('%s: chair %s, vice-chair %s, %s, %s', (date, chair, vice, time, venue) => {
    expect(sheet(date)).toMatchObject({ chair, viceChair: vice, time, venue, hasPapers: true });
    expect(sheet(date).canonicalCommittee).toBe('Children and Young People Scrutiny Panel');
  });

  it('reads members by party, quorum and the scrutiny contact', () => {
    const m = sheet('2023-07-27');
    expect(m.members).toEqual([
      { party: 'Labour', members: ['Paul Sweet', 'Lovinyer Daley', 'Dr Michael Hardacre', 'Carol Hyatt', 'Jenny Cockayne', 'Jane Francis', 'Sally Green', 'Jeszemma Howl', 'Lamina Lloyd'] },
      { party: 'Conservative', members: ['Christopher Haynes'] },
    ]);
    expect(m.quorum).toBe('Quorum for this meeting is four Voting Members.');
    expect(m.contact).toEqual({ name: 'Earl Piggott-Smith', phone: '01902 551251', email: 'earl.piggott-smith@wolverhampton.gov.uk' });
  });
});

describe('meetings dated in each file', () => {
  const dates = (name: string) => [...new Set(file(name).meetings.map((m) => m.date))].sort();

  it('000: the front sheet, the minuted meeting, approved minutes and the work programme dates', () => {
    expect(dates('000')).toEqual(['2022-12-13', '2023-01-11', '2023-02-08', '2023-03-15', '2023-07-27', '2023-10-04', '2023-11-22', '2024-01-31', '2024-03-13']);
  });
  it('002: the 10 March 2021 front sheet, two sets of minutes and an approval', () => {
    expect(dates('002')).toEqual(['2020-11-11', '2021-01-05', '2021-01-13', '2021-03-10']);
  });
  it('004: including "14.9.21", "October 8 2021" and minutes that lost their heading', () => {
    expect(dates('004')).toEqual(['2021-07-14', '2021-09-14', '2021-10-08', '2021-10-13', '2022-01-06', '2022-02-02', '2022-03-24']);
    expect(file('004').issues.map((i) => i.code)).toEqual(['minutes_date_inferred']);
  });
  it('001 and 003 (a service plan and a slide deck) record no meetings', () => {
    expect(dates('001')).toEqual([]);
    expect(file('001').papers[0]).toMatchObject({ kind: 'plan', title: 'Children and Young People Service Plan 2017/2018' });
    expect(file('003').papers[0]?.kind).toBe('presentation');
  });
  it('says where the papers disagree about a meeting (an item titled 6 February approving 8 February)', () => {
    const feb = corpus.meetings.find((m) => m.date === '2023-02-08')!;
    expect(feb.conflicts).toEqual([
      'Minute 6 of 15 March 2023 is titled "Minutes of the meeting held on 6 February 2023" but approves the minutes of the meeting held on 8 February 2023.',
    ]);
    expect(file('000').issues.map((i) => [i.code, i.line])).toEqual([['conflicting_dates', 152]]);
  });

  it('knows every committee that meets, though no page describes it', () => {
    expect(corpus.committees.map((c) => c.canonical).sort()).toEqual(['Children and Young People Scrutiny Panel', 'Cross Party Scrutiny Review Group']);
    expect(corpus.committees.every((c) => c.members.length === 0 && c.chair === null)).toBe(true);
  });

  it('marks meetings known only from a work programme as scheduled', () => {
    expect(corpus.meetings.find((m) => m.date === '2023-10-04')?.status).toBe('scheduled');
  });
});

describe('work programmes', () => {
  it("reads the 18 dated rows of the 2023-24 programme, then its undated future list", () => {
    const rows = file('000').workProgramme;
    const dated = rows.filter((r) => r.meetingDate);
    expect(dated).toHaveLength(18);
    expect(dated.map((r) => r.meetingDate)).toEqual([
      ...Array(3).fill('2023-07-27'), ...Array(6).fill('2023-10-04'), ...Array(4).fill('2023-11-22'), ...Array(2).fill('2024-01-31'), ...Array(3).fill('2024-03-13'),
    ]);
    // A title that wrapped onto a second row is joined back together.
    expect(dated[3]).toMatchObject({ item: 'SEND Written Statement of Action - DFE/NHS monitoring meeting - update', author: 'Brenda Wile', status: 'Programmed', publicationDate: '26 September 2023' });
    expect(dated[6]?.status).toBeNull();
    expect(dated[8]?.status).toBe('Provisional');
    expect(rows.filter((r) => !r.meetingDate).map((r) => r.item)[0]).toBe('Wolverhampton’s Youth Justice Plan 2023-2024');
    // An undated entry that names a month keeps it as written, never as a day.
    expect(rows.find((r) => r.item.startsWith('Pupil Premium Briefing Paper'))?.meetingDateText).toBe('September 2023');
  });

  it('splits a row that lists several items, one author each', () => {
    const march = file('004').workProgramme.filter((r) => r.meetingDate === '2022-03-24' && r.source.lineStart === 2892);
    expect(march.map((r) => [r.item, r.author])).toEqual([
      ['Evaluation of MASH 24', 'Alison Hinds'],
      ['Supporting our vulnerable adolescents at risk of exploitation – including an update on Power2 Team', 'Alison Hinds'],
      ['Report on the work of the Exploitation HUB', 'Rachel King'],
      ['Social Work Health Check', 'Jennifer Rogers'],
    ]);
  });
});

describe('agenda items and reports', () => {
  it('reads numbers, titles, pages, presenters and sections', () => {
    const items = corpus.agendaItems.filter((i) => i.meetingDate === '2023-07-27');
    expect(items.find((i) => i.number === '6')).toMatchObject({
      title: 'Education, Skills and Employment Strategy',
      pages: [21, 50],
      presenter: 'Laura Collings, Head of Policy & Strategy',
      section: 'PRE-DECISION SCRUTINY',
    });
    expect(items.find((i) => i.number === '6')?.note).toContain('not be available for Call-in');
  });

  it('gives an item whose number conversion lost the number between its neighbours', () => {
    const items = corpus.agendaItems.filter((i) => i.meetingDate === '2021-03-10');
    expect(items.find((i) => i.number === '9')?.title).toContain('Spotlight Review Supporting the Health and Wellbeing');
  });

  it('reads agenda items from a markdown table', () => {
    const items = corpus.agendaItems.filter((i) => i.meetingDate === '2022-02-02');
    expect(items.find((i) => i.number === '8')).toMatchObject({ title: 'Virtual School Head Annual Report 2021', pages: [63, 82] });
  });

  it("reads a report's cover table", () => {
    const report = corpus.reports.find((r) => r.title === 'Virtual School Head Annual Report 2021' && r.source.lineStart === 1430)!;
    expect(report).toMatchObject({
      meetingDate: '2022-02-02',
      cabinetMember: 'Councillor Beverley Momenabadi Children and Young People',
      originatingService: 'Inclusion and Attendance',
    });
    expect(report.accountableEmployee).toContain('Darren Martindale Service Manager');
    expect(report.sections.map((s) => s.number).slice(0, 2)).toEqual(['1.0', '2.0']);
  });
});

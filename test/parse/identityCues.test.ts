import { htmlToLines, type SourceDocument, renderXml } from '../../src/ingest';
const xmlLines = (xml: string): readonly string[] => renderXml(xml).lines;
import type { FileIdentity } from '../../src/model';
import { parsePapers } from '../../src/parse';
import { cleanCommitteeName } from '../../src/parse/identity';

/** A paper as ingest gives it; every council, committee and place here is invented. */
function doc(file: string, lines: readonly string[], markup?: string): SourceDocument {
  return { file, lines, pages: null, contentHash: file, ...(markup ? { markup } : {}) };
}

function identities(...docs: SourceDocument[]): Map<string, FileIdentity> {
  return new Map(parsePapers(docs).files.map((f) => [f.file, f.identity]));
}

function identityOf(d: SourceDocument): FileIdentity {
  return identities(d).get(d.file)!;
}

const body = ['', 'The Chair welcomed everyone.', '', '1. Apologies', 'There were none.'];

describe('clean committee names', () => {
  it.each([
    ['Cabinet held in the Council Chamber, Riverside House, County Hall, Eastbridge on Thursday', 'Cabinet'],
    ['the Audit Committee', 'Audit Committee'],
    ['Children, Young People and Families Scrutiny Panel', 'Children, Young People and Families Scrutiny Panel'],
    ['meeting of the Eastfield Parish Council', 'Eastfield Parish Council'],
    ['THE ANNUAL MEETING OF EASTFIELD PARISH COUNCIL HELD IN THE VILLAGE HALL', 'Eastfield Parish Council'],
    ['Parks and Leisure Policy Committee meeting on 12 September 2024', 'Parks and Leisure Policy Committee'],
    ['Planning Committee, 4 March 2025 at 7pm', 'Planning Committee'],
    ['General Meeting 2nd of February 2026', 'General Meeting'],
    ['Northby Community Council Minutes', 'Northby Community Council'],
    ['Northshire Combined Authority Audit Committee', 'Audit Committee'],
    ['Eastfield Borough Council Licensing Sub-Committee', 'Licensing Sub-Committee'],
    ['Northshire Combined Authority Committee', 'Northshire Combined Authority Committee'],
    ['Joint meeting - Northshire Combined Authority Committee and Northshire Joint Committee', 'Joint meeting - Northshire Combined Authority Committee and Northshire Joint Committee'],
  ])('"%s" is "%s"', (raw, clean) => {
    expect(cleanCommitteeName(raw)).toBe(clean);
  });

  it.each(['the previous meeting', 'TS chaired meeting', 'a Meeting held on Thursday', 'Members of the Public', 'Westfield Road'])('"%s" names no committee', (raw) => {
    expect(cleanCommitteeName(raw)).toBeNull();
  });
});

describe('the document heading (the most trusted cue)', () => {
  it('reads printed minutes: "MINUTES of a meeting of the Cabinet held in ... on Thursday, 30 January 2025"', () => {
    const id = identityOf(doc('a.pdf', ['MINUTES of a meeting of the Cabinet held in the Council Chamber, Riverside House, Eastbridge on Thursday, 30 January 2025.', ...body]));
    expect(id).toMatchObject({ committee: 'Cabinet', meetingDates: ['2025-01-30'], kind: 'minutes' });
    expect(id.evidence.find((e) => e.field === 'committee')).toMatchObject({ cue: 'heading', line: 1 });
  });

  it('reads a heading over several lines, under the council name', () => {
    const id = identityOf(doc('b.pdf', ['Westport City Council', '', 'Minutes of the Parks and Leisure', '', 'Policy Committee', '', '12 September 2024 at 5.00 pm', ...body]));
    expect(id).toMatchObject({ committee: 'Parks and Leisure Policy Committee', meetingDates: ['2024-09-12'], kind: 'minutes', council: 'Westport City Council' });
  });

  it('reads parish minutes in capitals, the date lines below', () => {
    const id = identityOf(doc('c.pdf', ['P a g e | 1', 'MINUTES OF THE MEETING OF EASTFIELD PARISH COUNCIL', 'HELD IN THE VILLAGE HALL', 'ON 25th September 2025', ...body]));
    expect(id).toMatchObject({ committee: 'Eastfield Parish Council', meetingDates: ['2025-09-25'], kind: 'minutes' });
  });

  it('takes the body named above "Minutes of a Meeting held on ..."', () => {
    const id = identityOf(doc('d.pdf', ['Northby Community Council', '', 'Minutes of a Meeting held on Thursday 3 June 2021 via Zoom', ...body]));
    expect(id).toMatchObject({ committee: 'Northby Community Council', meetingDates: ['2021-06-03'], kind: 'minutes' });
  });

  it('reads a summons front sheet', () => {
    const id = identityOf(doc('e.pdf', ['Summons to and', 'AGENDA', 'for a meeting of the', 'Cabinet', 'to be held on', 'Thursday, 6 March 2025', 'at 10.00 am', ...body]));
    expect(id).toMatchObject({ committee: 'Cabinet', meetingDates: ['2025-03-06'], kind: 'agenda_frontsheet' });
  });

  it('reads a notice of meeting: the title line above the dateline', () => {
    const id = identityOf(doc('f.pdf', ['Notice of Meeting', 'Audit Committee', 'Tuesday, 4 March 2025 at 10.00 am', 'Venue: Committee Room 1', ...body]));
    expect(id).toMatchObject({ committee: 'Audit Committee', meetingDates: ['2025-03-04'], kind: 'agenda_frontsheet' });
  });

  it('reads a front sheet whose dateline is a labelled field', () => {
    const id = identityOf(doc('g.pdf', ['Cabinet', 'Date: Thursday, 30th January, 2025', 'Time: 10.00 am', 'Venue: Council Chamber', ...body]));
    expect(id).toMatchObject({ committee: 'Cabinet', meetingDates: ['2025-01-30'] });
  });

  it('reads a decision notice', () => {
    const id = identityOf(doc('h.pdf', ['Decision Recording Form', '', 'Decision determined at Parks and Leisure Policy Committee', '', 'meeting on 12 September 2024', ...body]));
    expect(id).toMatchObject({ committee: 'Parks and Leisure Policy Committee', meetingDates: ['2024-09-12'], kind: 'decisions' });
  });

  it('does not take a publication date for a meeting date', () => {
    const id = identityOf(doc('i.pdf', ['Forward plan', 'DECISIONS TO BE TAKEN', 'AT PARKS COMMITTEE', 'This update published 20 January 2026', ...body]));
    expect(id).toMatchObject({ committee: 'Parks Committee', meetingDates: [], kind: 'forward_plan' });
  });
});

describe('a report cover\'s labelled fields', () => {
  it('reads COMMITTEE and DATE, and "Committee Report" is the kind, not the committee', () => {
    const id = identityOf(doc('r.pdf', ['Committee Report', '', 'PURPOSE: For information', '', 'COMMITTEE: Parks Committee', '', 'DATE: 15 May 2025', '', 'TITLE: Tree planting', ...body]));
    expect(id).toMatchObject({ committee: 'Parks Committee', meetingDates: ['2025-05-15'], kind: 'report' });
    expect(id.evidence.find((e) => e.field === 'committee')).toMatchObject({ cue: 'front_page', line: 5 });
  });
});

describe('Markdown front matter', () => {
  const post = doc('p.md', ['---', 'title: Minutes for meeting held Tuesday 2 September 2025', 'type: minutes', 'date: 2025-09-02', '---', '', '_Held in the Village Hall at 7:00pm._', '## Present', '- A Member']);

  it('gives the date and kind; a post that names no body has no committee of its own', () => {
    expect(identityOf(post)).toMatchObject({ committee: null, meetingDates: ['2025-09-02'], kind: 'minutes' });
  });

  it('takes the committee of the folder when the folder is of one body', () => {
    const pdf = doc('q.pdf', ['Northby Community Council', '', 'Minutes of a Meeting held on Tuesday 6 July 2021', ...body]);
    expect(identities(post, pdf).get('p.md')).toMatchObject({ committee: 'Northby Community Council', meetingDates: ['2025-09-02'], council: 'Northby Community Council' });
  });

  it('keeps both dates where the heading and the front matter disagree, and the heading wins', () => {
    const id = identityOf(doc('s.md', ['---', 'title: Summer meeting', 'date: 2025-09-01', '---', '', '# MINUTES OF THE MEETING OF NORTHBY COMMUNITY COUNCIL', '', 'MONDAY 7 JULY 2025', ...body]));
    expect(id.committee).toBe('Northby Community Council');
    expect(id.meetingDates).toStrictEqual(['2025-07-07', '2025-09-01']);
    expect(id.disagreements).toStrictEqual([expect.objectContaining({ field: 'meetingDate', kept: '2025-07-07', other: '2025-09-01' })]);
    expect(id.disagreements[0]!.why).toMatch(/heading .* trusted over the front matter/u);
  });
});

describe('file names (the weakest cue)', () => {
  const plain = ['Some discussion took place about the library.', 'Nothing was decided.'];

  it.each([
    ['Printed minutes 30th-Jan-2025 10.00 Cabinet.pdf', 'Cabinet', '2025-01-30', 'minutes'],
    ['Agenda frontsheet 04th-Mar-2025 10.00 Audit Committee.pdf', 'Audit Committee', '2025-03-04', 'agenda_frontsheet'],
    ['Agenda reports pack 04th-Mar-2025 10.00 Audit Committee.pdf', 'Audit Committee', '2025-03-04', 'agenda_pack'],
    ['Decisions 12th-Feb-2025 14.00 Parks Committee.pdf', 'Parks Committee', '2025-02-12', 'decisions'],
    ['audit-committee-2025-03-04-agenda-frontsheet.pdf', 'Audit Committee', '2025-03-04', 'agenda_frontsheet'],
  ])('reads "%s"', (file, committee, date, kind) => {
    const id = identityOf(doc(file, plain));
    expect(id).toMatchObject({ committee, meetingDates: [date], kind });
    expect(id.evidence.filter((e) => e.field !== 'council').every((e) => e.cue === 'file_name')).toBe(true);
  });

  it('gives way to the heading, and says so', () => {
    const id = identityOf(doc('Printed minutes 30th-Jan-2025 10.00 Cabinet.pdf', ['MINUTES of a meeting of the Audit Committee held on Thursday, 30 January 2025', ...body]));
    expect(id.committee).toBe('Audit Committee');
    expect(id.disagreements).toStrictEqual([expect.objectContaining({ field: 'committee', kept: 'Audit Committee', other: 'Cabinet' })]);
  });

  it('leaves a file with no cue at all unidentified, and still parsed', () => {
    const corpus = parsePapers([doc('notes.txt', plain)]);
    expect(corpus.files[0]!.identity).toMatchObject({ committee: null, meetingDates: [], kind: 'other', council: null });
  });
});

describe('ModernGov markup and web-service data', () => {
  it('reads a meeting page title', () => {
    const markup = '<html><head><title>Agenda for Parks Committee on Tuesday 4 March 2025, 7:30 pm - Westport Council</title></head><body><p>Item 1</p></body></html>';
    const id = identityOf(doc('page.html', htmlToLines(markup), markup));
    expect(id).toMatchObject({ committee: 'Parks Committee', meetingDates: ['2025-03-04'], kind: 'meeting_page' });
  });

  it('gives a GetMeeting the committee its GetMeetings lists on that date', () => {
    // As ingest reads web-service answers: one element a line ("meetingdate: 10/02/2026").
    const getMeeting = doc('m.xml', xmlLines('<?xml version="1.0" encoding="utf-8"?>\n<meeting><meetingid>7</meetingid><meetingdate>10/02/2026</meetingdate></meeting>'));
    const getMeetings = doc(
      'ms.xml',
      xmlLines(
        '<?xml version="1.0"?><getmeetings><committee><committeetitle>Standards Committee</committeetitle><committeemeetings>' +
          '<meeting><meetingid>6</meetingid><meetingdate>13/01/2026</meetingdate></meeting><meeting><meetingid>7</meetingid><meetingdate>10/02/2026</meetingdate></meeting>' +
          '</committeemeetings></committee></getmeetings>',
      ),
    );
    const ids = identities(getMeeting, getMeetings);
    expect(ids.get('ms.xml')).toMatchObject({ committee: 'Standards Committee', meetingDates: ['2026-01-13', '2026-02-10'], kind: 'web_service_data' });
    expect(ids.get('m.xml')).toMatchObject({ committee: 'Standards Committee', meetingDates: ['2026-02-10'], kind: 'web_service_data' });
  });
});

describe('the folder\'s other files', () => {
  it('places a paper that names only a month in the folder\'s one meeting that month', () => {
    const minutes = doc('min.pdf', ['MINUTES OF THE MEETING OF EASTFIELD PARISH COUNCIL', 'ON 26th March 2026', ...body]);
    const other = doc('min2.pdf', ['MINUTES OF THE MEETING OF EASTFIELD PARISH COUNCIL', 'ON 30th April 2026', ...body]);
    const report = doc('rep.pdf', ['County Councillor’s Report', '', 'February/March 2026 – the budget', 'The county has set its budget.']);
    const id = identities(minutes, other, report).get('rep.pdf')!;
    expect(id).toMatchObject({ committee: 'Eastfield Parish Council', meetingDates: ['2026-03-26'], kind: 'report' });
    expect(id.evidence.find((e) => e.field === 'meetingDate' && e.cue === 'folder')?.text).toMatch(/one meeting in 2026-03/u);
  });

  it('gives one committee one name: the spelling its most trusted cue gave', () => {
    const minutes = doc('m.pdf', ['Minutes of the Parks & Leisure Policy Committee', '12 September 2024', ...body]);
    const report = doc('r.pdf', ['Committee Report', 'COMMITTEE: Parks and Leisure Committee', 'DATE: 12 September 2024', ...body]);
    const ids = identities(minutes, report);
    expect(ids.get('r.pdf')!.committee).toBe('Parks & Leisure Policy Committee');
  });
});

describe('the calendar, named as the files are identified', () => {
  it('names a meeting by its clean committee name, and an unnamed one by its file\'s committee', () => {
    const corpus = parsePapers([
      doc('cab.pdf', ['MINUTES of a meeting of the Cabinet held in the Council Chamber, Riverside House, Eastbridge on Thursday, 30 January 2025.', '', 'PRESENT: Mr A Leader (Chair)', '', '1. Apologies', 'There were none.']),
      doc('cc.pdf', ['Northby Community Council', '', 'Minutes of a Meeting held on Thursday 3 June 2021 via Zoom', '', 'Present: A Member, B Member', '', '1. Police report', 'The report was noted.']),
    ]);
    expect(corpus.meetings.map((m) => [m.date, m.canonicalCommittee])).toStrictEqual([
      ['2021-06-03', 'Northby Community Council'],
      ['2025-01-30', 'Cabinet'],
    ]);
  });
});

describe('more ways councils head their papers', () => {
  it.each([
    [['Notice of a public meeting of', 'Executive', 'To: Councillors A Smith (Chair), B Jones', 'Date: Thursday, 16 January 2025', 'Time: 5.30 pm'], 'Executive', '2025-01-16'],
    [['Audit and Governance Committee', 'Minutes of the meeting held on 12 March 2024 at 7.00 pm in the Town Hall'], 'Audit and Governance Committee', '2024-03-12'],
    [['PLANNING COMMITTEE', 'MINUTES', 'Date: 12 March 2024'], 'Planning Committee', '2024-03-12'],
    [['MINUTES OF THE ORDINARY MEETING OF EASTFIELD PARISH COUNCIL HELD ON MONDAY 3 MARCH 2025 AT 7PM'], 'Eastfield Parish Council', '2025-03-03'],
    [['Minutes of Eastfield Town Council Meeting held on 3 March 2025'], 'Eastfield Town Council', '2025-03-03'],
    [['Public Document Pack', 'Cabinet', 'Thursday, 30th January, 2025', '10.00 am', 'AGENDA'], 'Cabinet', '2025-01-30'],
    [['From: The Leader of the Council', 'To: Cabinet – 30 January 2025', 'Subject: Budget'], 'Cabinet', '2025-01-30'],
    [['NORTHBY COMMUNITY COUNCIL MINUTES', 'GENERAL MEETING', 'MONDAY 3rd OF NOVEMBER 2025 AT THE VILLAGE HALL'], 'General Meeting', '2025-11-03'],
    [['**Northby Community Council Minutes**', '**Monday 1st of December 2025 at 7pm**'], 'Northby Community Council', '2025-12-01'],
    [['**Northby Community Council**', '**Minutes for General Meeting 12th of January 2026**'], 'General Meeting', '2026-01-12'],
  ])('%j is %s on %s', (lines, committee, date) => {
    expect(identityOf(doc('x.pdf', [...lines, ...body]))).toMatchObject({ committee, meetingDates: [date] });
  });

  it('takes a dated title with no body named as the date, and leaves the committee to other cues', () => {
    expect(identityOf(doc('y.md', ['# MONDAY 7 JULY 2025', '', 'Present: A Member']))).toMatchObject({ committee: null, meetingDates: ['2025-07-07'] });
  });
});

describe('meetings the calendar knows from identities alone', () => {
  it('adds the meeting of a minutes post no reader recorded, and an agenda\'s meeting as called', () => {
    const pdf = doc('q.pdf', ['Northby Community Council', '', 'Minutes of a Meeting held on Tuesday 6 July 2021', ...body]);
    const post = doc('p.md', ['---', 'title: Minutes for meeting held Tuesday 2 September 2025', 'type: minutes', 'date: 2025-09-02', '---', '', '## Present', '- A Member']);
    const agenda = doc('a.pdf', ['Northby Community Council - Meeting of the Community Council', '7th October 2025 at 7.30pm in the Village Hall', '', 'Agenda & Summons to Councillors', '1 Apologies']);
    const corpus = parsePapers([pdf, post, agenda]);
    expect(corpus.meetings.map((m) => [m.date, m.canonicalCommittee, m.status])).toStrictEqual([
      ['2021-07-06', 'Northby Community Council', 'held'],
      ['2025-09-02', 'Northby Community Council', 'held'],
      ['2025-10-07', 'Northby Community Council', 'scheduled'],
    ]);
    // Cited at the post's title (its heading on the site), never at a front-matter delimiter or key.
    expect(corpus.meetings[1]!.records).toStrictEqual([expect.objectContaining({ evidence: 'minutes', source: expect.objectContaining({ file: 'p.md', lineStart: 2 }) })]);
  });

  it('cites where the text starts when only a front-matter date gave the meeting', () => {
    const pdf = doc('q.pdf', ['Northby Community Council', '', 'Minutes of a Meeting held on Tuesday 6 July 2021', ...body]);
    const post = doc('p.md', ['---', 'type: minutes', 'date: 2025-09-02', '---', '', 'Held in the Village Hall.', '## Present', '- A Member']);
    const meeting = parsePapers([pdf, post]).meetings.find((m) => m.date === '2025-09-02')!;
    expect(meeting.records[0]!.source).toMatchObject({ file: 'p.md', lineStart: 6, lineEnd: 6 });
  });
});

describe('a meeting named only by its kind', () => {
  it('is the folder council\'s meeting of that kind, and says nothing of the ordinary meeting that day', () => {
    const pdf = doc('q.pdf', ['Northby Community Council', '', 'Minutes of a Meeting held on Tuesday 6 July 2021', ...body]);
    const agm = doc('agm.md', ['---', 'title: Minutes for AGM held Tuesday 3rd March 2026', 'type: minutes', '---', '', 'Held in the Hall.']);
    const ordinary = doc('ord.md', ['---', 'title: Minutes for meeting held Tuesday 3 March 2026', 'type: minutes', '---', '', 'Held in the Hall.']);
    const ids = identities(pdf, agm, ordinary);
    expect(ids.get('agm.md')).toMatchObject({ committee: 'Northby Community Council AGM', meetingDates: ['2026-03-03'] });
    expect(ids.get('ord.md')).toMatchObject({ committee: 'Northby Community Council', meetingDates: ['2026-03-03'] });
  });
});

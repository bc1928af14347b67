import { join } from 'node:path';
import { cited, FIXTURES, KINGSTON, readEditedPage, readPage } from './readPage';

describe('ModernGov meeting page (real page: agenda, decisions and minutes)', () => {
  const { doc, parsed } = readPage(join(KINGSTON, 'kingston-2026-01-15-agenda-decisions-minutes.html'));
  const meeting = parsed.meetings.find((m) => m.date === '2026-01-15')!;
  const minutes = parsed.minutes[0]!;
  const item = (n: string) => minutes.items.find((i) => i.number === n)!;

  it('is read by the meeting page reader, without issues', () => {
    expect(parsed.layout).toBe('moderngov_meeting_page');
    expect(parsed.issues).toStrictEqual([]);
  });

  it('reads the meeting from the header line, with venue and contact', () => {
    expect(meeting).toMatchObject({
      committee: 'Kingston and North Kingston Neighbourhood Committee',
      time: '7:30 pm',
      venue: 'Guildhall, Kingston upon Thames',
      contact: { name: 'Alice Aubrey', phone: '07521058748', email: 'alice.aubrey@kingston.gov.uk' },
      status: 'held',
      hasPapers: true,
    });
    expect(meeting.records[0]?.evidence).toBe('meeting_page');
    // The record is the page's header block, as a front sheet is: the meeting line through venue and contact.
    const block = cited(doc, meeting.records[0]!.source).split('\n');
    expect(block[0]).toBe('Kingston and North Kingston Neighbourhood Committee - Thursday 15 January 2026 7:30 pm');
    expect(block).toContain('Venue: Guildhall, Kingston upon Thames. View directions');
    expect(block.at(-1)).toBe('Contact: Alice Aubrey Tel: 07521058748 / Email: alice.aubrey@kingston.gov.uk');
  });

  it('lists the twelve numbered items with their titles, file sizes left out', () => {
    expect(parsed.agendaItems.map((i) => i.number)).toStrictEqual(['54', '55', '56', '57', '58', '59', '60', '61', '62', '63', '64', '65']);
    expect(parsed.agendaItems[4]?.title).toBe('Minutes');
    expect(parsed.agendaItems[5]?.title).toBe('Petition Regarding the Introduction of Traffic Management Measures On Manorgate Road');
    expect(parsed.agendaItems[5]?.note).toBe('To address a petition received seeking a solution to congestion, conflict, speeding and through traffic on Manorgate Road.');
  });

  it("quotes item 59's decision verbatim, with its three numbered points", () => {
    const [r] = item('59').resolutions;
    expect(r?.labelled).toBe(true);
    expect(r?.text.split('\n')[0]).toBe('RESOLVED that:');
    expect(r?.points).toHaveLength(3);
    expect(r?.points[1]).toBe('a report be brought back to this Committee after 6 months from the implementation of the scheme outlining the outcome of the scheme and the impact on the surrounding roads;');
    expect(cited(doc, r!.source)).toBe(r!.text);
  });

  it('reads apologies and declarations from their standing items', () => {
    expect(minutes.apologies?.text).toBe('Apologies were received from Councillors Noel Hadjimichael, Patrick Hall and John Sweeney.');
    expect(minutes.declarations?.text).toMatch(/^Councillor Bass declared an interest/u);
    expect(cited(doc, minutes.apologies!.source)).toBe(minutes.apologies!.text);
  });

  it('takes the approval of the previous minutes as an unlabelled decision, and that meeting as held', () => {
    expect(item('58').resolutions.map((r) => [r.labelled, r.text])).toStrictEqual([
      [false, 'The minutes of the meeting held on 18 November 2025 were approved as a correct record.'],
    ]);
    expect(parsed.meetings.find((m) => m.date === '2025-11-18')).toMatchObject({ status: 'held', hasPapers: false });
  });

  it('reads recorded votes: the table rows and the seconded proposal', () => {
    expect(item('60').votes.map((v) => [v.motion, v.mover, v.seconder, v.outcome])).toStrictEqual([
      [null, 'the Chair', 'Councillor Sadr-Hashemi', 'CARRIED'],
      ['Deferral: Coombe Lane West Zebra Crossing', null, null, 'CARRIED'],
    ]);
    expect(item('63').votes.filter((v) => v.unanimous).map((v) => v.motion)).toStrictEqual([
      '1. the redistribution of any remaining Councillor Ward Funding (CWF) as of January 30th 2026 to the Neighbourhood Community Grants Programme be approved; and',
      '2. the application for £1,800 of Neighbourhood Community Grant funding by Barnfield Riding for the Disabled be approved.',
    ]);
    expect(item('63').votes.map((v) => v.text)).toContain('Councillors Davey, Chohan and Hamed were not present for these votes.');
    expect(item('61').votes).toStrictEqual([]);
  });

  it('keeps the recorded-vote table out of the minutes text', () => {
    expect(item('59').body).not.toMatch(/Recorded Vote/u);
    expect(item('59').body.split('\n').at(-1)).toMatch(/view the full minutes text for item 59\.$/u);
  });
});

describe('ModernGov meeting page (real page: cancelled meeting)', () => {
  const { parsed } = readPage(join(KINGSTON, 'kingston-2025-12-04-meeting-cancelled.html'));

  it('gives a cancelled meeting with no papers', () => {
    expect(parsed.meetings).toHaveLength(1);
    expect(parsed.meetings[0]).toMatchObject({ date: '2025-12-04', time: '7:30 pm', status: 'cancelled', hasPapers: false, venue: 'Guildhall, Kingston upon Thames' });
    expect(parsed.meetings[0]?.contact).toStrictEqual({ name: 'Alice Aubrey', phone: '07521058748', email: 'alice.aubrey@kingston.gov.uk' });
    expect(parsed.papers.map((p) => p.kind)).toStrictEqual(['meeting_notice']);
  });
});

describe('ModernGov meeting page (fixtures)', () => {
  it('reads minutes-only resolutions from "It was RESOLVED that:", and a vote with its counts', () => {
    const { doc, parsed } = readPage(join(FIXTURES, 'meeting-page.html'));
    const minutes = parsed.minutes[0]!;
    const bus = minutes.items.find((i) => i.number === '4')!;
    expect(bus.resolutions[0]?.points).toStrictEqual(['the Quayside bus lane be retained; and', 'a further review be brought to the Committee in March 2027.']);
    expect(cited(doc, bus.resolutions[0]!.source)).toBe(bus.resolutions[0]!.text);
    expect(bus.votes).toHaveLength(1);
    expect(bus.votes[0]).toMatchObject({ mover: 'Councillor Ravi Chandra', seconder: 'Councillor Ellen Marsh', for: 6, against: 2, abstain: 1, unanimous: false, outcome: 'CARRIED' });
    expect(minutes.items.find((i) => i.number === '3')?.resolutions[0]?.labelled).toBe(true);
    expect(minutes.apologies?.text).toBe('Apologies were received from Councillor Dana Wells.');
    expect(minutes.declarations?.text).toBe('There were no declarations of interest.');
    expect(parsed.meetings[0]).toMatchObject({ committee: 'Harbourside Scrutiny Committee', date: '2026-03-10', time: '6:00 pm', status: 'held', venue: 'Council Chamber, Town Hall, Harbourside' });
    expect(parsed.meetings[0]?.contact).toStrictEqual({ name: 'Sam Porter, Democratic Services', phone: '01632 960123', email: 'sam.porter@example.gov.uk' });
  });

  it('keeps a shortened minute\'s decision, less the "... view the full minutes text" link after it', () => {
    const { doc, parsed } = readEditedPage(
      'meeting-page.html',
      '<p>RESOLVED: That the minutes of the meeting held on 3 February 2026 be approved as a correct record.</p>',
      '<p>Resolved:</p><p>Committee:</p><p>Endorsed the amended terms of reference at Appendix 1 and noted &nbsp;...&nbsp; <a href="mgAi.aspx?ID=1">view the full minutes text for item 3.</a></p>',
    );
    const resolution = parsed.minutes[0]!.items.find((i) => i.number === '3')!.resolutions[0]!;
    expect(resolution.text).toMatch(/Endorsed the amended terms of reference at Appendix 1 and noted$/u);
    expect(cited(doc, resolution.source)).toContain('Endorsed the amended terms of reference at Appendix 1 and noted');
  });

  it('reads who attended, with the chair and vice-chair by their roles', () => {
    const { parsed } = readPage(join(FIXTURES, 'meeting-page.html'));
    expect(parsed.meetings[0]).toMatchObject({ chair: 'Ravi Chandra', viceChair: 'Ellen Marsh' });
    expect(parsed.minutes[0]).toMatchObject({ chair: 'Ravi Chandra', viceChair: 'Ellen Marsh', members: ['Ravi Chandra', 'Ellen Marsh', 'Lee Brook'] });
  });

  it('gives a postponed meeting from its header', () => {
    const { parsed } = readPage(join(FIXTURES, 'meeting-postponed.html'));
    expect(parsed.meetings.map((m) => [m.date, m.status, m.hasPapers])).toStrictEqual([['2026-04-22', 'postponed', false]]);
  });

  it('reports a meeting page without a date as a ParseIssue, not a crash', () => {
    const { parsed } = readPage(join(FIXTURES, 'meeting-undated.html'));
    expect(parsed.layout).toBe('moderngov_meeting_page');
    expect(parsed.meetings).toStrictEqual([]);
    expect(parsed.issues.map((i) => i.code)).toStrictEqual(['minutes_without_date']);
  });
});

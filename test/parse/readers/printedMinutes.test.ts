import { parsePaperFile } from '../../../src/parse';
import { BRISTOL_PAPERS, fixture, realDocuments } from './readerFixtures';

jest.setTimeout(60_000);

describe('printed minutes (real file: 19 March 2026)', () => {
  let parsed: ReturnType<typeof parsePaperFile>;
  beforeAll(async () => {
    const [doc] = await realDocuments(BRISTOL_PAPERS, '2026-03-19-minutes');
    parsed = parsePaperFile(doc!);
  });

  it('is read as printed minutes of a held meeting', () => {
    expect(parsed.layout).toBe('printed_minutes');
    expect(parsed.meetings[0]).toMatchObject({ date: '2026-03-19', status: 'held', hasPapers: true, time: '5.00 pm', chair: 'Ed Plowden' });
    expect(parsed.meetings[0]?.records[0]?.evidence).toBe('minutes');
    expect(parsed.meetings[0]?.committee).toBe('Transport & Connectivity Policy Committee');
  });

  it('reads the attendance', () => {
    const m = parsed.minutes[0]!;
    expect(m.chair).toBe('Ed Plowden');
    expect(m.viceChair).toBe('Graham Morris');
    expect(m.members).toHaveLength(9);
    expect(m.members).toContain('David Wilcox');
    expect(m.employees).toContainEqual({ name: 'Adam Crowther', role: 'Head of City Transport' });
    expect(m.apologies?.text).toBe('There were no apologies');
    expect(m.substitutes).toEqual([]);
    expect(m.declarations?.text).toBe('There were none.');
    // The attendance as printed, for a verbatim quote: "Members Present:-" to the last officer.
    expect(m.attendanceSource).toMatchObject({ lineStart: 9, lineEnd: 15, page: 1 });
  });

  it('numbers every minute item, two-digit ones without a tab too', () => {
    const items = parsed.minutes[0]!.items;
    expect(items.map((i) => i.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(items[7]?.title).toBe('20 mph Review');
    expect(items[9]?.title).toBe('Workplace Parking Levy Update report');
  });

  it('records the two votes on the 20 mph Review', () => {
    const votes = parsed.minutes[0]!.items[7]!.votes;
    expect(votes).toHaveLength(2);
    expect(votes[0]).toMatchObject({ motion: 'recommendation 2', mover: 'Plowden', seconder: 'Wilcox', outcome: 'CARRIED', unanimous: true });
    expect(votes[1]).toMatchObject({ motion: 'recommendation 3', outcome: 'FELL', for: 2, against: 7, unanimous: false });
    expect(votes[1]?.text).toContain('On being put to the vote, recommendation 3 FELL (2 voting for, 7 voting against)');
  });

  it('keeps the approved points verbatim, without the rejected recommendation or the page footer', () => {
    const [resolution] = parsed.minutes[0]!.items[7]!.resolutions;
    expect(resolution?.labelled).toBe(true);
    expect(resolution?.points).toEqual([
      'Noted the outcomes of the review of evidence and best practice and the technical road by-road assessment outlined in Appendix A.',
      'Approved launching a six-week public engagement on the outcomes of that technical assessment.',
    ]);
    expect(resolution?.text).toContain('It was APPROVED that;');
    expect(resolution?.text).not.toContain('Authorise the Executive Director');
    for (const item of parsed.minutes[0]!.items) for (const r of item.resolutions) expect(r.text).not.toContain('@');
  });

  it('keeps a noting as an unlabelled decision, whole paragraph', () => {
    const [noting] = parsed.minutes[0]!.items[6]!.resolutions;
    expect(noting?.labelled).toBe(false);
    expect(noting?.text).toMatch(/^The Committee for Transport and Connectivity noted the information provided/u);
    expect(noting?.text).toContain('for approval.');
  });
});

describe('printed minutes (real files: votes with counts, substitutes)', () => {
  it('reads amendments, counts and substitutes in the 12 September 2024 minutes', async () => {
    const [doc] = await realDocuments(BRISTOL_PAPERS, '2024-09-12-minutes');
    const m = parsePaperFile(doc!).minutes[0]!;
    expect(m.substitutes).toEqual(['Jos Clark']);
    const votes = m.items.flatMap((i) => i.votes);
    expect(votes).toContainEqual(expect.objectContaining({ motion: 'the amendment', mover: 'Wilcox', seconder: 'Bryher', outcome: 'CARRIED', for: 5, against: 1, abstain: 3 }));
    expect(votes).toContainEqual(expect.objectContaining({ outcome: 'WITHDRAWN', mover: 'Self' }));
    expect(votes).toContainEqual(expect.objectContaining({ outcome: 'CARRIED', for: 8, against: 1 }));
  });

  it('reads "5 voting FOR, 4 voting AGAINST" in the 23 October 2025 minutes', async () => {
    const [doc] = await realDocuments(BRISTOL_PAPERS, '2025-10-23-minutes');
    const m = parsePaperFile(doc!).minutes[0]!;
    expect(m.viceChair).toBeNull();
    expect(m.substitutes).toEqual(['Jonathan Hucker']);
    expect(m.items.flatMap((i) => i.votes).filter((v) => v.for === 5 && v.against === 4)).toHaveLength(3);
  });
});

describe('printed minutes (fixture)', () => {
  const parsed = parsePaperFile(fixture('printed-minutes.txt'));
  const m = parsed.minutes[0]!;

  it('reads heading, attendance and standing items', () => {
    expect(parsed.layout).toBe('printed_minutes');
    expect(m.committee).toBe('Parks & Open Spaces Policy Committee');
    expect(m.meetingDate).toBe('2026-06-04');
    expect(m.chair).toBe('Ann Example');
    expect(m.viceChair).toBe('Bob Sample');
    expect(m.members).toEqual(['Ann Example', 'Bob Sample', 'Carol One', 'Dan Two', 'Eve Three']);
    expect(m.employees).toEqual([{ name: 'Fay Officer', role: 'Head of Parks' }, { name: 'Gus Clerk', role: 'Committee Officer' }]);
    expect(m.substitutes).toEqual(['Eve Three']);
    expect(m.apologies?.text).toContain('Hal Four');
    expect(m.declarations?.text).toContain('trustee');
  });

  it('records the amendment and the substantive vote', () => {
    const votes = m.items[3]!.votes;
    expect(votes).toEqual([
      expect.objectContaining({ motion: 'the amendment', mover: 'Two', seconder: 'Three', outcome: 'LOST', for: 2, against: 3 }),
      expect.objectContaining({ motion: 'the recommendations', mover: 'Example', seconder: 'Sample', outcome: 'CARRIED', for: 4, abstain: 1 }),
    ]);
  });

  it('keeps the decision verbatim across a page footer, and leaves the rejected point out', () => {
    const [r] = m.items[3]!.resolutions;
    expect(r?.points).toEqual(['Approved the Tree Planting Strategy.', 'Authorised the Head of Parks to plant 500 trees in consultation with the Chair.']);
    expect(r?.text).not.toContain('committees@example.gov.uk');
    expect(r?.text).not.toContain('bowling green');
    expect(m.items[2]!.resolutions[0]).toMatchObject({ labelled: false, text: 'The minutes of the previous meeting were agreed as accurate.' });
    expect(m.items[4]!.resolutions[0]?.text).toBe('The Committee for Parks and Open Spaces noted the update report.');
  });

  it('makes a held meeting and a scheduled next meeting', () => {
    expect(parsed.meetings.map((x) => [x.date, x.status, x.records[0]?.evidence, x.time])).toEqual([
      ['2026-06-04', 'held', 'minutes', '6.30 pm'],
      ['2026-07-09', 'scheduled', 'next_meeting_note', '6.30 pm'],
    ]);
  });
});

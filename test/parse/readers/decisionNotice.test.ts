import { parsePaperFile } from '../../../src/parse';
import { BRISTOL_PAPERS, fixture, realDocuments } from './readerFixtures';

jest.setTimeout(60_000);

describe('decision notice (real file: 19 March 2026)', () => {
  it('reads a decision per subject with its agenda item number', async () => {
    const [doc] = await realDocuments(BRISTOL_PAPERS, '2026-03-19-decision-notice');
    const parsed = parsePaperFile(doc!);
    expect(parsed.layout).toBe('decision_notice');
    expect(parsed.meetings).toEqual([expect.objectContaining({ date: '2026-03-19', status: 'held', hasPapers: true, committee: 'Transport & Connectivity Policy Committee' })]);
    expect(parsed.meetings[0]?.records[0]?.evidence).toBe('decision_notice');
    const m = parsed.minutes[0]!;
    expect(m.record).toBe('decision_notice');
    expect(m.members).toHaveLength(9);
    expect(m.apologies).toBeNull();
    expect(m.items.map((i) => [i.number, i.title])).toEqual([
      ['7', 'Road Safety Task and Finish Group - closure report'],
      ['8', '20 mph Review'],
      ['9', 'Incentive Funding'],
      ['10', 'Workplace Parking Levy Update report'],
      ['11', 'Policy Committee Work Programme Setting - Outcome Report'],
    ]);
    const review = m.items[1]!.resolutions[0]!;
    expect(review.points).toEqual([
      'Noted the outcomes of the review of evidence and best practice and the technical road by-road assessment outlined in Appendix A.',
      'Approved (Unanimously) launching a six-week public engagement on the outcomes of that technical assessment.',
    ]);
    expect(review.text).toContain('Recommendations 3 was not approved (2 For, 7 Against with 0 Abstention.)');
    expect(review.text).not.toContain('@');
  });

  it('reads apologies and members with their group noted in the 12 September 2024 notice', async () => {
    const [doc] = await realDocuments(BRISTOL_PAPERS, '2024-09-12-decision-notice');
    const m = parsePaperFile(doc!).minutes[0]!;
    expect(m.apologies?.text).toBe('Councillor Nicholas Coombes');
    expect(m.members).toContain('Emma Edwards');
    expect(m.items[0]?.title).toBe('Opportunities to promote sustainable transport through a review of parking policies and charges');
  });
});

describe('decision notice (fixture)', () => {
  const parsed = parsePaperFile(fixture('decision-notice.txt'));
  it('reads the meeting, attendance and decisions', () => {
    expect(parsed.layout).toBe('decision_notice');
    expect(parsed.meetings[0]).toMatchObject({ committee: 'Parks and Open Spaces Committee', date: '2026-06-04', status: 'held' });
    const m = parsed.minutes[0]!;
    expect(m.members).toEqual(['Ann Example', 'Bob Sample']);
    expect(m.apologies?.text).toBe('Councillor Hal Four');
    expect(m.items.map((i) => i.number)).toEqual(['4', '5']);
    expect(m.items[0]?.resolutions[0]?.points).toEqual(['Approved the Tree Planting Strategy.', 'Authorised the Head of Parks to plant 500 trees.']);
    expect(m.items[1]?.resolutions[0]?.text).toBe('The Committee noted the update report.');
  });
});

import { parsePaperFile, parsePapers } from '../../../src/parse';
import { BRISTOL_PAPERS, fixture, realDocuments } from './readerFixtures';

jest.setTimeout(60_000);

describe('forward plan (real file: 18 February 2026)', () => {
  it('gives the committee meeting dates and the decisions due at each', async () => {
    const [doc] = await realDocuments(BRISTOL_PAPERS, '2026-02-18-forward-plan');
    const parsed = parsePaperFile(doc!);
    expect(parsed.layout).toBe('forward_plan');
    expect(parsed.meetings.map((m) => m.date)).toEqual(['2026-03-19', '2026-05-14', '2026-07-09', '2026-09-17', '2026-10-22']);
    expect(parsed.meetings.every((m) => m.status === 'scheduled' && m.records[0]?.evidence === 'forward_plan')).toBe(true);
    expect(parsed.workProgramme).toContainEqual(expect.objectContaining({ item: 'Annual Business report', meetingDate: '2026-05-14', lead: 'Ian Hird, Head of Democratic Engagement' }));
    expect(parsed.workProgramme).toContainEqual(expect.objectContaining({ item: 'Policy Committee Work Programme Setting - Outcome Report', meetingDate: '2026-03-19' }));
    expect(parsed.workProgramme).toContainEqual(expect.objectContaining({ item: 'Performance management report – Q3 2025/26', meetingDate: '2026-05-14' }));
    expect(parsed.workProgramme).toHaveLength(26);
    expect(parsed.workProgramme.find((r) => r.item === 'Incentive Funding')?.description).toMatch(/^To seek approval to accept and spend .* \(CRSTS\)\.$/u);
  });

  it('merges with the minutes and decision notice of one meeting though they spell the committee differently', async () => {
    const docs = await realDocuments(BRISTOL_PAPERS, '2026-0');
    const corpus = parsePapers(docs);
    const march = corpus.meetings.filter((m) => m.date === '2026-03-19');
    expect(march).toHaveLength(1);
    expect(march[0]?.status).toBe('held');
    expect(march[0]?.records.map((r) => r.evidence).sort()).toEqual(['decision_notice', 'forward_plan', 'forward_plan', 'minutes']);
  });
});

describe('forward plan (fixture)', () => {
  it('reads rows whose title, lead and committee run over two lines', () => {
    const parsed = parsePaperFile(fixture('forward-plan.txt'));
    expect(parsed.layout).toBe('forward_plan');
    expect(parsed.workProgramme.map((r) => [r.item, r.meetingDate, r.lead, r.description])).toEqual([
      ['Tree Planting Strategy', '2026-06-04', 'Fay Officer, Head of Parks', 'To seek approval of the strategy.'],
      ['Allotment Rents Review 2026', '2026-07-09', 'Gus Clerk, Committee Officer', 'To note the rents.'],
    ]);
    expect(parsed.meetings.map((m) => [m.committee, m.date])).toEqual([
      ['Parks & Open Spaces Policy Committee', '2026-06-04'],
      ['Parks & Open Spaces Policy Committee', '2026-07-09'],
    ]);
  });
});

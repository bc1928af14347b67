import { parsePaperFile } from '../../../src/parse';
import { BRISTOL_PAPERS, fixture, KINGSTON_PAPERS, realDocuments } from './readerFixtures';

jest.setTimeout(60_000);

describe('report covers (real files)', () => {
  it('reads a labelled cover: committee, date, title, officer, recommendations run over a heading', async () => {
    const [doc] = await realDocuments(BRISTOL_PAPERS, '2024-09-12-report');
    const parsed = parsePaperFile(doc!);
    expect(parsed.layout).toBe('report');
    expect(parsed.meetings).toEqual([]);
    expect(parsed.reports[0]).toMatchObject({
      title: 'Workplace Parking Levy',
      committee: 'Transport and Connectivity Committee',
      meetingDate: '2024-09-12',
      accountableEmployee: 'Adam Crowther, Head of City Transport',
      accountableDirector: 'John Smith: Executive Director for Growth & Regeneration',
    });
    expect(parsed.reports[0]?.recommendations).toHaveLength(4);
  });

  it('reads a "Report by" cover with its portfolio holder', async () => {
    const [doc] = await realDocuments(KINGSTON_PAPERS, 'manorgate');
    const report = parsePaperFile(doc!).reports[0]!;
    expect(report).toMatchObject({
      title: 'Petition Regarding the Introduction of Traffic Management Measures On Manorgate Road',
      committee: 'Kingston & North Kingston Neighbourhood Committee',
      meetingDate: '2026-01-15',
      cabinetMember: 'Councillor Nicola Nardelli, Portfolio Holder for Sustainable Transport and Waste and Recycling',
    });
    expect(report.accountableEmployee).toMatch(/^Matthew Hill, Director/u);
    expect(report.recommendations).toHaveLength(3);
    expect(report.sections.map((s) => s.title)).toContain('Key Points');
  });
});

describe('report covers (fixture)', () => {
  it('reads committee, date, title, author, portfolio holder and recommendations', () => {
    const parsed = parsePaperFile(fixture('report-cover.txt'));
    expect(parsed.layout).toBe('report');
    expect(parsed.reports[0]).toMatchObject({
      title: 'Petition about the Riverside Footpath',
      committee: 'Riverside Neighbourhood Committee',
      meetingDate: '2026-06-04',
      accountableEmployee: 'Ivy Writer, Director of Place',
      cabinetMember: 'Councillor Jo Member, Portfolio Holder for Parks and Leisure',
      recommendations: ['the footpath be resurfaced; and', 'a report be brought back in six months.'],
    });
  });
});

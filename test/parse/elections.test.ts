import type { SourceDocument } from '../../src/ingest';
import type { PersonRecord } from '../../src/model';
import { parsePaperFile } from '../../src/parse';
import { councilIndex, sampleIndex } from '../helpers/sampleIndex';
import { councilDocuments, sharedCouncil } from './readers/readerFixtures';

/** A document of invented lines, as the ingest stage gives them. */
function doc(file: string, lines: readonly string[]): SourceDocument {
  return { file, lines, pages: null, contentHash: file };
}

const elected = (d: SourceDocument): PersonRecord[] => (parsePaperFile(d).people ?? []).filter((p) => p.evidence === 'election');
const quoted = (d: SourceDocument, r: PersonRecord): string => d.lines.slice(r.source.lineStart - 1, r.source.lineEnd).join('\n');

describe('officers elected at a meeting, in each way minutes record it (invented papers)', () => {
  it('reads a proposed-and-seconded sentence, wrapped onto the next line, quoting it whole', () => {
    const d = doc('a.pdf', [
      'MINUTES OF THE ANNUAL MEETING OF EASTFIELD PARISH COUNCIL',
      'HELD IN THE VILLAGE HALL ON 2nd June 2025',
      '',
      '05.25.1.04\tTo elect a Chairman for the forthcoming year',
      'JB nominated and KL seconded that Mary Holt be elected Chair for the',
      'forthcoming year.',
      '',
      '05.25.1.05\tTo elect a Vice-Chairman for the forthcoming year',
      'KL proposed and MH seconded that Peter Quince is elected Vice Chair',
    ]);
    const found = elected(d);
    expect(found.map((r) => [r.role, r.name])).toEqual([['Chair', 'Mary Holt'], ['Vice Chair', 'Peter Quince']]);
    expect(quoted(d, found[0]!)).toBe('JB nominated and KL seconded that Mary Holt be elected Chair for the\nforthcoming year.');
    expect(found[0]!.meetingDate).toBe('2025-06-02');
  });

  it('reads a printed RESOLVED that a councillor be appointed, with the body named', () => {
    const d = doc('b.pdf', [
      'MINUTES of a meeting of the Audit Committee held on Tuesday, 3 June 2025',
      '',
      '1. Appointment of Chair',
      'RESOLVED that Councillor Ann Baxter be appointed Chair of the Audit Committee for the 2025/26 municipal year.',
    ]);
    expect(elected(d).map((r) => [r.role, r.name])).toEqual([['Chair of the Audit Committee', 'Ann Baxter']]);
  });

  it('reads office labels under an election heading, with the proposer on the next line or the same', () => {
    const d = doc('c.md', [
      '---',
      'date: 2025-03-04',
      '---',
      '## Election of Office Bearers',
      '',
      'Chair: Rhona Kerr  ',
      ' Proposed by Tam Muir; Seconded by Ellen Gray',
      '',
      '**Treasurer**: Ross Lyle nominated by Tam Muir and seconded Rhona Kerr',
    ]);
    const found = elected(d);
    expect(found.map((r) => [r.role, r.name])).toEqual([['Chair', 'Rhona Kerr'], ['Treasurer', 'Ross Lyle']]);
    expect(quoted(d, found[0]!)).toContain('Proposed by Tam Muir; Seconded by Ellen Gray');
  });

  it('takes no label as an election without a heading that says so, nor a passing mention', () => {
    const d = doc('d.pdf', [
      'Summons to and AGENDA for a meeting of the Cabinet to be held on Thursday, 6 March 2025',
      'Membership',
      'Chair: Councillor Ann Baxter',
      'Vice-Chair: Councillor Bill Hope',
      '',
      'The Chair, the newly elected Councillor Ann Baxter, welcomed everyone.',
      'It was noted that the Chair had been appointed by Council in May.',
    ]);
    expect(elected(d)).toEqual([]);
  });
});

describe('officers elected, on the shared councils\' real minutes', () => {
  const cases: [council: string, file: string, role: string, name: string, quote: string][] = [
    ['souldern', 'souldern-2026-06-01-annual-meeting-minutes', 'Chair', 'Nick Oakhill', 'HD nominated and AS seconded that Nick Oakhill be elected Chair'],
    ['govan', 'govan-2025-10-06-agm-and-general-meeting-minutes', 'Chair', 'Clare Dickson', 'Clare Dickson nominated by Esme Clark and seconded Reinhild Gorniak'],
    ['ayton', 'ayton-2026-03-03-community-council-agm-minutes', 'Vice Chair', 'Amanda Wright', 'Proposed by Alison Currie; Seconded by Alan McFadzean'],
  ];
  describe.each(cases)('%s', (council, file, role, name, quote) => {
    const dir = sharedCouncil(council);
    (dir ? it : it.skip)(`${file} elects its ${role}, ${name} (skipped when ../shared is absent)`, async () => {
      const [d] = await councilDocuments(dir!, file);
      const found = elected(d!).find((r) => r.role === role);
      expect(found?.name).toBe(name);
      expect(quoted(d!, found!)).toContain(quote);
    }, 60_000);
  });

  it('finds no election in minutes that hold none (Bristol, Kingston, the sample papers)', async () => {
    for (const index of [await councilIndex('bristol'), await councilIndex('kingston'), sampleIndex()]) {
      expect(index.corpus.files.flatMap((f) => f.people ?? []).filter((p) => p.evidence === 'election')).toEqual([]);
    }
  }, 120_000);
});

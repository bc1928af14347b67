import path from 'node:path';
import { buildPeopleDirectory, namesAndRoles } from '../../src/parse/people';
import { loadPaperIndex, type PaperIndex } from '../../src/search';
import { councilIndex, sampleIndex } from '../helpers/sampleIndex';

const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'papers', 'people');
const directoryOf = (index: PaperIndex) => buildPeopleDirectory(index.corpus, (file) => index.lines(file));
/** A record's cited lines, as the paper prints them. */
const cited = (index: PaperIndex, s: { file: string; lineStart: number; lineEnd: number }): string => (index.lines(s.file)?.slice(s.lineStart - 1, s.lineEnd) ?? []).join('\n');

describe('namesAndRoles', () => {
  it('reads "Name, Role", "Name: Role" and "Name – Role"', () => {
    expect(namesAndRoles('Adam Crowther, Head of City Transport')).toStrictEqual([{ name: 'Adam Crowther', role: 'Head of City Transport' }]);
    expect(namesAndRoles('John Smith: Executive Director for Growth & Regeneration')).toStrictEqual([{ name: 'John Smith', role: 'Executive Director for Growth & Regeneration' }]);
    expect(namesAndRoles('Emma Bennett – Executive Director Families')).toStrictEqual([{ name: 'Emma Bennett', role: 'Executive Director Families' }]);
  });

  it('splits a cell that names two people', () => {
    expect(namesAndRoles('Emma Bennett, Executive Director of Families Becky Wilkinson, Director of Adults')).toStrictEqual([
      { name: 'Emma Bennett', role: 'Executive Director of Families' },
      { name: 'Becky Wilkinson', role: 'Director of Adults' },
    ]);
  });

  it('drops phone numbers and email addresses from a cover cell', () => {
    expect(namesAndRoles('Laura Collings Tel Email Head of Policy and Strategy 01902550414 laura.collings@example.gov.uk')).toStrictEqual([{ name: 'Laura Collings', role: 'Head of Policy and Strategy' }]);
  });

  it('reads a cabinet member cell that gives only the portfolio', () => {
    expect(namesAndRoles('Councillor Chris Burden Children and Young People Councillor Jasbir Jaspal Adult Services', 'cabinet')).toStrictEqual([
      { name: 'Councillor Chris Burden', role: 'Cabinet Member for Children and Young People' },
      { name: 'Councillor Jasbir Jaspal', role: 'Cabinet Member for Adult Services' },
    ]);
  });

  it('finds no person in a role alone or a heading', () => {
    expect(namesAndRoles('Scrutiny Officer')).toStrictEqual([]);
    expect(namesAndRoles('The Chair, to welcome everyone')).toStrictEqual([]);
  });
});

describe('buildPeopleDirectory', () => {
  it('pairs names with roles from attendance lists, agenda brackets, minutes lines and report covers of the sample papers', () => {
    const index = sampleIndex();
    const { people } = directoryOf(index);
    const find = (name: string, evidence: string) => people.find((p) => p.name === name && p.evidence === evidence);
    expect(find('Jennifer Rogers', 'attendance')).toMatchObject({ role: 'Principal Social Worker', meetingDate: '2023-03-15' });
    expect(find('Jennifer Rogers', 'agenda_presenter')).toMatchObject({ role: 'Principal Social Worker', meetingDate: '2023-07-27', context: 'Principal Social Worker Annual Report 2022 - 2023' });
    expect(find('Bill Hague', 'minutes')).toMatchObject({ role: 'Head of School Business and Support', meetingDate: '2021-01-05' });
    expect(find('Becky Wilkinson', 'report_cover')).toMatchObject({ role: 'Director of Adults' });
    // A table converted as a column of names, then one of roles: the record spans the name to its role.
    const split = people.find((p) => p.name === 'Brenda Wile' && p.evidence === 'attendance' && p.meetingDate === '2022-01-06')!;
    expect(cited(index, split.source)).toMatch(/^Brenda Wile\n[\s\S]*Deputy Director of Education$/u);
    // Every record's lines hold the name as printed, so a citation of them quotes it.
    for (const p of people) expect(cited(index, p.source).replace(/\s+/gu, ' ')).toContain(p.name);
  });

  it('links each minuted item to the line saying who presented it', () => {
    const { presentations } = directoryOf(sampleIndex());
    expect(presentations.find((p) => p.meetingDate === '2023-03-15' && p.itemNumber === '11')).toMatchObject({ name: 'Brenda Wile', role: 'Deputy Director of Education', itemTitle: 'School Exclusion and Suspensions' });
    expect(presentations.find((p) => p.meetingDate === '2021-01-13' && p.itemNumber === '7')).toMatchObject({ name: 'Alison Hinds' });
  });

  it('keeps a presenter the minutes name by role alone', () => {
    const index = loadPaperIndex(FIXTURE).index;
    const { people, presentations } = directoryOf(index);
    expect(presentations.find((p) => p.itemTitle === 'Social Work Practice Report')).toMatchObject({ name: null, role: 'Principal Social Worker', meetingDate: '2023-07-06' });
    expect(people.find((p) => p.name === 'Priya Marsh')).toMatchObject({ role: 'Head of Service for Early Help', evidence: 'agenda_presenter', meetingDate: '2023-09-14' });
    expect(people.find((p) => p.name === 'Nadia Quinn')).toMatchObject({ role: 'Principal Social Worker', evidence: 'attendance' });
  });

  it('reads other councils\' covers ("Officer presenting the report", "Report by") and attendance', async () => {
    const bristol = await councilIndex('bristol');
    const b = directoryOf(bristol);
    expect(b.people.filter((p) => p.name === 'Adam Crowther').map((p) => p.role)).toContain('Head of City Transport');
    expect(b.presentations.filter((p) => p.role === 'Head of City Transport').length).toBeGreaterThan(3);
    for (const p of b.people) expect(cited(bristol, p.source).replace(/\s+/gu, ' ')).toContain(p.name);
    const kingston = await councilIndex('kingston');
    expect(directoryOf(kingston).people.map((p) => p.name)).toEqual(expect.arrayContaining(['Matthew Hill', 'Councillor Nicola Nardelli']));
  }, 120_000);
});

import { join } from 'node:path';
import { readPaperFile } from '../../../src/ingest';
import type { PersonRecord } from '../../../src/model';
import { parsePaperFile, parsePapers } from '../../../src/parse';
import { buildPeopleDirectory } from '../../../src/parse/people';
import { councilDocuments, describeCouncil } from './readerFixtures';

jest.setTimeout(30_000);

const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'moderngov-people', 'GetMeeting-members.xml');

/** Each detail's value, and whether the line it cites says it. */
function detailsOf(record: PersonRecord, lines: readonly string[]): [string, string, boolean][] {
  return (record.details ?? []).map((d) => [d.detail, d.value, (lines[d.source.lineStart - 1] ?? '').endsWith(`]: ${d.value}`)]);
}

describe('web-service attendees as person records (invented council)', () => {
  const doc = readPaperFile(FIXTURE, 'GetMeeting-members.xml').document!;
  const parsed = parsePaperFile(doc);

  it('gives each attendee their role, party, ward and key posts, each from its own line', () => {
    expect(parsed.people?.map((p) => [p.name, p.role, p.evidence, p.committee, p.meetingDate])).toEqual([
      ['Councillor Idris Ballantyne', 'Chair', 'service_attendee', 'Brindlemoor Standards Committee', '2026-03-18'],
      ['Councillor Morwenna Tate', 'Committee Member', 'service_attendee', 'Brindlemoor Standards Committee', '2026-03-18'],
    ]);
    expect(detailsOf(parsed.people![0]!, doc.lines)).toEqual([
      ['party', 'GRN', true],
      ['ward', 'Hollin Vale', true],
      ['key_posts', 'Deputy Leader of the Council', true],
    ]);
    // No key posts given: none made up.
    expect(detailsOf(parsed.people![1]!, doc.lines).map(([d]) => d)).toEqual(['party', 'ward']);
  });

  it('spans the record over the name, role and detail lines, so a quote of it holds them all', () => {
    const { lineStart, lineEnd } = parsed.people![0]!.source;
    const quoted = doc.lines.slice(lineStart - 1, lineEnd).join('\n');
    for (const said of ['[@name]: Councillor Idris Ballantyne', '[@roledescription]: Chair', '[@politicalparty]: GRN', '[@ward]: Hollin Vale', '[@keyposts]: Deputy Leader of the Council']) expect(quoted).toContain(said);
  });
});

describeCouncil('manchester', (dir) => {
  let corpus: ReturnType<typeof parsePapers>;
  beforeAll(async () => {
    corpus = parsePapers(await councilDocuments(dir));
  });

  it('makes a person record of every attendee of every GetMeeting, with the details the service gives', () => {
    const people = corpus.files.flatMap((f) => f.people ?? []);
    const curley = people.filter((p) => p.name === 'Councillor Basil Curley');
    expect(curley.map((p) => [p.meetingDate, p.role])).toEqual([
      ['2026-01-13', 'Committee Member'],
      ['2026-02-10', 'Committee Member'],
    ]);
    // The key post is given in the January record only.
    expect(curley.map((p) => (p.details ?? []).map((d) => `${d.detail}: ${d.value}`))).toEqual([
      ['party: LAB', 'ward: Charlestown', 'key_posts: Chair of Health Scrutiny Committee'],
      ['party: LAB', 'ward: Charlestown'],
    ]);
    expect(people.every((p) => p.evidence === 'service_attendee' && p.source.lineStart <= p.source.lineEnd)).toBe(true);
  });

  it('gives a record whose file names no committee the committee of its meeting, in the people directory', () => {
    const directory = buildPeopleDirectory(corpus, () => undefined);
    const curley = directory.people.filter((p) => p.name === 'Councillor Basil Curley');
    expect(curley.map((p) => [p.meetingDate, p.committee])).toEqual([
      ['2026-01-13', 'Audit Committee'],
      ['2026-02-10', 'Audit Committee'],
    ]);
  });
});

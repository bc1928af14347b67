import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerQuestion } from '../../src/answer';
import { officeKeys } from '../../src/answer/compose/elections';
import type { Answer } from '../../src/model';
import { loadPaperIndexAsync, type PaperIndex } from '../../src/search';
import { expectFaithful } from '../helpers/expectFaithful';
import { sharedCouncil } from '../helpers/sharedCouncilIndex';

/*
 * Who holds an office, from the election the minutes record: invented papers of a committee that
 * appoints its chair by resolution, and three councils' real annual meetings.
 */
let committee: PaperIndex;

const minutes = (date: string, body: readonly string[]): string =>
  [`Minutes of a meeting of the Eastbridge Licensing Committee held on ${date} at 10.00 am`, '', ...body, ''].join('\n');

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'elections-'));
  writeFileSync(
    join(dir, 'a.txt'),
    minutes('Tuesday, 3 June 2025', ['Present: Councillor Ann Lowe, Councillor Ben Hart, Councillor Dee Fox', '', '1. Appointment of Chair', 'RESOLVED that Councillor Ann Lowe be appointed Chair of the Committee for the 2025/26 municipal year.', '', '2. Appointment of Vice-Chair', 'RESOLVED that Councillor Ben Hart be appointed Vice-Chair of the Committee for the 2025/26 municipal year.']),
  );
  writeFileSync(join(dir, 'b.txt'), minutes('Tuesday, 2 September 2025', ['Present: Councillor Ben Hart (Chair), Councillor Dee Fox', '', '1. Apologies', 'Apologies were received from Councillor Ann Lowe.', '', '2. Taxi fares', 'RESOLVED: That the report be noted.']));
  committee = (await loadPaperIndexAsync(dir)).index;
}, 60_000);

const ask = (index: PaperIndex, text: string, asOf: string): Answer => answerQuestion(index, { text, asOf });

describe('officers from their election', () => {
  it('reads the offices a question names, a chair after "vice" being the vice-chair', () => {
    expect(officeKeys(['who', 'was', 'elected', 'chair', 'and', 'vice', 'chair'])).toEqual(['chair', 'vice chair']);
    expect(officeKeys(['Vice-Chairman'])).toEqual(['vice chair']);
    expect(officeKeys(['who', 'is', 'the', 'treasurer'])).toEqual([]);
  });

  it('names the chair and vice-chair elected, quoting the resolutions', () => {
    const a = ask(committee, 'who was appointed chair and vice chair of the licensing committee?', '2025-10-01');
    expect(a.text).toContain('Ann Lowe became Chair of the Committee at the 3 June 2025 meeting');
    expect(a.text).toContain('Ben Hart became Vice-Chair of the Committee at the 3 June 2025 meeting');
    expect(a.citations.slice(0, 2).map((c) => [c.file, c.lineStart])).toEqual([['a.txt', 6], ['a.txt', 9]]);
    expectFaithful(committee, a);
  });

  it('says who the later minutes record in the chair, when it is another member', () => {
    const a = ask(committee, 'who chairs the licensing committee?', '2025-10-01');
    expect(a.text).toMatch(/^Ann Lowe became Chair/u);
    expect(a.text).toContain('The minutes of the 2 September 2025 meeting record Ben Hart in the chair');
    expectFaithful(committee, a);
  });

  it('is not asked of a day before the election', () => {
    const a = ask(committee, 'who was appointed chair?', '2025-05-01');
    expect(a.text).not.toContain('Ann Lowe became');
  });

  const cases: [council: string, question: string, asOf: string, quotes: string[]][] = [
    ['souldern', 'who was elected chair and vice chair at the annual meeting in june?', '2026-07-01', ['HD nominated and AS seconded that Nick Oakhill be elected Chair', 'KG proposed and AS seconded that Heidi Dennison is elected Vice Chair']],
    ['govan', 'who chairs the community council?', '2026-04-01', ['Clare Dickson nominated by Esme Clark and seconded Reinhild Gorniak']],
    ['ayton', 'who was elected vice chair?', '2026-07-01', ['Vice Chair: Amanda Wright', 'Proposed by Alison Currie; Seconded by Alan McFadzean']],
  ];
  describe.each(cases)('%s', (council, question, asOf, quotes) => {
    const { itOn, index } = sharedCouncil(council);
    itOn(`"${question}" quotes the election`, async () => {
      const papers = await index();
      const a = ask(papers, question, asOf);
      for (const q of quotes) expect(a.text).toContain(q);
      expectFaithful(papers, a);
    }, 120_000);
  });
});

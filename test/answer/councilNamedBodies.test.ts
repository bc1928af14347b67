import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerQuestion } from '../../src/answer';
import { namedCommittee } from '../../src/answer/read/committeeAsked';
import { loadPaperIndexAsync, type PaperIndex } from '../../src/search';

/*
 * Committees named with their council's name, as a combined authority's ModernGov site names them,
 * and a meeting page whose venue line sits below its documents. Every council and place is invented.
 */
let bodies: PaperIndex;
let page: PaperIndex;

const minutes = (committee: string, date: string, present = 'Councillor Ann Lowe (Chair), Councillor Ben Hart'): string =>
  [`Minutes of the ${committee} held on ${date} at 10.00 am`, '', `Present: ${present}`, '', '1. Apologies', 'There were none.', '', '2. Bus services', 'RESOLVED: That the report be noted.', ''].join('\n');

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bodies-'));
  writeFileSync(join(dir, 'a.txt'), minutes('Northshire Combined Authority Committee', '12 March 2026'));
  writeFileSync(join(dir, 'b.txt'), minutes('Northshire Combined Authority Overview & Scrutiny Committee', '16 March 2026', 'Councillor Ben Hart, Councillor Dee Fox'));
  writeFileSync(join(dir, 'c.txt'), minutes('Northshire Combined Authority Committee and Northshire Joint Committee', '20 March 2026'));
  writeFileSync(join(dir, 'd.txt'), minutes('Northshire Combined Authority Committee and Northshire Joint Committee', '24 April 2026'));
  writeFileSync(
    join(dir, 'e.txt'),
    [
      'Minutes of the Northshire Combined Authority Committee held on 27 March 2026 at 1.00 pm',
      '',
      'Present: Mayor Ann Lowe (Chair), Councillor Ben Hart',
      '',
      '1. Comments from the Overview & Scrutiny Committee',
      'Councillor Cara Ingle, Chair of the Authority’s Overview & Scrutiny Committee, attended the meeting and presented the comments of that Committee.',
      '',
      '2. Comments from the Audit Committee',
      'Councillor Dan Oakes, Chair of the Authority’s Audit Committee, attended the meeting and reported the work of that Committee.',
      '',
    ].join('\n'),
  );
  bodies = (await loadPaperIndexAsync(dir)).index;
  const pages = mkdtempSync(join(tmpdir(), 'page-'));
  copyFileSync(join(__dirname, '..', 'fixtures', 'papers', 'moderngov', 'meeting-page.html'), join(pages, 'meeting-page.html'));
  page = (await loadPaperIndexAsync(pages)).index;
}, 60_000);

describe('a committee named with its council\'s name', () => {
  it('is named without it, and a question naming both bodies\' words means the one named last', () => {
    expect([...new Set(bodies.corpus.meetings.map((m) => m.committee))].sort()).toStrictEqual([
      'Northshire Combined Authority Committee',
      'Northshire Combined Authority Committee and Northshire Joint Committee',
      'Overview & Scrutiny Committee',
    ]);
    expect(namedCommittee(bodies, 'when did the Northshire Combined Authority Overview & Scrutiny Committee meet?')).toBe('Overview & Scrutiny Committee');
    // Named whole, it is that committee, though a joint meeting holds the same words and has more meetings.
    expect(namedCommittee(bodies, 'who chairs the Northshire Combined Authority Committee?')).toBe('Northshire Combined Authority Committee');
  });
});

describe('a meeting cited from its page heading', () => {
  it('quotes the venue line the answer states, with the dating line', () => {
    const a = answerQuestion(page, { text: 'when is the next meeting?', asOf: '2026-03-01' });
    expect(a.text).toContain('Council Chamber, Town Hall, Harbourside');
    expect(a.citations[0]!.quote).toContain('Council Chamber, Town Hall, Harbourside');
    const cited = (page.lines(a.citations[0]!.file) ?? []).slice(a.citations[0]!.lineStart - 1, a.citations[0]!.lineEnd).join(' ');
    for (const line of a.citations[0]!.quote.split('\n')) expect(cited).toContain(line.replace(/^[-\s]+/u, '').trim());
  });
});

describe('a committee whose own papers name no chair', () => {
  it('is chaired by the person another body\'s minutes name as its chair in passing, quoted from that line', () => {
    const a = answerQuestion(bodies, { text: 'who chairs the overview and scrutiny committee?', asOf: '2026-04-01' });
    expect(a.text).toMatch(/^Councillor Cara Ingle, Chair of the Authority’s Overview & Scrutiny Committee \[1\]/u);
    expect(a.citations[0]!.quote).toContain('Councillor Cara Ingle, Chair of the Authority’s Overview & Scrutiny Committee');
  });
});

describe('a body the papers hold no records of', () => {
  it('is chaired by whom a line names its chair in passing, though the question calls the council by its shorthand', () => {
    const a = answerQuestion(bodies, { text: 'who chairs the nca audit committee?', asOf: '2026-04-01' });
    expect(a.text).toMatch(/^Councillor Dan Oakes, Chair of the Authority’s Audit Committee \[1\]/u);
  });

  it('is still not in the papers when no line names its chair', () => {
    expect(answerQuestion(bodies, { text: 'who chairs the licensing committee?', asOf: '2026-04-01' }).kind).toBe('not_found');
  });
});

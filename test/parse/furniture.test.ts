import type { SourceDocument } from '../../src/ingest';
import { parsePaperFile } from '../../src/parse';
import { pageFurniture } from '../../src/parse/furniture';
import { passageSpans } from '../../src/search/toPassages';
import { councilDocuments, sharedCouncil } from './readers/readerFixtures';

/** Three pages of invented minutes, each ending in the clerk's footer and its page number. */
const PAGES: readonly (readonly string[])[] = [
  ['MINUTES OF THE MEETING OF EASTFIELD PARISH COUNCIL', 'HELD IN THE VILLAGE HALL ON 4th March 2025', '', '1. Apologies', 'None were received.', '', '2. Footbridge', 'The problem has now been resolved.', '', 'Clerk: Ann Other', 'The Old School, Eastfield', 'P a g e | 1'],
  ['3. Grass cutting', 'The contract was renewed for a further year and the', 'contractor thanked.', '', 'It was resolved to note the report.', 'Clerk: Ann Other', 'The Old School, Eastfield', 'P a g e | 2'],
  ['4. Correspondence', 'It was resolved to note the report.', 'A letter from a resident about the bus shelter was read.', '', 'Clerk: Ann Other', 'The Old School, Eastfield', 'P a g e | 3'],
];
const lines = PAGES.flat();
const pages = PAGES.flatMap((p, k) => p.map(() => k + 1));

describe('page furniture', () => {
  it('finds the running footer and page numbers at the page edges, and nothing else', () => {
    const found = [...pageFurniture(lines, pages)].map((i) => lines[i]);
    expect(new Set(found)).toEqual(new Set(['Clerk: Ann Other', 'The Old School, Eastfield', 'P a g e | 1', 'P a g e | 2', 'P a g e | 3']));
    // A sentence repeated on two pages, but not at the same place on most of them, is the paper's words.
    expect(found).not.toContain('It was resolved to note the report.');
  });

  it('is none when the pages are not known (a web page, a Markdown post) or there is one page', () => {
    expect(pageFurniture(lines, lines.map(() => null)).size).toBe(0);
    expect(pageFurniture(lines, lines.map(() => 1)).size).toBe(0);
  });

  it('never reaches a passage: a short minute before it is its own words', () => {
    const doc: SourceDocument = { file: 'm.pdf', lines, pages: pages.map((p) => p), contentHash: 'm' } as SourceDocument;
    const parsed = { ...parsePaperFile(doc), pages };
    const texts = passageSpans(doc, parsed).map((s) => lines.slice(s.lineStart - 1, s.lineEnd).join('\n'));
    expect(texts.some((t) => t.includes('Clerk: Ann Other') || t.includes('P a g e'))).toBe(false);
    expect(texts).toContainEqual(expect.stringContaining('The problem has now been resolved.'));
  });

  const souldern = sharedCouncil('souldern');
  (souldern ? it : it.skip)('keeps a parish clerk\'s footer out of the passages of real Word-made minutes (skipped without ../shared)', async () => {
    const [doc] = await councilDocuments(souldern!, 'souldern-2025-09-25-parish-council-minutes');
    const parsed = parsePaperFile(doc!);
    const texts = passageSpans(doc!, parsed).map((s) => doc!.lines.slice(s.lineStart - 1, s.lineEnd).join('\n'));
    expect(texts.filter((t) => /Parish Clerk :|P a g e \|/u.test(t))).toEqual([]);
    expect(texts).toContainEqual(expect.stringContaining('The problem has now been resolved.'));
  }, 60_000);
});

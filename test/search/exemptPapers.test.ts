import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { answerQuestion } from '../../src/answer';
import { PaperLinks } from '../../src/bot';
import { loadPaperIndex, loadPaperIndexAsync, type PaperIndex } from '../../src/search';
import { SAMPLE_PAPERS_DIR } from '../helpers/sampleIndex';
import { startTestServer } from '../helpers/startTestServer';

const EXEMPT_FIXTURES = path.join(__dirname, '..', 'fixtures', 'papers', 'exempt');
const EXEMPT = ['agenda-part-ii.md', 'report-not-for-publication.txt'];
/** Questions only the exempt fixtures could answer, and one any paper could. */
const QUESTIONS = ['what did the panel resolve on the zephyrvale depot', 'zephyrvale depot disposal', 'quillmere foster placement commissioning', 'who presented the quillmere report', 'bid prices residential care contract'];

let work: string;
let papers: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'exempt-papers-'));
  papers = path.join(work, 'papers');
  mkdirSync(papers);
  for (const dir of [SAMPLE_PAPERS_DIR, EXEMPT_FIXTURES]) for (const f of readdirSync(dir)) copyFileSync(path.join(dir, f), path.join(papers, f));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function citedFiles(index: PaperIndex): string[] {
  return QUESTIONS.flatMap((text) => answerQuestion(index, { text, asOf: '2023-09-20' }).citations.map((c) => c.file));
}

describe('exempt papers in the index', () => {
  it('are never indexed, cited or searchable; the public papers beside them are', async () => {
    const { index, issues } = await loadPaperIndexAsync(papers);
    expect(issues.filter((i) => i.code === 'exempt_paper').map((i) => i.file)).toStrictEqual(EXEMPT);
    for (const file of EXEMPT) expect(index.lines(file)).toBeUndefined();
    expect(index.corpus.documents.map((d) => d.file)).toContain('public-agenda-with-part-2-item.txt');
    expect(citedFiles(index).filter((f) => EXEMPT.includes(f))).toStrictEqual([]);
    expect(index.searchPassages('zephyrvale quillmere', 20)).toStrictEqual([]);
    expect(index.searchPassages('harbourline youth hub', 5).map((h) => h.passage.source.file)).toContain('public-agenda-with-part-2-item.txt');
  });

  it('would be cited by the same questions without their markings (the check above is not vacuous)', () => {
    for (const file of EXEMPT) {
      const text = readFileSync(path.join(papers, file), 'utf8');
      writeFileSync(path.join(papers, file), text.replace(/^(# )?(NOT FOR PUBLICATION|PART II – CONFIDENTIAL)$/mu, 'Public report'));
    }
    const { index, issues } = loadPaperIndex(papers);
    expect(issues.filter((i) => i.code === 'exempt_paper')).toStrictEqual([]);
    expect(new Set(citedFiles(index).filter((f) => EXEMPT.includes(f)))).toStrictEqual(new Set(EXEMPT));
  });

  it('are not served by /papers, with or without a signed link', async () => {
    const { index } = loadPaperIndex(papers);
    const links = PaperLinks.signed('https://panel.example.org', 'exempt-test-secret-long-enough-32!', 30);
    const server = await startTestServer({ index, paperLinks: links });
    try {
      for (const file of EXEMPT) {
        const signed = new URL(links.to(file, 1, 3)!);
        expect((await fetch(`${server.url}${signed.pathname}${signed.search}`)).status).toBe(404);
      }
      const open = new URL(links.to('public-agenda-with-part-2-item.txt', 1)!);
      expect((await fetch(`${server.url}${open.pathname}${open.search}`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('stay out after a restart from a snapshot, and a paper newly listed in EXEMPT_PAPERS leaves it', () => {
    const snapshotDir = path.join(work, 'index');
    const built = loadPaperIndex(papers, { snapshotDir });
    expect(built.issues.filter((i) => i.code === 'exempt_paper')).toHaveLength(2);
    const reloaded = loadPaperIndex(papers, { snapshotDir });
    expect(reloaded.fromSnapshot).toBe(true);
    expect(reloaded.reparsed).toStrictEqual([]);
    expect(reloaded.issues.filter((i) => i.code === 'exempt_paper').map((i) => i.file)).toStrictEqual(EXEMPT);
    for (const file of EXEMPT) expect(reloaded.index.lines(file)).toBeUndefined();

    const listed = '000_73aa9faf505450da.txt';
    const withListing = loadPaperIndex(papers, { snapshotDir, exemptFiles: new Set([listed]) });
    expect(withListing.index.lines(listed)).toBeUndefined();
    expect(withListing.index.searchPassages('school exclusions suspensions', 50).map((h) => h.passage.source.file)).not.toContain(listed);
    expect(withListing.issues.find((i) => i.file === listed)?.message).toBe(`ingest: ${listed} is listed in EXEMPT_PAPERS; not indexed or served`);
    // Taken off the list, it is read again and serves.
    const unlisted = loadPaperIndex(papers, { snapshotDir });
    expect(unlisted.reparsed).toStrictEqual([listed]);
    expect(unlisted.index.lines(listed)).toBeDefined();
  });
});

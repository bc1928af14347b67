import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PaperLinks } from '../../src/bot';
import { loadPaperIndexAsync, type PaperIndex } from '../../src/search';
import { VIEW_LIMITS } from '../../src/server/paperView/viewWindow';
import { SAMPLE_PAPERS_DIR } from '../helpers/sampleIndex';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { makePdf } from '../ingest/makePdf';

const SECRET = 'paper-view-test-secret-long-enough-32';
const PACK = '000_73aa9faf505450da.txt';
/** A paper far longer than one response may show: 5,000 numbered paragraphs. */
const HUGE_LINES = Array.from({ length: 5_000 }, (_, i) => `Paragraph ${i + 1} of the long appendix, about nothing in particular.`);

function pathOf(link: string | null): string {
  const url = new URL(link!);
  return `${url.pathname}${url.search}`;
}

/** The rows the view drew, by line number. */
function shownLines(html: string): number[] {
  return [...html.matchAll(/ id="L(\d+)"/gu)].map((m) => Number(m[1]));
}

describe('the paper view as a councillor reads it', () => {
  let dir: string;
  let outside: string;
  let index: PaperIndex;
  let open: TestServer;
  let signed: TestServer;
  const links = PaperLinks.signed('https://panel.example.org', SECRET, 30);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'view-papers-'));
    outside = mkdtempSync(join(tmpdir(), 'view-outside-'));
    const packLines = readFileSync(join(SAMPLE_PAPERS_DIR, PACK), 'utf8').split('\n');
    writeFileSync(join(dir, PACK), packLines.join('\n'));
    writeFileSync(join(dir, 'pack.pdf'), await makePdf(packLines.slice(0, 520), { linesPerPage: 40 }));
    writeFileSync(join(dir, 'huge.txt'), HUGE_LINES.join('\n'));
    writeFileSync(join(outside, 'secret.txt'), 'MicrosoftAppPassword=do-not-show\n');
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'linked.txt'));
    index = (await loadPaperIndexAsync(dir)).index;
    open = await startTestServer({ index, papersDir: dir, publishedUrl: (file) => (file === PACK ? 'https://council.example.net/documents/pack.txt' : null) });
    signed = await startTestServer({ index, papersDir: dir, paperLinks: links });
  }, 60_000);

  afterAll(async () => {
    await open?.close();
    await signed?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it("titles the page with the paper's own title, committee and meeting, not the file name", async () => {
    const html = await (await fetch(`${open.url}/papers/${PACK}?lines=480-482`)).text();
    expect(html).toMatch(/<title>Minutes - 15 March 2023 · Panel Papers<\/title>/u);
    expect(html).toMatch(/<h1>Minutes - 15 March 2023<\/h1>/u);
    expect(html).toMatch(/<p class="crumbs">[^<]*Scrutiny Panel · meeting of 15 March 2023/u);
    expect(html).toContain('<a href="#L480">The cited lines 480–482</a> are marked.');
  });

  it('marks the cited lines with <mark>, draws no row for a blank line and no raw markdown', async () => {
    const html = await (await fetch(`${open.url}/papers/${PACK}?lines=5-9`)).text();
    const lines = readFileSync(join(SAMPLE_PAPERS_DIR, PACK), 'utf8').split('\n');
    const rows = shownLines(html);
    expect(rows.length).toBeGreaterThan(0);
    for (const n of rows) expect(lines[n - 1]?.trim()).not.toBe('');
    expect(html).toMatch(/id="L7" class="gap cited">.*<mark>Time 6\.00 pm <strong>Public Meeting\?<\/strong> YES/u);
    expect(html).not.toMatch(/\*\*/u);
    expect(html).toMatch(/<main id="main">/u);
  });

  it('links to the original: the URL it was fetched from, else the file through its own whole-paper link', async () => {
    expect(await (await fetch(`${open.url}/papers/${PACK}?lines=3`)).text()).toContain('href="https://council.example.net/documents/pack.txt"');
    const html = await (await fetch(`${signed.url}${pathOf(links.to('huge.txt', 10, 12))}`)).text();
    const original = /class="original" href="([^"]+)"/u.exec(html)?.[1]?.replaceAll('&#38;', '&');
    expect(original).toMatch(/^\/papers\/huge\.txt\/original\?exp=\d+&sig=[\w-]{43}$/u);
    const file = await fetch(`${signed.url}${original}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect((await file.text()).split('\n')).toHaveLength(HUGE_LINES.length);
  });

  it('opens the original only from a whole-paper link: a link signed for lines, or none, is refused', async () => {
    const linesLink = pathOf(links.to('huge.txt', 10, 12));
    const [, query] = linesLink.split('?');
    expect((await fetch(`${signed.url}/papers/huge.txt/original?${query}`)).status).toBe(403);
    expect((await fetch(`${signed.url}/papers/huge.txt/original`)).status).toBe(403);
  });

  it('never sends a file the papers folder only links to', async () => {
    const response = await fetch(`${open.url}/papers/linked.txt/original`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('do-not-show');
  });

  it("shows only the signed lines' neighbourhood of a huge paper, whatever part is asked for", async () => {
    for (const extra of ['', '&part=3']) {
      const html = await (await fetch(`${signed.url}${pathOf(links.to('huge.txt', 2_500, 2_501))}${extra}`)).text();
      const rows = shownLines(html);
      expect(Math.min(...rows)).toBe(2_500 - VIEW_LIMITS.context);
      expect(Math.max(...rows)).toBe(2_501 + VIEW_LIMITS.context);
      expect(html).not.toContain('Later lines');
    }
  });

  it('pages a whole-paper link: one part at a time, with links to the parts either side under the same signature', async () => {
    const first = await (await fetch(`${signed.url}${pathOf(links.to('huge.txt'))}`)).text();
    expect(shownLines(first)).toEqual(Array.from({ length: VIEW_LIMITS.partLines }, (_, i) => i + 1));
    const next = /<a href="([^"]+)" rel="next">Later lines<\/a>/u.exec(first)?.[1]?.replaceAll('&#38;', '&');
    expect(next).toMatch(/part=1/u);
    const second = await fetch(`${signed.url}${next}`);
    expect(second.status).toBe(200);
    const rows = shownLines(await second.text());
    expect([rows[0], rows[rows.length - 1]]).toEqual([VIEW_LIMITS.partLines + 1, 2 * VIEW_LIMITS.partLines]);
    const last = await (await fetch(`${signed.url}${pathOf(links.to('huge.txt'))}&part=9999`)).text();
    expect(Math.max(...shownLines(last))).toBe(HUGE_LINES.length);
  });

  it('draws a PDF\'s cited page with pdf.js from the original file, its scripts allowed by the page policy', async () => {
    // The resolution's third point: on the 13th of the PDF's 40-line pages.
    const text = index.lines('pack.pdf')!.slice();
    const line = text.findIndex((l) => l.includes('Deputy Director of Education to share')) + 1;
    const response = await fetch(`${signed.url}${pathOf(links.to('pack.pdf', line, line))}`);
    const html = await response.text();
    expect(html).toMatch(/<h2 id="pdf-h">Page 13 as published<\/h2>/u);
    expect(html).toMatch(/data-file="\/papers\/pack\.pdf\/original\?exp=\d+&#38;sig=[\w-]{43}" data-page="13"/u);
    expect(html).toContain('<script type="module" src="/static/paper-pdf.js"></script>');
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/u);
    expect((await fetch(`${signed.url}/static/pdfjs/pdf.worker.min.mjs`)).status).toBe(200);
    expect(html).toMatch(new RegExp(`data-cited="[^"]*Deputy Director of Education to share`, 'u'));
    const textPaper = await (await fetch(`${signed.url}${pathOf(links.to(PACK, 3, 3))}`)).text();
    expect(textPaper).not.toContain('<script');
  });
});

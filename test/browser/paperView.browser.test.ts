import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { PaperLinks } from '../../src/bot';
import { loadPaperIndexAsync, type PaperIndex } from '../../src/search';
import { SAMPLE_PAPERS_DIR } from '../helpers/sampleIndex';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { makePdf } from '../ingest/makePdf';
import { hasChromium, launch, seriousViolations, shot } from './browser';

const PACK = '000_73aa9faf505450da.txt';
const SECRET = 'browser-test-secret-long-enough-32-chars';

/** The paper view in headless Chromium, opened from signed links as a councillor opens a citation. */
(hasChromium ? describe : describe.skip)('the paper view in a browser', () => {
  let dir: string;
  let index: PaperIndex;
  let server: TestServer;
  let browser: Browser;
  const links = PaperLinks.signed('https://panel.example.org', SECRET, 30);
  const pathOf = (link: string | null): string => {
    const url = new URL(link!);
    return `${url.pathname}${url.search}${url.hash}`;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'browser-papers-'));
    const lines = readFileSync(join(SAMPLE_PAPERS_DIR, PACK), 'utf8').split('\n');
    writeFileSync(join(dir, PACK), lines.join('\n'));
    writeFileSync(join(dir, 'pack.pdf'), await makePdf(lines.slice(0, 520), { linesPerPage: 40 }));
    index = (await loadPaperIndexAsync(dir)).index;
    server = await startTestServer({ index, papersDir: dir, paperLinks: links });
    browser = await launch();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens a text paper at its first cited line, in view, marked, with no serious accessibility violation', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    await page.goto(`${server.url}${pathOf(links.to(PACK, 480, 482))}`);
    const first = page.locator('#L480');
    const box = await first.boundingBox();
    // In view, below the top edge: nothing covers it.
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(800 - box!.height);
    expect(await page.evaluate(() => document.elementFromPoint(200, (document.querySelector('#L480 mark') as HTMLElement).getBoundingClientRect().top + 4)?.closest('#L480') !== null)).toBe(true);
    expect(await page.locator('mark').count()).toBe(2);
    expect(await page.title()).toBe('Minutes - 15 March 2023 · Panel Papers');
    await shot(page, 'paper-html.png');
    expect(await seriousViolations(page)).toEqual([]);

    // On a phone: no sideways scrolling, the cited text still in view.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}${pathOf(links.to(PACK, 480, 482))}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot(page, 'paper-html-phone.png');
    await page.close();
  }, 60_000);

  it("draws a PDF's cited page with pdf.js and marks the cited text in its text layer", async () => {
    const line = index.lines('pack.pdf')!.slice().findIndex((l) => l.includes('Deputy Director of Education to share')) + 1;
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}${pathOf(links.to('pack.pdf', line, line))}`);
    await page.locator('#pdf-page[data-rendered="true"]').waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    const marked = await page.locator('.textLayer mark').allTextContents();
    expect(marked.join(' ')).toContain('Deputy Director of Education to share');
    // The canvas was drawn on: not one colour.
    const inked = await page.evaluate(() => {
      const canvas = document.querySelector('#pdf-page canvas') as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark++;
      return dark;
    });
    expect(inked).toBeGreaterThan(100);
    await expect(page.locator('.pdf-status').textContent()).resolves.toMatch(/cited text is marked/u);
    await page.locator('.textLayer mark').first().scrollIntoViewIfNeeded();
    await shot(page, 'paper-pdf.png');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);
});

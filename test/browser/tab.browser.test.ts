import type { Browser, Page } from 'playwright-core';
import { loadPaperIndexAsync } from '../../src/search';
import { councilPapers } from '../helpers/sampleIndex';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { hasChromium, launch, seriousViolations, shot } from './browser';

/** The tab as a browser outside Teams shows it (local mode), driven from the keyboard. */
(hasChromium ? describe : describe.skip)('the tab in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const selectedTab = (): Promise<string | null> => page.locator('[role="tab"][aria-selected="true"]').textContent();
  const focused = (): Promise<string | undefined> => page.evaluate(() => document.activeElement?.id);

  it('shows the calendar per committee, next and past meetings with their status and papers', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/`);
    await page.locator('body[data-ready="true"]').waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Panel Papers');
    await expect(page.locator('#committees').textContent()).resolves.toContain('Children and Young People Scrutiny Panel');
    const committee = page.locator('#calendar section.committee').first();
    await expect(committee.locator('h3').textContent()).resolves.toBe('Children and Young People Scrutiny Panel');
    await expect(committee.locator('.meetings').first().locator('li.meeting').first().textContent()).resolves.toMatch(/Thu, 27 July 2023, 6\.00 pm\s*scheduled/u);
    await committee.locator('details summary').first().click();
    await expect(committee.locator('details .status.held').count()).resolves.toBeGreaterThan(0);
    await shot(page, 'tab-calendar.png', true);
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('moves between the views with the arrow keys, and filters the decision register from the keyboard', async () => {
    await page.locator('#tab-calendar').focus();
    await page.keyboard.press('ArrowRight');
    expect(await selectedTab()).toBe('Decision register');
    expect(await focused()).toBe('tab-decisions');
    await expect(page.locator('#panel-decisions').isVisible()).resolves.toBe(true);
    await expect(page.locator('#panel-calendar').isVisible()).resolves.toBe(false);
    const all = Number((await page.locator('#decision-count').textContent())?.split(' ')[0]);
    expect(all).toBeGreaterThan(1);

    // Tab into the form (the panel, committee, the date fields' day, month and year, then words); type; Enter submits.
    const onWords = (): Promise<boolean> => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'words');
    for (let i = 0; i < 15 && !(await onWords()); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('words');
    await page.keyboard.type('exclusions');
    await page.keyboard.press('Enter');
    await page.waitForFunction((before) => !document.getElementById('decision-count')?.textContent?.startsWith(`${before} `), all);
    const filtered = Number((await page.locator('#decision-count').textContent())?.split(' ')[0]);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    const first = page.locator('#decisions li.decision').first();
    await expect(first.locator('blockquote').textContent()).resolves.toMatch(/exclusions/iu);
    await expect(first.locator('.muted').textContent()).resolves.toMatch(/15 March 2023/u);
    await shot(page, 'tab-register.png', true);
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('searches the papers a page at a time, and a hit opens the paper view at its lines', async () => {
    await page.locator('#tab-decisions').focus();
    await page.keyboard.press('ArrowRight');
    expect(await selectedTab()).toBe('Search papers');
    await page.locator('#search-form input[name="words"]').fill('exclusions');
    await page.keyboard.press('Enter');
    await page.locator('#hits li.hit').first().waitFor();
    await expect(page.locator('#search-count').textContent()).resolves.toMatch(/^\d+ passages found/u);
    const firstHit = await page.locator('#hits li.hit h3').first().textContent();
    await page.locator('#search-pages button', { hasText: 'Next' }).click();
    await page.waitForFunction((before) => document.querySelector('#hits li.hit h3')?.textContent !== before || document.querySelector('#search-pages span')?.textContent?.includes('Page 2'), firstHit);
    await expect(page.locator('#search-pages span').textContent()).resolves.toMatch(/Page 2 of \d+/u);
    await page.locator('#search-pages button', { hasText: 'Previous' }).click();
    await page.locator('#search-pages span', { hasText: 'Page 1' }).waitFor();
    await shot(page, 'tab-search.png', true);
    expect(await seriousViolations(page)).toEqual([]);

    const [view] = await Promise.all([page.context().waitForEvent('page'), page.locator('#hits li.hit h3 a').first().click()]);
    await view.waitForLoadState();
    expect(view.url()).toMatch(/\/papers\/[^?]+\?lines=\d+-\d+#L\d+$/u);
    expect(await view.locator('mark').count()).toBeGreaterThan(0);
    await view.close();
  }, 60_000);

  it('shows a decision\'s recorded vote as a table', async () => {
    const { index } = await loadPaperIndexAsync(councilPapers('kingston'));
    const other = await startTestServer({ index });
    try {
      const votes = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      await votes.goto(`${other.url}/#decisions`);
      await votes.locator('body[data-ready="true"]').waitFor({ timeout: 20_000 });
      await expect(votes.locator('[role="tab"][aria-selected="true"]').textContent()).resolves.toBe('Decision register');
      const table = votes.locator('table.votes').first();
      await table.waitFor();
      await expect(table.locator('th').allTextContents()).resolves.toEqual(['Motion', 'For', 'Against', 'Abstain', 'Outcome']);
      await expect(table.locator('tbody').textContent()).resolves.toMatch(/CARRIED/u);
      await table.scrollIntoViewIfNeeded();
      await shot(votes, 'tab-register-votes.png');
      expect(await seriousViolations(votes)).toEqual([]);
      await votes.close();
    } finally {
      await other.close();
    }
  }, 60_000);
});

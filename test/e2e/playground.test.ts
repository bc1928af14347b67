import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { hasChromium, launch } from '../browser/browser';
import { startPlayground, type Playground } from '../helpers/startPlayground';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

const SCREENSHOTS = path.join(__dirname, 'screenshots');

/**
 * The real client: the bot's server, Microsoft 365 Agents Playground pointed at it, and headless
 * Chromium driving the playground's page as a user would.
 */
(hasChromium ? describe : describe.skip)('Agents Playground end to end', () => {
  let server: TestServer;
  let playground: Playground;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    playground = await startPlayground(`${server.url}/api/messages`);
    browser = await launch();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await server?.close();
  });

  it('shows the welcome, then the answer with its [1] marker and AI label', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(playground.url, { waitUntil: 'networkidle' });
    await page.getByText("Hello! I'm Panel Papers", { exact: false }).first().waitFor({ timeout: 30_000 });

    const box = page.getByRole('textbox').first();
    await box.click();
    await box.fill('what did the panel resolve on exclusions');
    await box.press('Enter');

    // The reply: the answer's text with its [1] marker, the AI label and the feedback buttons.
    await page.getByText('[1]', { exact: false }).last().waitFor({ timeout: 30_000 });
    await page.getByText('AI generated').first().waitFor({ timeout: 10_000 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'answer.png'), fullPage: true });

    // One message per answer: one "AI generated" label (the welcome card carries none), no card repeating the text.
    await page.waitForTimeout(1_000);
    expect(await page.getByText('AI generated', { exact: true }).count()).toBe(1);
    await expect(page.getByText('Browse meetings and decisions').count()).resolves.toBe(1);

    const body = await page.locator('body').innerText();
    expect(body).toMatch(/resolved/iu);
    expect(body).toMatch(/exclusion/iu);
    // The playground logs every activity it receives; the answer must have come from our bot.
    expect(body).toMatch(/User Application → Microsoft 365 Agents Playground message \d+ .*\[1\]|\[1\]/u);
  }, 90_000);
});

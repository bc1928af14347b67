import { PaperLinks } from '../../src/bot';
import type { PaperIndex } from '../../src/search';
import { PaperText } from '../../src/search/paperText';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

const SECRET = 'huge-paper-view-secret-long-enough-32';
const FILE = 'huge.txt';
/** 400,000 lines of 150 characters (60 MB), one of them a single 5 MB line. */
const LINES = 400_000;
const LONG_LINE = 200_000;

/**
 * The view of a huge paper (issue 19: one view of a 200 MB paper built a 363 MB page). The server is
 * given an index holding just the paper's lines (parsing 60 MB would take minutes and prove nothing
 * about the view); every response must stay small and fast, and /livez answer meanwhile.
 */
describe('the paper view of a huge paper', () => {
  const links = PaperLinks.signed('https://panel.example.org', SECRET, 30);
  let server: TestServer;

  beforeAll(async () => {
    const line = (i: number): string => (i === LONG_LINE ? 'x'.repeat(5_000_000) : `Line ${i} `.padEnd(150, 'of a very long appendix that nobody will read whole '));
    const text = PaperText.fromLines(Array.from({ length: LINES }, (_, i) => line(i + 1)));
    const index = {
      lines: (file: string) => (file === FILE ? text : undefined),
      stats: { files: 1, papers: 0, meetings: 0, passages: 0 },
      corpus: { documents: [{ file: FILE, pages: null, contentHash: '' }], files: [], papers: [], meetings: [], minutes: [], reports: [], agendaItems: [], resolutions: [] },
    } as unknown as PaperIndex;
    server = await startTestServer({ index, paperLinks: links });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  const view = async (link: string | null, extra = ''): Promise<{ ms: number; bytes: number; html: string }> => {
    const url = new URL(link!);
    const started = Date.now();
    const html = await (await fetch(`${server.url}${url.pathname}${url.search}${extra}`)).text();
    return { ms: Date.now() - started, bytes: Buffer.byteLength(html), html };
  };

  it.each([
    ['a link signed for one line', () => links.to(FILE, 300_000, 300_000), ''],
    ['a link signed for every line', () => links.to(FILE, 1, LINES), ''],
    ['a link for the whole paper', () => links.to(FILE), ''],
    ['its last part', () => links.to(FILE), '&part=99999'],
    ['the 5 MB line', () => links.to(FILE, LONG_LINE, LONG_LINE), ''],
  ])('answers %s with a page under 1.5 MB, quickly, while /livez answers', async (_case, link, extra) => {
    const [page, live] = await Promise.all([
      view(link(), extra),
      (async () => {
        const started = Date.now();
        const response = await fetch(`${server.url}/livez`);
        return { status: response.status, ms: Date.now() - started };
      })(),
    ]);
    expect(page.bytes).toBeLessThan(1_500_000);
    expect(page.ms).toBeLessThan(2_000);
    expect(live.status).toBe(200);
    expect(live.ms).toBeLessThan(2_000);
    expect(page.html).toContain('</html>');
  });

  it('cuts a 5 MB line, saying so', async () => {
    const { html } = await view(links.to(FILE, LONG_LINE, LONG_LINE));
    expect(html).toMatch(/\[line cut: 5,000,000 characters\]/u);
  });
});

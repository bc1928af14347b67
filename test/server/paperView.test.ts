import { PaperLinks } from '../../src/bot';
import type { AiMessageEntity } from '../../src/bot/clientCitation';
import { startStubConnector } from '../helpers/stubConnector';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { teamsMessage } from '../helpers/teamsActivity';

const SECRET = 'wire-test-secret-long-enough-for-32';
const PAPER = '000_73aa9faf505450da.txt';

/** The path and query of a link, to ask the test server for (the link names the public address). */
function pathOf(link: string | null): string {
  const url = new URL(link!);
  return `${url.pathname}${url.search}`;
}

describe('GET /papers/:file with signed links (an app id is set)', () => {
  const links = PaperLinks.signed('https://panel.example.org', SECRET, 30);
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ paperLinks: links });
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves the paper from a link the bot made, with the cited lines highlighted', async () => {
    const response = await fetch(`${server.url}${pathOf(links.to(PAPER, 3, 4))}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const html = await response.text();
    expect(html).toMatch(/id="L3" class="cited">.*<mark>/u);
  });

  it('sends citations whose signed links open the cited paper, and their cards the same link', async () => {
    const connector = await startStubConnector();
    try {
      expect((await server.post('/api/messages', teamsMessage('what did the panel resolve on exclusions', { serviceUrl: connector.url }))).status).toBe(200);
      const [call] = await connector.waitForActivities(1);
      const citations = (call?.body as { entities: AiMessageEntity[] }).entities[0]?.citation ?? [];
      expect(citations.length).toBeGreaterThan(0);
      for (const citation of citations) {
        const url = citation.appearance.url!;
        expect(url).toMatch(/^https:\/\/panel\.example\.org\/papers\/[^?]+\?lines=\d+-\d+&exp=\d+&sig=[\w-]{43}#L\d+$/u);
        expect(citation.appearance.text).toContain(JSON.stringify(url).slice(1, -1));
        expect((await fetch(`${server.url}${pathOf(url)}`)).status).toBe(200);
      }
    } finally {
      await connector.close();
    }
  });

  it.each([
    ['no signature', `/papers/${PAPER}?lines=3-4`, /opens only from a link the Panel Papers bot sent you/u],
    ['another paper', pathOf(links.to(PAPER, 3, 4)).replace(PAPER, '001_6d94e5e1e00dee56.txt'), /not one the Panel Papers bot sent, or it has been changed/u],
    ['other lines', pathOf(links.to(PAPER, 3, 4)).replace('lines=3-4', 'lines=1-900'), /has been changed/u],
    ['a changed signature', pathOf(links.to(PAPER, 3, 4)).replace(/sig=./u, (s) => (s.endsWith('A') ? 'sig=B' : 'sig=A')), /has been changed/u],
  ])('answers 403 with a short plain page for %s', async (_case, path, reason) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toMatch(reason);
    expect(html).not.toContain('Scrutiny');
  });

  it('answers 403 to an expired link, saying to ask again', async () => {
    const old = PaperLinks.signed('https://panel.example.org', SECRET, 30, () => Date.now() - 40 * 86_400_000);
    const response = await fetch(`${server.url}${pathOf(old.to(PAPER, 3, 4))}`);
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/This link has expired\. Ask the Panel Papers bot again/u);
  });

  it.each(['../package.json', '../../etc/passwd', '/etc/passwd', 'nope.txt'])('answers 404 to a signed link for %s: only indexed papers are served', async (file) => {
    const response = await fetch(`${server.url}${pathOf(links.to(file))}`);
    expect(response.status).toBe(404);
  });
});

describe('GET /papers/:file with PAPERS_VIEW=off', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ paperLinks: PaperLinks.off() });
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers 404 to every paper, signed or not', async () => {
    expect((await fetch(`${server.url}/papers/${PAPER}`)).status).toBe(404);
    const signed = PaperLinks.signed('https://panel.example.org', SECRET, 30).to(PAPER, 3, 4);
    expect((await fetch(`${server.url}${pathOf(signed)}`)).status).toBe(404);
  });
});

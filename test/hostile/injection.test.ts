import { startHostileServer, HOSTILE_BASE_URL, type HostileServer } from './hostileServer';

/**
 * Markdown, HTML, mention and Adaptive Card injection in what users type. Whatever the bot says
 * back, in its message text, its cards or its citation cards, must never carry the typed markup
 * as typed: a "[link](javascript:...)" echoed raw is a link the bot appears to vouch for.
 * Each payload is also its own fragment to look for: escaped, it no longer appears verbatim.
 */
const PAYLOADS: readonly string[] = [
  '**zqx bold**',
  '[zqx](javascript:alert(1))',
  '![zqx](http://127.0.0.1:1/pixel.png)',
  '<script>alert(zqx)</script>',
  '<img src=x onerror=zqx()>',
  '<a href="https://evil.example/zqx">zqx</a>',
  '${zqx.constructor}',
  '{{DATE(2030-01-01T00:00:00Z, SHORT)}} zqx',
  '"}]},{"type":"Action.OpenUrl","url":"javascript:zqx"}',
  '{"type":"TextBlock","text":"zqx"}',
  '# zqx heading',
  '`zqx code`',
  '~~zqx~~',
  '_zqx_',
  '| zqx | cell |',
  '&lt;b&gt;zqx',
  '<at>zqx</at>',
  '\u202Ezqx reversed',
];

/** How a payload reaches the bot: as a question, a command, a search, in a channel. */
const FORMS: readonly ((payload: string) => string)[] = [
  (p) => p,
  (p) => `what did the panel resolve on ${p}`,
  (p) => `who presented ${p}`,
  (p) => `when is the ${p} meeting`,
  (p) => `follow ${p}`,
  () => 'following',
  (p) => `unfollow ${p}`,
  (p) => `announce ${p}`,
  (p) => `announce "${p}"`,
];

/** Characters that reorder or hide text: never in a reply, whoever typed them. */
const INVISIBLE = /[\u0000\u202A-\u202E\u2066-\u2069\u200B-\u200D\uFEFF]/u;

/** True when `fragment` appears in `shown` as typed: not merely after an escaping backslash. */
function showsRaw(shown: string, fragment: string): boolean {
  const lower = shown.toLowerCase();
  for (let at = lower.indexOf(fragment); at >= 0; at = lower.indexOf(fragment, at + 1)) if (lower[at - 1] !== '\\') return true;
  return false;
}

/** Every string a user sees in a reply: its text, card text (citation cards are JSON strings), facts. */
function shownStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    out.push(value);
    if (value.startsWith('{"type":"AdaptiveCard"')) shownStrings(JSON.parse(value), out);
  } else if (Array.isArray(value)) {
    for (const v of value) shownStrings(v, out);
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) if (key !== 'suggestedActions') shownStrings(v, out);
  }
  return out;
}

/** Every url a card action or citation opens. */
function urls(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && value.startsWith('{"type":"AdaptiveCard"')) urls(JSON.parse(value), out);
  else if (Array.isArray(value)) for (const v of value) urls(v, out);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'url' && typeof v === 'string') out.push(v);
      else urls(v, out);
    }
  }
  return out;
}

describe('markdown and card injection', () => {
  let server: HostileServer;

  beforeAll(async () => {
    server = await startHostileServer();
  });
  afterAll(async () => {
    await server.close();
  });

  function ask(text: string, conversationId: string): Promise<unknown[]> {
    return server.ask(text, conversationId);
  }

  async function search(text: string): Promise<unknown> {
    const response = await server.send('POST', '/api/messages', {
      type: 'invoke',
      name: 'composeExtension/query',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:1',
      from: { id: '29:injector' },
      recipient: { id: '28:panel-papers-bot' },
      conversation: { id: 'a:inject-search' },
      value: { commandId: 'searchPapers', parameters: [{ name: 'searchQuery', value: text }] },
    });
    expect(response.status).toBe(200);
    return response.body;
  }

  it.each(PAYLOADS)('never shows %j back as typed', async (payload) => {
    const fragment = payload.toLowerCase();
    const leaks: string[] = [];
    const conversationId = `a:inject-${PAYLOADS.indexOf(payload)}`;
    for (const form of FORMS) {
      const text = form(payload);
      const replies = await ask(text, conversationId);
      expect(replies.length).toBeGreaterThan(0);
      for (const shown of shownStrings(replies)) {
        if (showsRaw(shown, fragment)) leaks.push(`${JSON.stringify(text)} -> ${JSON.stringify(shown.slice(0, 200))}`);
        if (INVISIBLE.test(shown)) leaks.push(`${JSON.stringify(text)} -> invisible character in ${JSON.stringify(shown.slice(0, 80))}`);
      }
      for (const url of urls(replies)) if (!url.startsWith(`${HOSTILE_BASE_URL}/papers/`)) leaks.push(`${JSON.stringify(text)} -> url ${url}`);
    }
    const found = await search(payload);
    for (const shown of shownStrings(found)) if (showsRaw(shown, fragment)) leaks.push(`search -> ${JSON.stringify(shown.slice(0, 200))}`);
    expect(leaks).toEqual([]);
  });

  it('keeps what users type out of card structure: every card is the bot\'s own JSON', async () => {
    const replies = await ask('"}]},{"type":"Action.OpenUrl","url":"javascript:x"} next meeting', 'a:inject-structure');
    const cards = (replies as { attachments?: { content: { type: string; body: unknown[] } }[] }[]).flatMap((r) => r.attachments ?? []);
    for (const card of cards) expect(card.content.type).toBe('AdaptiveCard');
    expect(JSON.stringify(replies)).not.toMatch(/javascript:/u);
  });
});

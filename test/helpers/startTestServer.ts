import { MemoryConversationStore, MemoryFeedbackStore, PanelBot, PaperLinks, SILENT_LOGGER } from '../../src/bot';
import { startServer, type RunningServer, type ServerAuth } from '../../src/server';
import type { PaperIndex } from '../../src/search';
import { sampleIndex } from './sampleIndex';

export interface TestServer extends RunningServer {
  readonly conversations: MemoryConversationStore;
  readonly feedback: MemoryFeedbackStore;
  /** POSTs JSON to the server and returns status and parsed body. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown; text: string }>;
}

/** The real server and bot on an ephemeral loopback port, over the sample papers. */
export async function startTestServer(options: { auth?: ServerAuth; maxBodyBytes?: number; index?: PaperIndex; paperLinks?: PaperLinks; papersDir?: string; ssoKeysUrl?: string; publishedUrl?: (file: string) => string | null } = {}): Promise<TestServer> {
  const index = options.index ?? sampleIndex();
  const conversations = new MemoryConversationStore();
  const feedback = new MemoryFeedbackStore();
  const paperLinks = options.paperLinks ?? PaperLinks.open('http://127.0.0.1:3978');
  const running = await startServer({
    host: '127.0.0.1',
    port: 0,
    auth: options.auth ?? null,
    index,
    logger: SILENT_LOGGER,
    paperLinks,
    ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
    papersDir: options.papersDir,
    ssoKeysUrl: options.ssoKeysUrl,
    publishedUrl: options.publishedUrl,
    today: () => '2023-07-20',
    bot: new PanelBot({ index, today: () => '2023-07-20', links: paperLinks, conversations, feedback, logger: SILENT_LOGGER }),
  });
  return {
    ...running,
    conversations,
    feedback,
    async post(path, body, headers = {}) {
      const response = await fetch(`${running.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = undefined;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // Not JSON: tests look at `text`.
      }
      return { status: response.status, body: parsed, text };
    },
  };
}

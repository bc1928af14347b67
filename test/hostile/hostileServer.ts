import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AnnouncementCommands, FileAnnouncementStore } from '../../src/announce';
import { createJsonLogger, MemoryConversationStore, MemoryFeedbackStore, PanelBot, PaperLinks, RateLimiter } from '../../src/bot';
import { startServer, type RequestTimeouts, type RunningServer } from '../../src/server';
import { IndexHolder } from '../../src/watch';
import { SAMPLE_PAPERS_DIR, sampleIndex } from '../helpers/sampleIndex';

export const HOSTILE_BASE_URL = 'http://127.0.0.1:3978';

export interface RawResponse {
  readonly status: number;
  readonly text: string;
  /** Parsed JSON, or undefined when the body is not JSON. */
  readonly body: unknown;
}

export interface HostileServer {
  readonly server: RunningServer;
  readonly url: string;
  /** Every log line, parsed: a test can look for a crash the HTTP status hides. */
  readonly logs: { event: string; [field: string]: unknown }[];
  readonly feedback: MemoryFeedbackStore;
  /** Any body (string, bytes, or an object sent as JSON) with any content type. */
  send(method: string, route: string, body?: string | Buffer | object, contentType?: string): Promise<RawResponse>;
  /** A personal-chat message, its replies returned in the response (deliveryMode expectReplies). */
  ask(text: string, conversationId?: string): Promise<unknown[]>;
  close(): Promise<void>;
}

/**
 * The bot wired as index.ts wires it (index holder, commands with a file store, real server on a
 * loopback port), over the sample papers or the given holder's. The rate limit is lifted: the suite
 * sends hundreds of messages from one user, and what it checks is the answer, not the throttle.
 */
export async function startHostileServer(options: { readonly papers?: IndexHolder; readonly requestTimeouts?: RequestTimeouts } = {}): Promise<HostileServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hostile-'));
  const logs: { event: string; [field: string]: unknown }[] = [];
  const logger = createJsonLogger('warn', (line) => logs.push(JSON.parse(line) as { event: string }));
  const papers = options.papers ?? new IndexHolder(sampleIndex());
  let asked = 0;
  const today = (): string => '2023-07-20';
  const store = new FileAnnouncementStore(dataDir, logger);
  const feedback = new MemoryFeedbackStore();
  const bot = new PanelBot({
    index: papers,
    today,
    links: PaperLinks.open(HOSTILE_BASE_URL),
    conversations: new MemoryConversationStore(),
    feedback,
    logger,
    rateLimiter: new RateLimiter({ capacity: 100_000, perMinute: 100_000 }),
    commands: new AnnouncementCommands({ papers, store, announcers: [], today, links: PaperLinks.open(HOSTILE_BASE_URL), logger }),
  });
  const server = await startServer({ host: '127.0.0.1', port: 0, auth: null, bot, index: papers, logger, paperLinks: PaperLinks.open(HOSTILE_BASE_URL), papersDir: SAMPLE_PAPERS_DIR,
    ...(options.requestTimeouts ? { requestTimeouts: options.requestTimeouts } : {}),
  });
  const hostile: HostileServer = {
    server,
    url: server.url,
    logs,
    feedback,
    async send(method, route, body, contentType = 'application/json') {
      const payload = body === undefined || typeof body === 'string' ? body : Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body);
      const response = await fetch(`${server.url}${route}`, {
        method,
        headers: payload === undefined ? {} : { 'content-type': contentType },
        ...(payload === undefined ? {} : { body: payload }),
      });
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // Not JSON (an HTML paper, or a plain-text error): tests read `text`.
      }
      return { status: response.status, text, body: parsed };
    },
    async ask(text, conversationId = 'a:hostile-personal') {
      asked += 1;
      const response = await hostile.send('POST', '/api/messages', {
        type: 'message',
        id: `hostile-${asked}`,
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:1',
        deliveryMode: 'expectReplies',
        from: { id: '29:hostile-user', name: 'Hostile' },
        recipient: { id: '28:panel-papers-bot', name: 'Panel Papers' },
        conversation: { id: conversationId, conversationType: 'personal' },
        text,
      });
      if (response.status !== 200) throw new Error(`POST /api/messages answered ${response.status}: ${response.text.slice(0, 200)}`);
      return (response.body as { activities: unknown[] }).activities;
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return hostile;
}

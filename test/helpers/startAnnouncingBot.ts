import type { Activity } from 'botbuilder';
import { AnnouncementCommands, FileAnnouncementStore, startAnnouncements, type RunningAnnouncements } from '../../src/announce';
import { createJsonLogger, MemoryConversationStore, MemoryFeedbackStore, PanelBot, PaperLinks } from '../../src/bot';
import { loadPaperIndex } from '../../src/search';
import { startServer, type RunningServer } from '../../src/server';
import { IndexHolder } from '../../src/watch';

export interface AnnouncingBotOptions {
  readonly papersDir: string;
  readonly dataDir: string;
  /** The clock: "today" for the bot. */
  readonly today: string;
  readonly announcers?: readonly string[];
}

export interface AnnouncingBot {
  readonly server: RunningServer;
  readonly papers: IndexHolder;
  readonly store: FileAnnouncementStore;
  readonly announcements: RunningAnnouncements;
  /** Every log line as parsed JSON, for asserting what was reported. */
  readonly logs: { event: string; [field: string]: unknown }[];
  post(activity: Partial<Activity>): Promise<number>;
  close(): Promise<void>;
}

export const TEST_BASE_URL = 'http://127.0.0.1:3978';

/**
 * The bot wired as index.ts wires it (holder, store, commands, watcher, announcer, follows),
 * on a free loopback port, with timings shortened so a test takes well under a second a step.
 */
export async function startAnnouncingBot(options: AnnouncingBotOptions): Promise<AnnouncingBot> {
  const logs: { event: string; [field: string]: unknown }[] = [];
  const logger = createJsonLogger('debug', (line) => logs.push(JSON.parse(line) as { event: string }));
  const { index } = await loadPaperIndex(options.papersDir);
  const papers = new IndexHolder(index);
  const store = new FileAnnouncementStore(options.dataDir, logger);
  const today = (): string => options.today;
  const commands = new AnnouncementCommands({ papers, store, announcers: options.announcers ?? [], today, links: PaperLinks.open(TEST_BASE_URL), logger });
  const bot = new PanelBot({
    index: papers,
    today,
    links: PaperLinks.open(TEST_BASE_URL),
    conversations: new MemoryConversationStore(),
    feedback: new MemoryFeedbackStore(),
    logger,
    commands,
  });
  const server = await startServer({ host: '127.0.0.1', port: 0, auth: null, bot, index: papers, logger, paperLinks: PaperLinks.open(TEST_BASE_URL) });
  const announcements = await startAnnouncements({
    papersDir: options.papersDir,
    papers,
    store,
    adapter: server.adapter,
    appId: '',
    today,
    links: PaperLinks.open(TEST_BASE_URL),
    logger,
    watch: { debounceMs: 20, settleMs: 150, rescanMs: 200 },
    send: { attempts: 3, backoffMs: 20 },
    retryAfterMs: 200,
  });
  await announcements.caughtUp;
  return {
    server,
    papers,
    store,
    announcements,
    logs,
    async post(activity) {
      const response = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      await response.text();
      return response.status;
    },
    async close() {
      await announcements.stop();
      await server.close();
    },
  };
}

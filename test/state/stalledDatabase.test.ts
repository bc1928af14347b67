import net from 'node:net';
import { TestAdapter } from 'botbuilder';
import { AnnouncementCommands, StateAnnouncementStore } from '../../src/announce';
import { createOnTurnError, MemoryFeedbackStore, PanelBot, PaperLinks, SILENT_LOGGER, StateConversationStore, type Logger } from '../../src/bot';
import { STATE_UNAVAILABLE_REPLY } from '../../src/bot/onTurnError';
import { PostgresStateStore, StateUnavailableError } from '../../src/state';
import { IndexHolder } from '../../src/watch';
import { sampleIndex } from '../helpers/sampleIndex';
import { teamsMessage } from '../helpers/teamsActivity';
import { describeWithDatabase } from '../helpers/testDatabase';

/** Short, so a stalled database is noticed in a test's time; production's are seconds (DEFAULT_DATABASE_TIMEOUTS). */
const TIMEOUTS = { connectMs: 500, statementMs: 500, queryMs: 800 };

/** A TCP proxy to the database that can stop passing bytes: a database (or network) that froze. */
async function startFreezableProxy(target: URL): Promise<{ url: string; freeze(): void; close(): Promise<void> }> {
  let frozen = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
    }
    client.on('data', (chunk) => !frozen && upstream.write(chunk));
    upstream.on('data', (chunk) => !frozen && client.write(chunk));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target.toString());
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    freeze: () => {
      frozen = true;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describeWithDatabase('a stalled database', (databaseUrl) => {
  it('fails each operation within its timeouts, logged, and the bot says its records are unavailable', async () => {
    const proxy = await startFreezableProxy(new URL(databaseUrl()));
    const logged: string[] = [];
    const logger: Logger = { ...SILENT_LOGGER, error: (event) => logged.push(event) };
    const store = await PostgresStateStore.open(proxy.url, { logger, timeouts: TIMEOUTS });
    try {
      const announcements = new StateAnnouncementStore(store, logger);
      const papers = new IndexHolder(sampleIndex());
      const today = (): string => '2023-07-20';
      const links = PaperLinks.open('http://127.0.0.1:3978');
      // Notes when each reference save settles, to show the reply did not wait for it.
      const conversations = new StateConversationStore(store);
      const saves: Promise<number>[] = [];
      const save = conversations.save.bind(conversations);
      conversations.save = (reference) => {
        const saving = save(reference);
        saves.push(saving.then(Date.now, Date.now));
        return saving;
      };
      const bot = new PanelBot({
        index: papers,
        today,
        links,
        conversations,
        feedback: new MemoryFeedbackStore(),
        logger,
        commands: new AnnouncementCommands({ papers, store: announcements, announcers: [], today, links, logger }),
      });
      const adapter = new TestAdapter(async (context) => bot.run(context));
      adapter.onTurnError = createOnTurnError(logger);
      await adapter.send(teamsMessage('follow exclusions')).assertReply((reply) => expect(reply.text).toMatch(/^Following \*\*exclusions/u)).startTest();
      // Asked once before the freeze, so the reply below is the answer cache's: its time is the bot's waiting, not its thinking.
      await adapter.send(teamsMessage('exclusions')).assertReply(() => undefined).startTest();

      proxy.freeze();
      const started = Date.now();
      await expect(store.get('follows', 'a:personal-conversation')).rejects.toBeInstanceOf(StateUnavailableError);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(logged).toContain('state_unavailable');

      // A new conversation's first message is answered before its reference's save fails.
      let repliedAt = 0;
      await adapter
        .send(teamsMessage('exclusions', { conversation: { id: 'a:new-conversation', conversationType: 'personal', isGroup: false, name: '' } }))
        .assertReply((reply) => {
          repliedAt = Date.now();
          expect(reply.text).toMatch(/exclusion/iu);
        })
        .startTest();
      expect(repliedAt).toBeLessThan(await saves.at(-1)!);
      expect(logged).toContain('conversation_save_failed');
      await adapter.send(teamsMessage('follow attendance')).assertReply(STATE_UNAVAILABLE_REPLY).startTest();
    } finally {
      await proxy.close();
      await store.close().catch(() => undefined);
    }
  }, 20_000);
});

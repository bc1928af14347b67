import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Announcer, FileAnnouncementStore, ProactiveMessenger, type Messenger } from '../../src/announce';
import { PaperLinks, SILENT_LOGGER } from '../../src/bot';
import { sampleIndex } from '../helpers/sampleIndex';

const reference = { conversation: { id: 'c1', isGroup: false, name: '', conversationType: 'personal' }, serviceUrl: 'http://127.0.0.1:1' };

describe('Announcer', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'announcer-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('records nothing when a send fails, and posts on the next round', async () => {
    const store = new FileAnnouncementStore(dataDir, SILENT_LOGGER);
    await store.subscribe({ conversationId: 'c1', reference, subscribedBy: 'u1', at: '2023-07-01T00:00:00Z' });
    let down = true;
    const posts: string[] = [];
    const messenger: Messenger = {
      post: async (ref) => {
        if (down) throw new Error('connector unreachable');
        posts.push(ref.conversation?.id ?? '');
        return 'activity-1';
      },
      update: async () => {},
    };
    const announcer = new Announcer({ papers: { current: sampleIndex() }, store, messenger, today: () => '2023-07-01', links: PaperLinks.open('http://x'), logger: SILENT_LOGGER, retryAfterMs: 60_000 });
    expect(await announcer.reconcile()).toEqual({ posted: 0, updated: 0, failed: 1 });
    down = false;
    expect(await announcer.reconcile()).toEqual({ posted: 1, updated: 0, failed: 0 });
    expect(await announcer.reconcile()).toEqual({ posted: 0, updated: 0, failed: 0 });
    expect(posts).toEqual(['c1']);
    announcer.stop();
  });

  it('posts signed pack links, and does not update a card only because a new day signs its link anew', async () => {
    const store = new FileAnnouncementStore(dataDir, SILENT_LOGGER);
    await store.subscribe({ conversationId: 'c1', reference, subscribedBy: 'u1', at: '2023-07-01T00:00:00Z' });
    const sent: string[] = [];
    const messenger: Messenger = {
      post: async (_ref, activity) => {
        sent.push(JSON.stringify(activity));
        return 'activity-1';
      },
      update: async (_ref, _id, activity) => {
        sent.push(JSON.stringify(activity));
      },
    };
    let now = Date.UTC(2023, 6, 1, 9);
    const links = PaperLinks.signed('https://panel.example.org', 'announcer-test-secret-long-enough-32', 30, () => now);
    const announcer = new Announcer({ papers: { current: sampleIndex() }, store, messenger, today: () => '2023-07-01', links, logger: SILENT_LOGGER });
    expect(await announcer.reconcile()).toEqual({ posted: 1, updated: 0, failed: 0 });
    expect(sent[0]).toMatch(/papers\/[^"?]+\?exp=\d+&sig=[\w-]{43}/u);
    now += 3 * 86_400_000;
    expect(await announcer.reconcile()).toEqual({ posted: 0, updated: 0, failed: 0 });
    expect(sent).toHaveLength(1);
    announcer.stop();
  });

  it('does not re-send a card from an instance reached at another address (a card is the same card whatever PUBLIC_BASE_URL)', async () => {
    const store = new FileAnnouncementStore(dataDir, SILENT_LOGGER);
    await store.subscribe({ conversationId: 'c1', reference, subscribedBy: 'u1', at: '2023-07-01T00:00:00Z' });
    const sent: string[] = [];
    const messenger: Messenger = {
      post: async () => {
        sent.push('post');
        return 'activity-1';
      },
      update: async () => void sent.push('update'),
    };
    const secret = 'announcer-test-secret-long-enough-32';
    const instance = (baseUrl: string): Announcer =>
      new Announcer({ papers: { current: sampleIndex() }, store, messenger, today: () => '2023-07-01', links: PaperLinks.signed(baseUrl, secret, 30), logger: SILENT_LOGGER });
    const first = instance('https://panel-a.example.org');
    const second = instance('https://panel-b.example.org');
    expect(await first.reconcile()).toEqual({ posted: 1, updated: 0, failed: 0 });
    expect(await second.reconcile()).toEqual({ posted: 0, updated: 0, failed: 0 });
    expect(await first.reconcile()).toEqual({ posted: 0, updated: 0, failed: 0 });
    expect(sent).toEqual(['post']);
    first.stop();
    second.stop();
  });

  it('announces nothing once the meeting has passed', async () => {
    const store = new FileAnnouncementStore(dataDir, SILENT_LOGGER);
    await store.subscribe({ conversationId: 'c1', reference, subscribedBy: 'u1', at: '2023-07-01T00:00:00Z' });
    const messenger: Messenger = { post: async () => 'x', update: async () => {} };
    const announcer = new Announcer({ papers: { current: sampleIndex() }, store, messenger, today: () => '2023-07-27', links: PaperLinks.open('http://x'), logger: SILENT_LOGGER });
    expect(await announcer.reconcile()).toEqual({ posted: 0, updated: 0, failed: 0 });
  });
});

describe('ProactiveMessenger', () => {
  it('retries with backoff and throws the last error when every try fails', async () => {
    let tries = 0;
    const adapter = {
      continueConversationAsync: async (): Promise<void> => {
        tries += 1;
        throw new Error(`outage ${tries}`);
      },
    };
    const messenger = new ProactiveMessenger(adapter, { appId: '', logger: SILENT_LOGGER, attempts: 3, backoffMs: 5 });
    await expect(messenger.post(reference, { type: 'message', text: 'hi' })).rejects.toThrow('outage 3');
    expect(tries).toBe(3);
  });
});

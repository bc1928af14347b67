import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileAnnouncementStore } from '../../src/announce';
import { createJsonLogger } from '../../src/bot';

describe('FileAnnouncementStore', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'store-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const subscription = { conversationId: 'c1', reference: { conversation: { id: 'c1', isGroup: false, name: '', conversationType: 'personal' } }, subscribedBy: 'u1', at: '2023-07-01T00:00:00Z' };

  it('keeps subscriptions and follows across instances', async () => {
    const logger = createJsonLogger('error', () => {});
    const first = new FileAnnouncementStore(dataDir, logger);
    expect(await first.subscribe(subscription)).toBe(true);
    expect(await first.subscribe(subscription)).toBe(false);
    expect(await first.follow('c1', subscription.reference, 'exclusions')).toBe(true);
    const second = new FileAnnouncementStore(dataDir, logger);
    expect((await second.listSubscriptions()).map((s) => s.conversationId)).toEqual(['c1']);
    expect(await second.listFollows()).toEqual([{ conversationId: 'c1', reference: subscription.reference, topics: ['exclusions'] }]);
    expect(await second.unfollow('c1', 'exclusions')).toBe(true);
    expect(await second.listFollows()).toEqual([]);
  });

  it('sets a corrupt file aside, reports it, and never overwrites it', async () => {
    const file = path.join(dataDir, FileAnnouncementStore.FILE_NAME);
    writeFileSync(file, '{"version":1,"subscriptions":{'); // cut off mid-write by something else
    const logs: { event: string; setAsideAs?: string }[] = [];
    const store = new FileAnnouncementStore(dataDir, createJsonLogger('error', (line) => logs.push(JSON.parse(line) as { event: string })));
    expect(await store.listSubscriptions()).toEqual([]);
    const aside = readdirSync(dataDir).filter((name) => name.startsWith(`${FileAnnouncementStore.FILE_NAME}.corrupt-`));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(dataDir, aside[0]!), 'utf8')).toBe('{"version":1,"subscriptions":{');
    expect(logs).toEqual([expect.objectContaining({ event: 'state_file_corrupt', setAsideAs: path.join(dataDir, aside[0]!) })]);
    await store.subscribe(subscription);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ subscriptions: { c1: { subscribedBy: 'u1' } } });
  });

  it('reads the file as earlier versions wrote it', async () => {
    const file = path.join(dataDir, FileAnnouncementStore.FILE_NAME);
    const logger = createJsonLogger('error', () => {});
    const old = { version: 1, subscriptions: { c1: subscription }, follows: {}, announcements: {}, followDeliveries: {}, seenPapers: null };
    writeFileSync(file, JSON.stringify(old));
    const beforeFirstFollowRound = new FileAnnouncementStore(dataDir, logger);
    expect((await beforeFirstFollowRound.listSubscriptions()).map((s) => s.conversationId)).toEqual(['c1']);
    expect(await beforeFirstFollowRound.seenPapers()).toBeNull();
    writeFileSync(file, JSON.stringify({ ...old, seenPapers: { 'pack.pdf': 'h1' } }));
    expect(await new FileAnnouncementStore(dataDir, logger).seenPapers()).toEqual({ 'pack.pdf': 'h1' });
  });

  it('takes the papers of the first follow round as seen, even when there were none', async () => {
    const store = new FileAnnouncementStore(dataDir, createJsonLogger('error', () => {}));
    await store.markPapersSeen({});
    expect(await new FileAnnouncementStore(dataDir, createJsonLogger('error', () => {})).seenPapers()).toEqual({});
  });
});

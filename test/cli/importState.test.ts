import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileAnnouncementStore, StateAnnouncementStore } from '../../src/announce';
import { FileConversationStore, SILENT_LOGGER, StateConversationStore } from '../../src/bot';
import { importState } from '../../src/cli/importState';
import { PostgresStateStore } from '../../src/state';
import { describeWithDatabase } from '../helpers/testDatabase';

const reference = (id: string, serviceUrl = 'https://one') => ({ conversation: { id, isGroup: false, name: '', conversationType: 'personal' }, serviceUrl });

describeWithDatabase('importState', (databaseUrl) => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'import-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it("copies one instance's files into the database, keeping what the database already has", async () => {
    const files = new FileAnnouncementStore(dataDir, SILENT_LOGGER);
    await files.subscribe({ conversationId: 'c1', reference: reference('c1'), subscribedBy: 'u1', at: '2023-07-01T00:00:00Z' });
    await files.follow('c2', reference('c2'), 'exclusions');
    await files.markPapersSeen({ 'pack.pdf': 'h1' });
    await new FileConversationStore(dataDir).save(reference('c1'));
    await new FileConversationStore(dataDir).save(reference('c3', 'https://old'));
    writeFileSync(path.join(dataDir, 'feedback.jsonl'), '{}\n');

    const database = await PostgresStateStore.open(databaseUrl());
    try {
      await new StateConversationStore(database).save(reference('c3', 'https://newer'));
      expect(await importState(dataDir, database)).toEqual({ copied: 5, kept: 1 });
      const shared = new StateAnnouncementStore(database, SILENT_LOGGER);
      expect((await shared.listSubscriptions()).map((s) => s.conversationId)).toEqual(['c1']);
      expect((await shared.listFollows()).map((f) => [f.conversationId, f.topics])).toEqual([['c2', ['exclusions']]]);
      expect(await shared.seenPapers()).toEqual({ 'pack.pdf': 'h1' });
      const conversations = await new StateConversationStore(database).list();
      expect(conversations.map((r) => [r.conversation?.id, r.serviceUrl])).toEqual([['c1', 'https://one'], ['c3', 'https://newer']]);
      expect(await importState(dataDir, database)).toEqual({ copied: 0, kept: 6 });
    } finally {
      await database.close();
    }
  });
});

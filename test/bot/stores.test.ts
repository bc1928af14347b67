import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FileConversationStore, JsonLinesFeedbackStore } from '../../src/bot';

describe('durable stores', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'panel-papers-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  describe('FileConversationStore', () => {
    it('keeps one reference per conversation across restarts, with no temp files left', async () => {
      const store = new FileConversationStore(dir);
      await Promise.all([
        store.save({ conversation: { id: 'a', isGroup: false, name: '', conversationType: 'personal' }, serviceUrl: 'https://one' }),
        store.save({ conversation: { id: 'b', isGroup: true, name: '', conversationType: 'channel' }, serviceUrl: 'https://two' }),
        store.save({ conversation: { id: 'a', isGroup: false, name: '', conversationType: 'personal' }, serviceUrl: 'https://three' }),
      ]);
      const reopened = new FileConversationStore(dir);
      const refs = await reopened.list();
      expect(refs.map((r) => [r.conversation?.id, r.serviceUrl])).toEqual([
        ['a', 'https://three'],
        ['b', 'https://two'],
      ]);
      expect(await readdir(dir)).toEqual(['conversations.json']);
    });

    it('fails loudly on a corrupt file rather than overwriting it', async () => {
      const store = new FileConversationStore(dir);
      await store.save({ conversation: { id: 'a', isGroup: false, name: '', conversationType: 'personal' } });
      await writeFile(path.join(dir, 'conversations.json'), '{not json');
      await expect(new FileConversationStore(dir).list()).rejects.toThrow(SyntaxError);
    });
  });

  describe('JsonLinesFeedbackStore', () => {
    it('appends one JSON line per feedback', async () => {
      const store = new JsonLinesFeedbackStore(path.join(dir, 'nested'));
      const record = { time: 't', conversationId: 'c', messageId: 'm', reaction: 'like' as const, text: null, answerKind: 'resolution' };
      await store.record(record);
      await store.record({ ...record, reaction: 'dislike' });
      const lines = (await readFile(path.join(dir, 'nested', 'feedback.jsonl'), 'utf8')).trim().split('\n');
      expect(lines.map((l) => (JSON.parse(l) as { reaction: string }).reaction)).toEqual(['like', 'dislike']);
    });
  });
});

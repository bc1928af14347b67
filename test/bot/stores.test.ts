import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FileConversationStore, JsonLinesFeedbackStore, SILENT_LOGGER, StateConversationStore, StateFeedbackStore } from '../../src/bot';
import { FileStateStore } from '../../src/state';
import * as atomicWrite from '../../src/state/writeFileAtomic';

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

    const personal = (id: string, serviceUrl = 'https://one') => ({
      conversation: { id, isGroup: false, name: '', conversationType: 'personal' },
      serviceUrl,
    });
    const file = () => path.join(dir, 'conversations.json');

    it('rewrites the file only when a reference is new or changed', async () => {
      const store = new FileConversationStore(dir);
      await store.save(personal('a'));
      // A stand-in for the file: a rewrite would replace it.
      await writeFile(file(), '{"marker":{}}\n');
      await store.save(personal('a'));
      expect(await readFile(file(), 'utf8')).toBe('{"marker":{}}\n');

      await store.save(personal('a', 'https://moved'));
      const stored = JSON.parse(await readFile(file(), 'utf8')) as Record<string, { serviceUrl: string }>;
      expect(stored['a']?.serviceUrl).toBe('https://moved');
    });

    it('carries many new references at once in few writes', async () => {
      const write = jest.spyOn(atomicWrite, 'writeFileAtomic');
      try {
        const store = new FileConversationStore(dir);
        await Promise.all(Array.from({ length: 20 }, (_, i) => store.save(personal(`c${i}`))));
        const stored = JSON.parse(await readFile(file(), 'utf8')) as Record<string, unknown>;
        expect(Object.keys(stored)).toHaveLength(20);
        // The first write, then one more for everything that arrived while it ran.
        expect(write).toHaveBeenCalled();
        expect(write.mock.calls.length).toBeLessThanOrEqual(2);
      } finally {
        write.mockRestore();
      }
    });

    it('writes again after a failed write, even for an unchanged reference', async () => {
      const store = new FileConversationStore(dir);
      // A folder where the file should be makes the rename fail.
      await mkdir(file());
      await expect(store.save(personal('a'))).rejects.toThrow();
      await rm(file(), { recursive: true });
      await store.save(personal('a'));
      expect(Object.keys(JSON.parse(await readFile(file(), 'utf8')) as object)).toEqual(['a']);
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

  describe('StateConversationStore and StateFeedbackStore', () => {
    it('keep references and feedback as records, writing a reference only when it changed', async () => {
      const state = new FileStateStore(path.join(dir, 'state.json'), SILENT_LOGGER);
      const update = jest.spyOn(state, 'update');
      const conversations = new StateConversationStore(state);
      const reference = { conversation: { id: 'a', isGroup: false, name: '', conversationType: 'personal' }, serviceUrl: 'https://one' };
      await conversations.save(reference);
      await conversations.save(reference);
      await conversations.save({ ...reference, serviceUrl: 'https://moved' });
      expect(update).toHaveBeenCalledTimes(2);
      expect((await new StateConversationStore(state).list()).map((r) => r.serviceUrl)).toEqual(['https://moved']);

      const record = { time: '2023-07-01T10:00:00.000Z', conversationId: 'a', messageId: 'm', reaction: 'like' as const, text: null, answerKind: null };
      await new StateFeedbackStore(state).record(record);
      await new StateFeedbackStore(state).record({ ...record, reaction: 'dislike' });
      const feedback = await state.list(StateFeedbackStore.COLLECTION);
      expect([...feedback.values()].map((f) => (f as { reaction: string }).reaction).sort()).toEqual(['dislike', 'like']);
      expect([...feedback.keys()].every((key) => key.startsWith('2023-07-01T10:00:00.000Z '))).toBe(true);
    });
  });
});

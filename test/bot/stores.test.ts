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
    const personal = (id: string, serviceUrl = 'https://one') => ({
      conversation: { id, isGroup: false, name: '', conversationType: 'personal' },
      serviceUrl,
    });
    const file = () => path.join(dir, 'conversations.jsonl');
    const lines = async () => (await readFile(file(), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; reference: { serviceUrl?: string } });

    it('keeps one reference per conversation across restarts, with no temp files left', async () => {
      const store = new FileConversationStore(dir);
      await Promise.all([
        store.save({ conversation: { id: 'a', isGroup: false, name: '', conversationType: 'personal' }, serviceUrl: 'https://one' }),
        store.save({ conversation: { id: 'b', isGroup: true, name: '', conversationType: 'channel' }, serviceUrl: 'https://two' }),
        store.save({ conversation: { id: 'a', isGroup: false, name: '', conversationType: 'personal' }, serviceUrl: 'https://three' }),
      ]);
      const reopened = new FileConversationStore(dir);
      const refs = await reopened.list();
      expect(refs.map((r) => [r.conversation?.id, r.serviceUrl]).sort()).toEqual([
        ['a', 'https://three'],
        ['b', 'https://two'],
      ]);
      expect(await readdir(dir)).toEqual(['conversations.jsonl']);
    });

    it('appends one line for a new or changed reference, never rewriting the file for it', async () => {
      const store = new FileConversationStore(dir);
      await store.save(personal('a'));
      await store.save(personal('b'));
      // A stand-in line: a rewrite of the whole file would drop it.
      await writeFile(file(), `${await readFile(file(), 'utf8')}{"id":"marker","reference":{}}\n`);
      await store.save(personal('a'));
      await store.save(personal('a', 'https://moved'));
      expect((await lines()).map((l) => [l.id, l.reference.serviceUrl])).toEqual([
        ['a', 'https://one'],
        ['b', 'https://one'],
        ['marker', undefined],
        ['a', 'https://moved'],
      ]);
      expect((await new FileConversationStore(dir).list()).find((r) => r.conversation?.id === 'a')?.serviceUrl).toBe('https://moved');
    });

    it('carries many new references at once in few writes', async () => {
      const write = jest.spyOn(atomicWrite, 'writeFileAtomic');
      try {
        const store = new FileConversationStore(dir);
        await Promise.all(Array.from({ length: 20 }, (_, i) => store.save(personal(`c${i}`))));
        expect(new Set((await lines()).map((l) => l.id)).size).toBe(20);
        // Appended, never rewritten whole.
        expect(write).not.toHaveBeenCalled();
      } finally {
        write.mockRestore();
      }
    });

    it('keeps at most its cap, forgetting the least recently saved', async () => {
      const store = new FileConversationStore(dir, 3);
      for (const id of ['a', 'b', 'c', 'd']) await store.save(personal(id));
      await store.save(personal('b', 'https://moved'));
      await store.save(personal('e'));
      expect((await new FileConversationStore(dir, 3).list()).map((r) => r.conversation?.id)).toEqual(['d', 'b', 'e']);
      expect((await lines()).length).toBe(3);
    });

    it('drops a line torn by a crash mid-append, and keeps appending after it', async () => {
      const store = new FileConversationStore(dir);
      await store.save(personal('a'));
      await writeFile(file(), `${await readFile(file(), 'utf8')}{"id":"b","refer`);
      const reopened = new FileConversationStore(dir);
      expect((await reopened.list()).map((r) => r.conversation?.id)).toEqual(['a']);
      await reopened.save(personal('c'));
      expect((await lines()).map((l) => l.id)).toEqual(['a', 'c']);
    });

    it('carries over the whole-file store of earlier versions', async () => {
      await writeFile(path.join(dir, 'conversations.json'), JSON.stringify({ a: personal('a'), b: personal('b') }));
      const store = new FileConversationStore(dir);
      expect((await store.list()).map((r) => r.conversation?.id)).toEqual(['a', 'b']);
      await store.save(personal('c'));
      expect((await lines()).map((l) => l.id)).toEqual(['a', 'b', 'c']);
    });

    it('writes again after a failed write, even for an unchanged reference', async () => {
      const store = new FileConversationStore(dir);
      // A folder where the file should be makes the append fail.
      await mkdir(file());
      await expect(store.save(personal('a'))).rejects.toThrow();
      await rm(file(), { recursive: true });
      await store.save(personal('a'));
      expect((await lines()).map((l) => l.id)).toEqual(['a']);
    });

    it('fails loudly on a corrupt file rather than overwriting it', async () => {
      const store = new FileConversationStore(dir);
      await store.save(personal('a'));
      await writeFile(file(), '{not json\n{"id":"a","reference":{}}\n');
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

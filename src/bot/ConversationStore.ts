import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConversationReference } from 'botbuilder';
import { writeFileAtomic } from './atomicWrite';

/**
 * Where the bot remembers each conversation it is in, so a later feature (announcements) can
 * message it proactively. An interface so a database can replace the file.
 */
export interface ConversationStore {
  save(reference: Partial<ConversationReference>): Promise<void>;
  list(): Promise<Partial<ConversationReference>[]>;
}

/** One JSON file keyed by conversation id, rewritten atomically (temp file + rename). */
export class FileConversationStore implements ConversationStore {
  private readonly file: string;
  private cache: Map<string, Partial<ConversationReference>> | undefined;
  // Writes are chained so two turns at once cannot interleave read-modify-write.
  private queue: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'conversations.json');
  }

  async save(reference: Partial<ConversationReference>): Promise<void> {
    const id = reference.conversation?.id;
    if (!id) return;
    const write = this.queue.then(async () => {
      const all = await this.load();
      all.set(id, reference);
      await writeFileAtomic(this.file, `${JSON.stringify(Object.fromEntries(all), null, 2)}\n`);
    });
    // Keep the chain alive after a failed write; the caller still sees this write's error.
    this.queue = write.catch(() => undefined);
    await write;
  }

  async list(): Promise<Partial<ConversationReference>[]> {
    await this.queue;
    return [...(await this.load()).values()];
  }

  private async load(): Promise<Map<string, Partial<ConversationReference>>> {
    if (this.cache) return this.cache;
    let stored: Record<string, Partial<ConversationReference>> = {};
    try {
      stored = JSON.parse(await readFile(this.file, 'utf8')) as Record<string, Partial<ConversationReference>>;
    } catch (error) {
      // No file yet is the normal first run; anything else (bad JSON, permissions) must be seen.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    this.cache = new Map(Object.entries(stored));
    return this.cache;
  }
}

/** In memory, for tests. */
export class MemoryConversationStore implements ConversationStore {
  readonly saved = new Map<string, Partial<ConversationReference>>();
  async save(reference: Partial<ConversationReference>): Promise<void> {
    if (reference.conversation?.id) this.saved.set(reference.conversation.id, reference);
  }
  async list(): Promise<Partial<ConversationReference>[]> {
    return [...this.saved.values()];
  }
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';
import { writeFileAtomic, type StateStore } from '../state';

/**
 * Where the bot remembers each conversation it is in, so a later feature (announcements) can
 * message it proactively: a file for one instance, the shared StateStore for several.
 */
export interface ConversationStore {
  save(reference: Partial<ConversationReference>): Promise<void>;
  list(): Promise<Partial<ConversationReference>[]>;
}

/**
 * One JSON file keyed by conversation id, rewritten atomically (temp file + rename). Every message
 * saves its reference, but the file is rewritten only when one is new or changed: rewritten on every
 * message, it cost CPU in proportion to the number of conversations and made each turn queue behind
 * the previous turn's write.
 */
export class FileConversationStore implements ConversationStore {
  private readonly file: string;
  private loaded: Promise<Map<string, Partial<ConversationReference>>> | undefined;
  /** The write under way (or the last one), so at most one runs at a time. */
  private writing: Promise<void> = Promise.resolve();
  /** The write queued behind it: every change made meanwhile is carried by this one write. */
  private next: Promise<void> | undefined;
  /** A write failed: what is in memory may not be on disk, so the next save writes even if unchanged. */
  private unsaved = false;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'conversations.json');
  }

  /** A new or changed reference resolves once the write carrying it is done; an unchanged one at once. */
  async save(reference: Partial<ConversationReference>): Promise<void> {
    const id = reference.conversation?.id;
    if (!id) return;
    const all = await this.load();
    const known = all.get(id);
    if (known && !this.unsaved && JSON.stringify(known) === JSON.stringify(reference)) return;
    all.set(id, reference);
    await this.scheduleWrite();
  }

  async list(): Promise<Partial<ConversationReference>[]> {
    const all = await this.load();
    return [...all.values()];
  }

  private scheduleWrite(): Promise<void> {
    if (this.next) return this.next;
    const write = this.writing
      // A failed write was reported to its own callers; the next one still runs.
      .catch(() => undefined)
      .then(async () => {
        const all = await this.load();
        // Serialised now: a change made after this line needs a write of its own.
        this.next = undefined;
        this.unsaved = false;
        try {
          await writeFileAtomic(this.file, `${JSON.stringify(Object.fromEntries(all), null, 2)}\n`);
        } catch (error) {
          this.unsaved = true;
          throw error;
        }
      });
    this.next = write;
    this.writing = write;
    return write;
  }

  private load(): Promise<Map<string, Partial<ConversationReference>>> {
    this.loaded ??= this.read().catch((error: unknown) => {
      // Read again next time (the file may be mended), and never write over what could not be read.
      this.loaded = undefined;
      throw error;
    });
    return this.loaded;
  }

  private async read(): Promise<Map<string, Partial<ConversationReference>>> {
    let stored: Record<string, Partial<ConversationReference>> = {};
    try {
      stored = JSON.parse(await readFile(this.file, 'utf8')) as Record<string, Partial<ConversationReference>>;
    } catch (error) {
      // No file yet is the normal first run; anything else (bad JSON, permissions) must be seen.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return new Map(Object.entries(stored));
  }
}

const StoredReferenceSchema = z.looseObject({ conversation: z.looseObject({ id: z.string() }) });

/**
 * Conversation references as records in the shared StateStore (PostgreSQL when there are several
 * instances). As with the file, a reference is written only when new or changed, here known from
 * this instance's last look, so an ordinary message costs no database write.
 */
export class StateConversationStore implements ConversationStore {
  static readonly COLLECTION = 'conversations';
  private readonly known = new Map<string, string>();

  constructor(private readonly state: StateStore) {}

  async save(reference: Partial<ConversationReference>): Promise<void> {
    const id = reference.conversation?.id;
    if (!id) return;
    const json = JSON.stringify(reference);
    if (this.known.get(id) === json) return;
    await this.state.update(StateConversationStore.COLLECTION, id, () => reference);
    this.known.set(id, json);
  }

  async list(): Promise<Partial<ConversationReference>[]> {
    // Written by save() from activities botbuilder checked; a row that is not a reference any more
    // (edited by hand) is left out rather than handed to the connector.
    const references: Partial<ConversationReference>[] = [];
    for (const value of (await this.state.list(StateConversationStore.COLLECTION)).values()) {
      if (StoredReferenceSchema.safeParse(value).success) references.push(value as Partial<ConversationReference>);
    }
    return references;
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

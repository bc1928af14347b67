import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';
import { appendFileDurably, writeFileAtomic, type StateStore } from '../state';

/**
 * Where the bot remembers each conversation it is in, so a later feature (announcements) can
 * message it proactively: a file for one instance, the shared StateStore for several.
 */
export interface ConversationStore {
  save(reference: Partial<ConversationReference>): Promise<void>;
  list(): Promise<Partial<ConversationReference>[]>;
}

/** Beyond this many conversations the least recently seen are forgotten (they return when next messaged). */
export const MAX_FILE_CONVERSATIONS = 50_000;
/** The log is rewritten compactly when it holds this many lines more than it has conversations. */
const COMPACT_SLACK_LINES = 1_000;

type Reference = Partial<ConversationReference>;

/**
 * Conversation references in one JSON Lines file, `conversations.jsonl`: a new or changed reference
 * is one line appended (fsynced), never the whole file rewritten, and the last line for a
 * conversation wins. The file is rewritten compactly only when superseded lines pile up, and holds
 * at most MAX_FILE_CONVERSATIONS. Every message saves its reference, but only a new or changed one
 * is written. A `conversations.json` from earlier versions is read once and carried over.
 */
export class FileConversationStore implements ConversationStore {
  private readonly file: string;
  private readonly legacyFile: string;
  private loaded: Promise<Map<string, Reference>> | undefined;
  /** Lines in the file, to know when superseded ones warrant a compact rewrite. */
  private lines = 0;
  /** The file must be rewritten whole before anything is appended (carried over, or a torn last line). */
  private rewrite = false;
  /** The write under way (or the last one), so at most one runs at a time. */
  private writing: Promise<void> = Promise.resolve();
  /** References waiting for the next append: every change made meanwhile is carried by one write. */
  private pending = new Map<string, Reference>();
  private next: Promise<void> | undefined;
  /** A write failed: what is in memory may not be on disk, so the next save writes even if unchanged. */
  private unsaved = false;

  constructor(
    dataDir: string,
    private readonly maxConversations = MAX_FILE_CONVERSATIONS,
  ) {
    this.file = path.join(dataDir, 'conversations.jsonl');
    this.legacyFile = path.join(dataDir, 'conversations.json');
  }

  /** A new or changed reference resolves once the write carrying it is done; an unchanged one at once. */
  async save(reference: Reference): Promise<void> {
    const id = reference.conversation?.id;
    if (!id) return;
    const all = await this.load();
    const known = all.get(id);
    if (known && !this.unsaved && JSON.stringify(known) === JSON.stringify(reference)) return;
    // Most recently saved last: the first in the map are the ones forgotten beyond the cap.
    all.delete(id);
    all.set(id, reference);
    this.capped(all);
    this.pending.set(id, reference);
    await this.scheduleWrite();
  }

  async list(): Promise<Reference[]> {
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
        // Taken now: a change made after this line needs a write of its own.
        const lines = [...this.pending].map(([id, reference]) => `${JSON.stringify({ id, reference })}\n`);
        this.pending = new Map();
        this.next = undefined;
        this.unsaved = false;
        try {
          if (this.rewrite || this.lines + lines.length > all.size + COMPACT_SLACK_LINES) await this.rewriteWhole(all);
          else {
            await appendFileDurably(this.file, lines.join(''));
            this.lines += lines.length;
          }
        } catch (error) {
          this.unsaved = true;
          throw error;
        }
      });
    this.next = write;
    this.writing = write;
    return write;
  }

  private async rewriteWhole(all: ReadonlyMap<string, Reference>): Promise<void> {
    await writeFileAtomic(this.file, [...all].map(([id, reference]) => `${JSON.stringify({ id, reference })}\n`).join(''));
    this.lines = all.size;
    this.rewrite = false;
  }

  private load(): Promise<Map<string, Reference>> {
    this.loaded ??= this.read().catch((error: unknown) => {
      // Read again next time (the file may be mended), and never write over what could not be read.
      this.loaded = undefined;
      throw error;
    });
    return this.loaded;
  }

  private async read(): Promise<Map<string, Reference>> {
    const text = await readIfPresent(this.file);
    if (text === null) {
      // First run of this version: carry over an earlier version's whole-file store, if any.
      const legacy = await readIfPresent(this.legacyFile);
      const stored = legacy === null ? {} : (JSON.parse(legacy) as Record<string, Reference>);
      this.rewrite = legacy !== null;
      return this.capped(new Map(Object.entries(stored)));
    }
    const all = new Map<string, Reference>();
    const lines = text.split('\n');
    // A crash mid-append leaves the last line torn: it is dropped, and the file rewritten before the next append.
    const torn = !text.endsWith('\n') && text !== '';
    const complete = lines.slice(0, torn ? -1 : lines.length).filter((line) => line !== '');
    for (const line of complete) {
      // Anything else unreadable fails loudly: the file may hold the only copy of these references.
      const { id, reference } = JSON.parse(line) as { id: string; reference: Reference };
      all.delete(id);
      all.set(id, reference);
    }
    this.lines = complete.length;
    this.rewrite = torn;
    return this.capped(all);
  }

  /** Forgets the least recently saved beyond the cap; the file drops them at its next rewrite. */
  private capped(all: Map<string, Reference>): Map<string, Reference> {
    for (const oldest of all.keys()) {
      if (all.size <= this.maxConversations) break;
      all.delete(oldest);
      this.rewrite = true;
    }
    return all;
  }
}

async function readIfPresent(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    // No file yet is the normal first run; anything else (permissions) must be seen.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
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

import { z } from 'zod';
import { JsonStateFile } from './JsonStateFile';
import type { ClaimOutcome, ClaimRecord, RecordChange, StateLogger, StateStore } from './StateStore';

/** Collections sit at the top of the document beside these two names, which no collection may take. */
const RESERVED: ReadonlySet<string> = new Set(['version', 'claims']);

// Earlier versions wrote `seenPapers: null` before the first follow round: read as no records.
const DocumentSchema = z.object({ version: z.literal(1) }).catchall(z.record(z.string(), z.unknown()).nullable());
const ClaimSchema = z.object({ owner: z.string(), expiresAt: z.number(), sentAt: z.number().nullable() });

/** `version` and then one object of records per collection (checked by DocumentSchema on reading). */
type Document = Record<string, unknown>;
type Records = Record<string, unknown>;

/** The collection's records, or undefined when it has none yet (absent, or the old `null`). */
const peek = (doc: Document, name: string): Records | undefined => (doc[name] ?? undefined) as Records | undefined;
/** The collection's records, created empty if need be, for changing. */
const records = (doc: Document, name: string): Records => {
  const existing = peek(doc, name);
  if (existing) return existing;
  const created: Records = {};
  doc[name] = created;
  return created;
};

/**
 * The embedded store for one instance: every collection in one JSON file (the layout
 * announcements.json has always had), rewritten atomically and fsynced on each change. Claims live
 * in the same file, so a send claimed before a crash is still claimed after the restart.
 */
export class FileStateStore implements StateStore {
  private readonly file: JsonStateFile<Document>;

  constructor(file: string, logger: StateLogger) {
    this.file = new JsonStateFile<Document>({
      file,
      parse: (raw) => {
        const result = DocumentSchema.safeParse(raw);
        return result.success ? result.data : null;
      },
      empty: () => ({ version: 1 }),
      logger,
    });
  }

  async list(collection: string): Promise<ReadonlyMap<string, unknown>> {
    return new Map(Object.entries(peek(await this.file.read(), checked(collection)) ?? {}));
  }

  async get(collection: string, key: string): Promise<unknown> {
    return peek(await this.file.read(), checked(collection))?.[key];
  }

  async update(collection: string, key: string, change: (current: unknown) => unknown): Promise<RecordChange> {
    const name = checked(collection);
    return this.file.update((doc) => {
      const found = records(doc, name);
      const before = found[key];
      const after = change(structuredClone(before));
      if (after === undefined) delete found[key];
      else found[key] = after;
      return { before, after };
    });
  }

  /** The names of the collections in the file, for copying it into a database. */
  async collections(): Promise<string[]> {
    return Object.keys(await this.file.read()).filter((name) => !RESERVED.has(name));
  }

  claim(key: string, owner: string, ttlMs: number): Promise<ClaimOutcome> {
    return this.file.update((doc): ClaimOutcome => {
      const claims = records(doc, 'claims');
      const held = ClaimSchema.safeParse(claims[key]);
      const now = Date.now();
      if (held.success) {
        if (held.data.sentAt !== null) return 'already-sent';
        if (held.data.owner !== owner && held.data.expiresAt > now) return 'held-by-other';
      }
      claims[key] = { owner, expiresAt: now + ttlMs, sentAt: null } satisfies ClaimRecord;
      return 'claimed';
    });
  }

  async markSent(key: string): Promise<void> {
    await this.file.update((doc) => {
      const claims = records(doc, 'claims');
      const held = ClaimSchema.safeParse(claims[key]);
      const now = Date.now();
      claims[key] = { owner: held.success ? held.data.owner : '', expiresAt: now, sentAt: now } satisfies ClaimRecord;
    });
  }

  async release(key: string, owner: string): Promise<void> {
    await this.file.update((doc) => {
      const claims = peek(doc, 'claims');
      const held = ClaimSchema.safeParse(claims?.[key]);
      if (claims && held.success && held.data.owner === owner && held.data.sentAt === null) delete claims[key];
    });
  }

  async close(): Promise<void> {
    // Every change is on disk once its promise resolved; nothing is held open.
  }
}

function checked(collection: string): string {
  if (RESERVED.has(collection)) throw new Error(`FileStateStore: "${collection}" is reserved and cannot name a collection`);
  return collection;
}

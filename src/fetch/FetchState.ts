import { readFile, rename } from 'node:fs/promises';
import { writeFileAtomic } from './atomicFile';

/** What we hold for one URL: the file it became and the validators for asking again. */
export interface FetchedCopy {
  readonly file: string;
  readonly sha256: string;
  readonly etag?: string;
  readonly lastModified?: string;
}

interface StateDocument {
  readonly version: 1;
  readonly copies: Record<string, FetchedCopy>;
}

/**
 * The fetcher's memory between rounds (a small JSON file under DATA_DIR): for each URL, the file
 * it was saved as (so names stay stable and never pass to another document) and its ETag and
 * Last-Modified (so the next round can ask "changed since?"). A file that is not state this
 * version understands is set aside, never overwritten, and the round starts afresh.
 */
export class FetchState {
  private copies = new Map<string, FetchedCopy>();
  private owners = new Map<string, string>();
  private dirty = false;

  private constructor(private readonly file: string) {}

  static async load(file: string): Promise<{ state: FetchState; problem?: string }> {
    const state = new FetchState(file);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state };
      throw error;
    }
    const parsed = readState(text);
    if (!parsed) {
      const setAsideAs = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/gu, '-')}`;
      await rename(file, setAsideAs);
      return { state, problem: `${file} was not fetch state; set aside as ${setAsideAs}, every paper is asked for afresh` };
    }
    for (const [url, copy] of Object.entries(parsed.copies)) state.remember(url, copy);
    return { state };
  }

  get(url: string): FetchedCopy | undefined {
    return this.copies.get(url);
  }

  /** The URL whose copy `file` is, if any. */
  ownerOf(file: string): string | undefined {
    return this.owners.get(file);
  }

  set(url: string, copy: FetchedCopy): void {
    this.remember(url, copy);
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    const document: StateDocument = { version: 1, copies: Object.fromEntries([...this.copies].sort(([a], [b]) => a.localeCompare(b))) };
    await writeFileAtomic(this.file, `${JSON.stringify(document, null, 2)}\n`);
    this.dirty = false;
  }

  private remember(url: string, copy: FetchedCopy): void {
    const before = this.copies.get(url);
    if (before) this.owners.delete(before.file);
    this.copies.set(url, copy);
    this.owners.set(copy.file, url);
  }
}

function readState(text: string): StateDocument | null {
  try {
    const raw = JSON.parse(text) as Partial<StateDocument> | null;
    if (!raw || raw.version !== 1 || typeof raw.copies !== 'object' || raw.copies === null) return null;
    const ok = Object.values(raw.copies).every((c) => typeof c?.file === 'string' && typeof c.sha256 === 'string');
    return ok ? (raw as StateDocument) : null;
  } catch {
    return null;
  }
}

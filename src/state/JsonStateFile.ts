import { readFile, rename } from 'node:fs/promises';
import type { StateLogger } from './StateStore';
import { writeFileAtomic } from './writeFileAtomic';

export interface JsonStateFileOptions<T> {
  readonly file: string;
  /** Returns the state, or null when the JSON is not a state this version understands. */
  readonly parse: (raw: unknown) => T | null;
  readonly empty: () => T;
  readonly logger: StateLogger;
}

/**
 * One JSON document on disk, held in memory, changed through `update` one change at a time and
 * rewritten atomically. A file that cannot be read as state is renamed aside and reported, never
 * overwritten: it may hold the only copy of who subscribed.
 */
export class JsonStateFile<T> {
  private state: T | undefined;
  // Changes are chained so two turns at once cannot interleave read-modify-write.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: JsonStateFileOptions<T>) {}

  async read(): Promise<T> {
    await this.queue.catch(() => undefined);
    return this.load();
  }

  /** Applies `change` to a copy and writes it; the in-memory state moves only once the write succeeded. */
  update<R>(change: (draft: T) => R): Promise<R> {
    const run = this.queue.catch(() => undefined).then(async () => {
      const draft = structuredClone(await this.load());
      const result = change(draft);
      await writeFileAtomic(this.options.file, `${JSON.stringify(draft, null, 2)}\n`);
      this.state = draft;
      return result;
    });
    this.queue = run;
    return run;
  }

  private async load(): Promise<T> {
    if (this.state) return this.state;
    const { file, logger } = this.options;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      // No file yet is the normal first run; anything else (permissions) must stop us, not empty us.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.state = this.options.empty();
      return this.state;
    }
    let parsed: T | null = null;
    let reason = 'not the expected shape';
    try {
      parsed = this.options.parse(JSON.parse(text));
    } catch (error) {
      reason = (error as Error).message;
    }
    if (parsed === null) {
      const setAsideAs = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/gu, '-')}`;
      await rename(file, setAsideAs);
      logger.error('state_file_corrupt', { file, setAsideAs, reason, fix: `inspect ${setAsideAs}; restore it as ${file} once repaired` });
      parsed = this.options.empty();
    }
    this.state = parsed;
    return parsed;
  }
}

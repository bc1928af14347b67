import { createHash } from 'node:crypto';
import { createReadStream, watch, type FSWatcher } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../bot/logger';
import { PaperWorkerStartError } from '../ingest';
import type { ParseIssue } from '../model';
import { loadPaperIndex, type PaperIndex } from '../search';
import type { IndexHolder } from './IndexHolder';

/** What a rebuild produces; loadPaperIndex may be sync or async, so both are accepted. */
export interface PaperIndexLoad {
  readonly index: PaperIndex;
  readonly issues: readonly ParseIssue[];
}

export interface PapersWatcherOptions {
  readonly dir: string;
  readonly holder: IndexHolder;
  readonly logger: Logger;
  /** Called after each swap, in order, awaited; a failure is logged and the next still runs. */
  readonly onIndexed?: readonly ((index: PaperIndex) => Promise<void>)[];
  /** Wait after a file-system event before scanning, so a burst of events makes one scan. */
  readonly debounceMs?: number;
  /** A file is only read once its size and mtime held still across two looks and it is this old. */
  readonly settleMs?: number;
  /** Full rescan period: fs.watch misses events on some file systems (network shares, editors' renames). */
  readonly rescanMs?: number;
  /** A file still changing after this long no longer holds back the others' re-index. */
  readonly maxWaitMs?: number;
  /** Builds an index from the folder; defaults to loadPaperIndex. */
  readonly load?: (dir: string) => PaperIndexLoad | Promise<PaperIndexLoad>;
  /**
   * Changes the serving index for the files that changed (added, changed or removed, by name) instead
   * of building it again (updatePaperIndex): what the bot uses. Without it, `load` rebuilds.
   */
  readonly update?: (index: PaperIndex, dir: string, changed: ReadonlySet<string>) => Promise<PaperIndexLoad>;
  /** Saves the serving index (a snapshot), `snapshotAfterMs` after the last change, between scans. */
  readonly saveSnapshot?: (index: PaperIndex) => void | Promise<void>;
  /** Quiet time after a change before the snapshot is saved: a burst of new papers makes one save. */
  readonly snapshotAfterMs?: number;
  readonly now?: () => number;
}

type Defaults = 'debounceMs' | 'settleMs' | 'rescanMs' | 'maxWaitMs' | 'load' | 'now' | 'onIndexed' | 'snapshotAfterMs';
type OptionsWithDefaults = Required<Pick<PapersWatcherOptions, Defaults>> & Omit<PapersWatcherOptions, Defaults>;

interface FileStat {
  readonly size: number;
  readonly mtimeMs: number;
}

interface HashedFile extends FileStat {
  readonly hash: string;
}

/**
 * Keeps the index in step with the papers folder while the bot runs. Changes are found by
 * content hash (an editor touching a file is not a change); the old index serves until the
 * new one is built; a file still being written is looked at again later, never read half-way.
 */
export class PapersWatcher {
  private readonly options: OptionsWithDefaults;
  /** Size and mtime at the previous look, to tell a settled file from one still being written. */
  private readonly observed = new Map<string, FileStat>();
  /** Last hash per file, reused while size and mtime are unchanged. */
  private readonly hashed = new Map<string, HashedFile>();
  /** Files the last rebuild could not index, by the hash they had: not retried until they change. */
  private failed = new Map<string, string>();
  private pendingSince: number | undefined;
  private fsWatcher: FSWatcher | undefined;
  private rescanTimer: NodeJS.Timeout | undefined;
  private scanTimer: NodeJS.Timeout | undefined;
  private snapshotTimer: NodeJS.Timeout | undefined;
  /** A change was made since the last snapshot and the quiet time has passed: save at the end of a scan. */
  private snapshotDue = false;
  private running: Promise<void> | undefined;
  private again = false;
  /** The paper reader could not start at the last rebuild (already logged). */
  private readerDown = false;
  private stopped = false;

  constructor(options: PapersWatcherOptions) {
    this.options = {
      debounceMs: 300,
      settleMs: 1_000,
      rescanMs: 5_000,
      maxWaitMs: 60_000,
      load: loadPaperIndex,
      now: Date.now,
      onIndexed: [],
      snapshotAfterMs: 30_000,
      ...options,
    };
  }

  /** Starts watching. The holder's index must already reflect the folder (index.ts builds it first). */
  async start(): Promise<void> {
    const { dir, logger } = this.options;
    // Remember what is there now, so the first scan can tell settled files from ones being written.
    for (const [name, fileStat] of await this.listFiles()) this.observed.set(name, fileStat);
    try {
      this.fsWatcher = watch(dir, () => this.requestScan(this.options.debounceMs));
      this.fsWatcher.on('error', (error) => {
        logger.warn('papers_watch_failed', { dir, error, fallback: `rescan every ${this.options.rescanMs} ms` });
        this.fsWatcher?.close();
        this.fsWatcher = undefined;
      });
    } catch (error) {
      logger.warn('papers_watch_failed', { dir, error, fallback: `rescan every ${this.options.rescanMs} ms` });
    }
    this.rescanTimer = setInterval(() => this.requestScan(0), this.options.rescanMs);
    this.rescanTimer.unref();
    this.requestScan(0);
  }

  /** Stops watching and waits for a scan in progress, so a test can remove the folder safely. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.fsWatcher?.close();
    clearInterval(this.rescanTimer);
    clearTimeout(this.scanTimer);
    clearTimeout(this.snapshotTimer);
    await this.running;
  }

  /** Scans now (scans never overlap: a request during one runs once more afterwards). */
  scan(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.scanOnce();
        } while (this.again && !this.stopped);
        // Between scans, never during an update: the snapshot is of the newest index.
        if (this.snapshotDue && !this.stopped) await this.saveSnapshot();
      } catch (error) {
        this.options.logger.error('papers_scan_failed', { dir: this.options.dir, error });
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private requestScan(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.scanTimer);
    this.scanTimer = setTimeout(() => void this.scan(), delayMs);
    this.scanTimer.unref();
  }

  private async scanOnce(): Promise<void> {
    const now = this.options.now();
    const onDisk = await this.listFiles();
    const indexed = this.indexedHashes();
    let pending = false;
    let changed = [...indexed.keys()].some((name) => !onDisk.has(name));
    for (const [name, fileStat] of onDisk) {
      const before = this.observed.get(name);
      this.observed.set(name, fileStat);
      const known = this.hashed.get(name);
      if (known && sameStat(known, fileStat)) {
        if (known.hash !== indexed.get(name)) changed = true;
        continue;
      }
      const settled = before !== undefined && sameStat(before, fileStat) && now - fileStat.mtimeMs >= this.options.settleMs;
      if (!settled) {
        pending = true;
        continue;
      }
      const hash = await hashFile(path.join(this.options.dir, name));
      if (hash === null) continue; // removed between listing and reading: the next scan sees it gone
      this.hashed.set(name, { ...fileStat, hash });
      if (hash !== indexed.get(name)) changed = true;
    }
    for (const name of this.observed.keys()) if (!onDisk.has(name)) this.forget(name);

    if (pending) {
      this.pendingSince ??= now;
      this.requestScan(this.options.settleMs);
    } else {
      this.pendingSince = undefined;
    }
    // Wait for files still being written, so a pack is not indexed (and announced) half-way;
    // but one endlessly growing file must not hold back every other paper.
    const waitedTooLong = this.pendingSince !== undefined && now - this.pendingSince >= this.options.maxWaitMs;
    if (changed && (!pending || waitedTooLong) && !this.stopped) await this.rebuild();
  }

  private async rebuild(): Promise<void> {
    const { dir, holder, logger, update } = this.options;
    const started = this.options.now();
    const before = this.indexedHashes();
    let result: PaperIndexLoad;
    try {
      result = update ? await update(holder.current, dir, this.changedSince(before)) : await this.options.load(dir);
    } catch (error) {
      // The old index keeps serving; the next scan tries again. A reader that cannot start is the
      // installation's fault and stays so on every scan: said once, not every few seconds.
      if (!(error instanceof PaperWorkerStartError)) logger.error('papers_reindex_failed', { dir, error });
      else if (!this.readerDown) logger.error('paper_reader_unavailable', { dir, error: error.message });
      this.readerDown = error instanceof PaperWorkerStartError;
      return;
    }
    this.readerDown = false;
    holder.swap(result.index);
    if (this.options.saveSnapshot) {
      clearTimeout(this.snapshotTimer);
      this.snapshotTimer = setTimeout(() => {
        this.snapshotDue = true;
        void this.scan();
      }, this.options.snapshotAfterMs);
      this.snapshotTimer.unref();
    }
    const documents = new Set(result.index.corpus.documents.map((d) => d.file));
    this.failed = new Map();
    for (const issue of result.issues) {
      const hash = this.hashed.get(issue.file)?.hash;
      if (!documents.has(issue.file) && hash) this.failed.set(issue.file, hash);
    }
    const after = this.indexedHashes();
    const touched = [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f)).sort();
    logger.info('papers_reindexed', { dir, changedFiles: touched, ...result.index.stats, ms: this.options.now() - started });
    // Only the files that changed: the rest were reported when they were first indexed.
    for (const issue of result.issues) if (touched.includes(issue.file)) logger.warn('paper_issue', { ...issue });
    for (const listener of this.options.onIndexed) {
      try {
        await listener(result.index);
      } catch (error) {
        logger.error('papers_listener_failed', { error });
      }
    }
  }

  /** Files added, changed or removed since `indexed` (settled files only: one being written waits). */
  private changedSince(indexed: ReadonlyMap<string, string>): Set<string> {
    const changed = new Set([...indexed.keys()].filter((name) => this.hashed.get(name)?.hash !== indexed.get(name)));
    for (const [name, { hash }] of this.hashed) if (indexed.get(name) !== hash) changed.add(name);
    return changed;
  }

  private async saveSnapshot(): Promise<void> {
    this.snapshotDue = false;
    const started = this.options.now();
    try {
      await this.options.saveSnapshot?.(this.options.holder.current);
      this.options.logger.info('snapshot_saved', { dir: this.options.dir, ms: this.options.now() - started });
    } catch (error) {
      // The bot serves as before; the next start reads the changed papers again.
      this.options.logger.warn('snapshot_save_failed', { dir: this.options.dir, error });
    }
  }

  /** file → hash of what the serving index holds, plus files it could not index. */
  private indexedHashes(): Map<string, string> {
    const hashes = new Map(this.failed);
    for (const doc of this.options.holder.current.corpus.documents) hashes.set(doc.file, doc.contentHash);
    return hashes;
  }

  private forget(name: string): void {
    this.observed.delete(name);
    this.hashed.delete(name);
  }

  /**
   * Regular, non-hidden files (editors' swap files and our own temp files start with a dot). A link
   * is not followed: ingest refuses links and reports them, so a change of target is no change here.
   */
  private async listFiles(): Promise<Map<string, FileStat>> {
    const files = new Map<string, FileStat>();
    let names: string[];
    try {
      names = await readdir(this.options.dir);
    } catch (error) {
      this.options.logger.error('papers_dir_unreadable', { dir: this.options.dir, error });
      return new Map([...this.observed]);
    }
    for (const name of names.filter((n) => !n.startsWith('.')).sort()) {
      try {
        const s = await lstat(path.join(this.options.dir, name));
        if (s.isFile()) files.set(name, { size: s.size, mtimeMs: s.mtimeMs });
      } catch {
        // Removed while listing: it simply is not there.
      }
    }
    return files;
  }
}

function sameStat(a: FileStat, b: FileStat): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** Hashed as a stream: a huge paper is neither held in memory whole nor hashed in one long turn of the event loop. */
async function hashFile(file: string): Promise<string | null> {
  try {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } catch {
    return null;
  }
}

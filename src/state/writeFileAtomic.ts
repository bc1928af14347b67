import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `bytes` to `file` so that readers only ever see the old whole file or the new whole file:
 * a hidden temp file in the same folder (so the folder watcher and ingest skip it, and the rename
 * stays on one file system), flushed to disk, then renamed over the target.
 */
export async function writeFileAtomic(file: string, bytes: Buffer | string): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.part`);
  try {
    await writeSynced(temp, 'wx', bytes);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDir(dir);
}

/** Appends `bytes` to `file` (made if missing) and flushes them to disk before resolving. */
export async function appendFileDurably(file: string, bytes: Buffer | string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeSynced(file, 'a', bytes);
}

async function writeSynced(file: string, flags: 'wx' | 'a', bytes: Buffer | string): Promise<void> {
  const handle = await open(file, flags);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes the rename itself durable; some file systems refuse to open a folder, which is fine. */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort only: the file's content is already on disk.
  }
}

/** writeFileAtomic's temp files: `.name.<pid>.<8 hex>.part`. */
const PART_FILE = /^\..+\.\d+\.[0-9a-f]{8}\.part$/u;
/** Older than this, a temp file is no write in progress (a write takes seconds), even another instance's. */
const STALE_PART_MS = 10 * 60_000;

/**
 * Removes the temp files writes cut short left behind (`kill -9`, a power cut): at start, in each
 * folder writeFileAtomic writes to. Only stale ones, so another instance's write in progress is
 * untouched. Returns the names removed; a folder that is missing or unreadable has none.
 */
export async function removeLeftoverParts(dir: string, now = Date.now()): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.filter((n) => PART_FILE.test(n))) {
    const file = path.join(dir, name);
    try {
      const info = await lstat(file);
      if (!info.isFile() || now - info.mtimeMs < STALE_PART_MS) continue;
      await rm(file, { force: true });
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: nothing to clean.
    }
  }
  return removed;
}

import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** Beside the snapshot: each paper's SHA-256 when it last had its size and times. */
export const FILE_HASHES_FILE = 'paper-hashes.json';

/**
 * A file changed this recently may change again within the same tick of its clock, leaving size and
 * times as they were: it is hashed again on every load until it is older (git's "racily clean" files).
 */
const RACY_MS = 2_000;

const KnownFile = z.object({ size: z.number(), mtimeMs: z.number(), ctimeMs: z.number(), ino: z.number(), hash: z.string() });
type KnownFile = z.infer<typeof KnownFile>;
const Saved = z.object({ version: z.literal(1), files: z.record(z.string(), KnownFile) });

/**
 * Each paper file's content hash, remembered with its size, inode and times, as git's index does: a
 * restart hashes only the files whose size or times changed, not a decade of papers (0.5 s for 100 MB
 * on a loaded machine, every start). A file written in place keeps its inode but gets a new mtime and
 * ctime; one whose mtime was set back (`cp -p`, `touch -d`) still gets a new ctime. So a changed file is
 * always hashed, and the snapshot's own check (same hash, same records) decides as before.
 */
export class FileHashes {
  /** The files hashed or confirmed on this load: what `save` writes (removed files drop out). */
  private readonly seen = new Map<string, KnownFile>();
  private changed = false;

  private constructor(
    private readonly dir: string,
    private readonly known: ReadonlyMap<string, KnownFile>,
    private readonly racyMs: number,
  ) {}

  /**
   * The hashes saved in `dir`; none when there are none or they cannot be read (every file is hashed
   * then). `racyMs` is for tests, which cannot wait for a file's change time to age.
   */
  static read(dir: string, { racyMs = RACY_MS }: { racyMs?: number } = {}): FileHashes {
    let known = new Map<string, KnownFile>();
    try {
      const saved = Saved.safeParse(JSON.parse(readFileSync(join(dir, FILE_HASHES_FILE), 'utf8')));
      if (saved.success) known = new Map(Object.entries(saved.data.files));
    } catch {
      // Missing, or damaged by a crash mid-write: the files are hashed, which is what they were for.
    }
    return new FileHashes(dir, known, racyMs);
  }

  /** The SHA-256 of `path`'s bytes (hex), from memory when its size and times are as remembered; undefined when unreadable. */
  hash(path: string, name: string): string | undefined {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch {
      // An unreadable file is re-read by readPaperFile, which reports why.
      return undefined;
    }
    const now = { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino };
    const known = this.known.get(name);
    if (known && known.size === now.size && known.mtimeMs === now.mtimeMs && known.ctimeMs === now.ctimeMs && known.ino === now.ino) {
      this.seen.set(name, known);
      return known.hash;
    }
    // Times read before the bytes: a write during hashing changes them, so the next load hashes again.
    const hash = hashFile(path);
    this.changed = true;
    if (hash !== undefined && Date.now() - Math.max(now.mtimeMs, now.ctimeMs) > this.racyMs) this.seen.set(name, { ...now, hash });
    return hash;
  }

  /**
   * Saves what this load hashed, when anything changed: atomically (temporary file, rename). A failure
   * is not reported: the next start hashes every file again, as it did before hashes were remembered.
   */
  save(): void {
    if (!this.changed && this.seen.size === this.known.size) return;
    const target = join(this.dir, FILE_HASHES_FILE);
    const temp = `${target}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      const fd = openSync(temp, 'w');
      try {
        writeSync(fd, JSON.stringify({ version: 1, files: Object.fromEntries(this.seen) }));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, target);
    } catch {
      // A full disk or a read-only folder costs only hashing at the next start.
      rmSync(temp, { force: true });
    }
  }
}

/** Reused for hashing: reading every paper into fresh buffers would cost more than the hashing. */
const HASH_CHUNK = Buffer.allocUnsafe(1024 * 1024);

function hashFile(path: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const hash = createHash('sha256');
    for (let at = 0, n = 0; (n = readSync(fd, HASH_CHUNK, 0, HASH_CHUNK.length, at)) > 0; at += n) hash.update(HASH_CHUNK.subarray(0, n));
    return hash.digest('hex');
  } catch {
    // An unreadable file is re-read by readPaperFile, which reports why.
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

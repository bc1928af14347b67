import { closeSync, readSync } from 'node:fs';

/**
 * One paper file's lines, held as UTF-8 bytes with the offset of each line, not as one string per
 * line. A council's decade of papers is 100 MB of text or more: split into strings it costs two to
 * three times that in heap (a header per line, and two bytes a character once a line holds a curly
 * quote). Lines are decoded when asked for, which is a few lines per answer.
 *
 * The bytes are in memory for an index just built, and stay in the snapshot file for an index loaded
 * from one: read there when asked for, as a search engine reads its stored fields, so that loading
 * touches none of the text.
 */
export class PaperText {
  private constructor(
    private readonly bytes: TextBytes,
    /** Byte offset where each line starts, plus one past the end of the last line's newline. */
    private readonly starts: Uint32Array,
  ) {}

  static fromLines(lines: readonly string[]): PaperText {
    const bytes = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
    const starts = new Uint32Array(lines.length + 1);
    let at = 0;
    for (let k = 0; k < lines.length; k++) {
      starts[k] = at;
      at = bytes.indexOf(0x0a, at) + 1;
    }
    starts[lines.length] = bytes.length;
    return new PaperText(inMemory(bytes), starts);
  }

  /** A text saved by `toBytes` and `lineStarts`, read from `file` at `offset` when asked for. */
  static inFile(file: SnapshotTextFile, offset: number, starts: Uint32Array): PaperText {
    return new PaperText({ read: (from, to) => file.read(offset + from, to - from) }, starts);
  }

  get length(): number {
    return this.starts.length - 1;
  }

  /** Line `index` (0-based), or undefined past the end: like `lines[index]`. */
  at(index: number): string | undefined {
    if (!(index >= 0 && index < this.length)) return undefined;
    return this.slice(index, index + 1)[0];
  }

  /** Lines [start, end) (0-based), like `lines.slice(start, end)`: one read for the lot. */
  slice(start = 0, end = this.length): string[] {
    const from = Math.max(0, start < 0 ? this.length + start : start);
    const to = Math.min(this.length, end < 0 ? this.length + end : end);
    if (to <= from) return [];
    const text = this.bytes.read(this.starts[from]!, this.starts[to]! - 1).toString('utf8');
    return text.split('\n');
  }

  /** What a snapshot saves: every line followed by "\n". */
  toBytes(): Buffer {
    return this.bytes.read(0, this.starts[this.length]!);
  }

  /** What a snapshot saves beside the bytes: where each line starts. */
  lineStarts(): Uint32Array {
    return this.starts;
  }
}

interface TextBytes {
  read(from: number, to: number): Buffer;
}

function inMemory(bytes: Buffer): TextBytes {
  return { read: (from, to) => bytes.subarray(from, to) };
}

/** Closes a snapshot's file once no index reads from it: the last PaperText reading it was collected. */
const closeWhenUnused = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed (the process is ending): nothing to release.
  }
});

/**
 * The snapshot is read in blocks of a page: a passage is a few hundred bytes, so one read of a page
 * costs what reading the passage did, and the lines around it come with it.
 */
const BLOCK_BYTES = 4096;
/** 16 MB of the papers' text: the passages recent answers read, and a file's lines while the people directory reads it line by line. */
const CACHED_BLOCKS = 4096;
/** A read spanning more blocks than this (a whole file, for a new snapshot) goes to the file, past the cache. */
const MAX_CACHED_READ_BLOCKS = 16;

/** An open snapshot file that PaperTexts read from. A newer snapshot renamed over it leaves this one readable. */
export class SnapshotTextFile {
  /** Recently read blocks by number, least recently used first. */
  private readonly blocks = new Map<number, Buffer>();

  constructor(private readonly fd: number) {
    closeWhenUnused.register(this, fd);
  }

  /**
   * `length` bytes from `position`. Through the block cache: a line read costs a system call only
   * when its block is not held, so reading a file line by line, or the lines every answer quotes,
   * does not read the file again each time.
   */
  read(position: number, length: number): Buffer {
    if (length === 0) return Buffer.alloc(0);
    const first = Math.floor(position / BLOCK_BYTES);
    const last = Math.floor((position + length - 1) / BLOCK_BYTES);
    if (last - first >= MAX_CACHED_READ_BLOCKS) return this.readFile(position, length);
    const pieces: Buffer[] = [];
    for (let k = first; k <= last; k++) {
      const block = this.block(k);
      const from = Math.max(position, k * BLOCK_BYTES) - k * BLOCK_BYTES;
      const to = Math.min(position + length, (k + 1) * BLOCK_BYTES) - k * BLOCK_BYTES;
      if (to > block.length) throw new Error(`snapshot: text ends early at byte ${k * BLOCK_BYTES + block.length}`);
      pieces.push(block.subarray(from, to));
    }
    // A cached block is never written again, so handing out a view of it is safe.
    return pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, length);
  }

  private block(k: number): Buffer {
    const held = this.blocks.get(k);
    if (held) {
      // Re-inserted, so the Map's order is least recently used first.
      this.blocks.delete(k);
      this.blocks.set(k, held);
      return held;
    }
    const block = this.readFile(k * BLOCK_BYTES, BLOCK_BYTES, true);
    this.blocks.set(k, block);
    if (this.blocks.size > CACHED_BLOCKS) this.blocks.delete(this.blocks.keys().next().value!);
    return block;
  }

  /** Reads from the file; `short` allows fewer bytes at its end (the last block). */
  private readFile(position: number, length: number, short = false): Buffer {
    const buffer = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, buffer, done, length - done, position + done);
      if (n === 0) {
        if (short) break;
        throw new Error(`snapshot: text ends early at byte ${position + done}`);
      }
      done += n;
    }
    return done === length ? buffer : buffer.subarray(0, done);
  }
}
